package vn.xaso.dossiers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A procedure as the dossier pages show it: code, name, fee in words, required papers, online or not. */
public record ProcedureView(String code, String name, String unitCode, @Nullable String feeText, List<Paper> papers, boolean online) {

	/**
	 * A paper to bring or attach; {@code label} says "(nếu có)" when optional; {@code filledByForm}: the paper is
	 * the e-form itself (the declaration filled in online), never an upload.
	 */
	public record Paper(String code, String label, boolean required, boolean filledByForm) {

		public Paper(String code, String label) {
			this(code, label, true, false);
		}

		/**
		 * The label still carries the catalogue's note that the paper is filled in online (the bundle's
		 * {@code dossiers.text.byForm}, in Vietnamese as the catalogue writes it): such a paper gets no upload field.
		 */
		public boolean notedFilledOnline() {
			return label.contains(WebText.t(java.util.Locale.ROOT, "dossiers.text.byForm"));
		}
	}

	/** Paper code → what the paper is called, to list attached files by their paper. */
	public java.util.Map<String, String> paperLabels() {
		return papers.stream().collect(java.util.stream.Collectors.toMap(Paper::code, Paper::label, (a, b) -> a));
	}

	/** The papers a person attaches as files: all but the one the e-form is. */
	public List<Paper> uploadable() {
		return papers.stream().filter(p -> !p.filledByForm()).toList();
	}
}
