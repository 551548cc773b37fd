package vn.xaso.dossiers.internal;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * What the dossier core needs of a catalogue procedure version. {@code slaKind}: SAME_DAY, WORKING_HOURS or
 * WORKING_DAYS; {@code fee}: the fee in đồng for a form (pages/copies read from the form if present);
 * {@code validate}: the e-form's field errors; {@code onlineMode}: FULL, PARTIAL or COUNTER_ONLY; {@code labels}: the e-form's field labels by name.
 */
public record ProcedureInfo(long versionId, String code, String name, String field, int slaAmount, String slaKind,
		LocalTime cutoff, ToLongFunction<Map<String, String>> fee, List<Paper> papers,
		Function<Map<String, String>, Map<String, vn.xaso.platform.Refusal.Text>> validate, String onlineMode, String resultTemplate,
		String workflow, @Nullable String ownerUnit, Map<String, String> labels) {

	/** {@code filledByForm}: the paper is the e-form itself, so a dossier with its e-form has it. */
	public record Paper(String code, String name, boolean required, boolean filledByForm) {

		public Paper(String code, String name, boolean required) {
			this(code, name, required, false);
		}
	}
}
