package vn.xaso.dossiers;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A dossier's result filled before signing: the specialist completes the result's fields (prefilled from the
 * e-form) and previews the PDF; the leader signs exactly that (refused while a field is blank); the clerk or
 * one-stop officer adds the commune's seal (the organisation's digital signature). Civil-status results carry the
 * number of their entry in the commune's register (sổ hộ tịch) for the year.
 */
public interface Results {

	/** One field: {@code kind} TEXT, DATE or SEX; {@code shown} the value as printed (dates dd/MM/yyyy). */
	record Line(String key, String label, String kind, String value, String shown, boolean needed) {
	}

	record Sheet(long dossierId, String code, String procedureName, String template, String state, String stateLabel,
			List<Line> lines, List<String> missing, @Nullable String registerName, @Nullable Integer registerYear,
			@Nullable Integer registerNumber, boolean editable, boolean signed, boolean sealed, boolean canSeal,
			@Nullable String sealedBy) {
	}

	Sheet sheet(Caller official, long dossierId);

	/** Saves the specialist's entries; once nothing is blank, the entry gets its register number. */
	Sheet save(Caller official, long dossierId, Map<String, String> entries);

	/** The result as it will be signed today, unsigned. */
	byte[] preview(Caller official, long dossierId);

	/** Adds the commune's seal (organisation signature) to the signed result. */
	void seal(Caller official, long dossierId, char[] password);

	/** A signed result still without the seal: it cannot go to the desk yet (issue 21). */
	record AwaitingSeal(long dossierId, String code, String procedureName, String applicantName, java.time.@Nullable Instant signedAt) {
	}

	/** The commune's signed results still waiting for the seal, oldest signature first (for the clerk and the desk). */
	List<AwaitingSeal> awaitingSeal(Caller official);
}
