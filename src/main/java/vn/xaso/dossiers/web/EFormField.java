package vn.xaso.dossiers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One e-form field ready for the page: the catalog's field definition turned into the HTML input to
 * use (type, inputmode, autocomplete), with the value the person typed and its error, if any. The
 * template {@code dossiers/eform.jte} renders a list of these; it needs no JavaScript.
 */
public record EFormField(String name, String label, String kind, boolean required, @Nullable String help, int maxLength,
		List<String> options, String value, @Nullable String error) {

	/** The HTML id of the input, also the target of the error summary's links. */
	public String id() {
		return "f-" + name;
	}

	public boolean textarea() {
		return "TEXTAREA".equals(kind);
	}

	public boolean select() {
		return "SELECT".equals(kind);
	}

	public boolean checkbox() {
		return "CHECKBOX".equals(kind);
	}

	public boolean checked() {
		return "true".equals(value) || "on".equals(value) || "1".equals(value);
	}

	/** The input type attribute: mobile keyboards follow it. */
	public String inputType() {
		return switch (kind) {
			case "DATE" -> "date";
			case "PHONE" -> "tel";
			case "EMAIL" -> "email";
			default -> "text";
		};
	}

	/** Numeric keypad for digits-only fields; numbers and money are typed as text so "1.500.000" is accepted. */
	public @Nullable String inputmode() {
		return switch (kind) {
			case "CCCD", "NUMBER", "MONEY" -> "numeric";
			case "PHONE" -> "tel";
			case "EMAIL" -> "email";
			default -> null;
		};
	}

	public @Nullable String autocomplete() {
		return switch (kind) {
			case "PHONE" -> "tel";
			case "EMAIL" -> "email";
			case "CCCD" -> "off";
			default -> null;
		};
	}

	public @Nullable Integer maxLengthAttr() {
		if (maxLength > 0) {
			return maxLength;
		}
		return switch (kind) {
			case "CCCD" -> 12;
			case "PHONE" -> 15;
			default -> null;
		};
	}

	/** Ids of the help and error texts, for aria-describedby; null when there are none. */
	public @Nullable String describedBy() {
		var ids = new StringBuilder();
		if (help != null && !help.isBlank()) {
			ids.append(id()).append("-hint");
		}
		if (error != null) {
			ids.append(ids.isEmpty() ? "" : " ").append(id()).append("-error");
		}
		return ids.isEmpty() ? null : ids.toString();
	}

	/** Extra field-width class: short inputs for short values, so a phone screen reads them as such. */
	public String widthClass() {
		return switch (kind) {
			case "CCCD", "PHONE", "DATE", "NUMBER", "MONEY" -> " eform-short";
			default -> "";
		};
	}
}
