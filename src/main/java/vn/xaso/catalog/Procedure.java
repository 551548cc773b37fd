package vn.xaso.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One published version of an administrative procedure. Immutable: an edit publishes a new
 * version with a new {@link #versionId()}; dossiers keep the version they were submitted on.
 *
 * @param versionId     database id of this exact version
 * @param code          national procedure code (mã TTHC), e.g. {@code 1.001193}; a commune's own
 *                      procedure without a national code gets a local code such as {@code XA-14701-001}
 * @param version       1, 2, … — increases with every edit of this code (national and commune share the sequence)
 * @param field         lĩnh vực, e.g. "Hộ tịch", "Chứng thực"
 * @param workflow      a code the dossiers module implements: {@code standard} or {@code same-day}
 * @param resultTemplate a code the dossiers module renders, e.g. {@code birth-extract}, {@code certified-copy}
 * @param sources       where the facts come from (URLs, legal texts) and what is not verified
 * @param ownerUnit     the commune that published this version; null for the national catalogue
 */
public record Procedure(long versionId, String code, int version, String name, String field,
		ProcessingTime processingTime, FeeSchedule fees, List<RequiredPaper> papers, FormDefinition form,
		OnlineMode onlineMode, String resultTemplate, String legalBasis, String workflow, String sources,
		@Nullable String ownerUnit) {

	public Procedure {
		papers = List.copyOf(papers);
	}

	public boolean national() {
		return ownerUnit == null;
	}
}
