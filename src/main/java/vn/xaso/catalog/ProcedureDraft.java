package vn.xaso.catalog;

import java.util.List;

/**
 * The content of a procedure version before it is published (what an administrator edits or the
 * seed file holds). {@link Procedures#publish} turns it into an immutable {@link Procedure}.
 */
public record ProcedureDraft(String code, String name, String field, ProcessingTime processingTime,
		FeeSchedule fees, List<RequiredPaper> papers, FormDefinition form, OnlineMode onlineMode,
		String resultTemplate, String legalBasis, String workflow, String sources) {

	public ProcedureDraft {
		papers = List.copyOf(papers);
	}

	public static ProcedureDraft of(Procedure p) {
		return new ProcedureDraft(p.code(), p.name(), p.field(), p.processingTime(), p.fees(), p.papers(), p.form(),
				p.onlineMode(), p.resultTemplate(), p.legalBasis(), p.workflow(), p.sources());
	}
}
