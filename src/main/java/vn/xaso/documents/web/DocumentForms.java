package vn.xaso.documents.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.documents.DocumentType;
import vn.xaso.platform.web.Form;
import vn.xaso.documents.Documents;
import vn.xaso.documents.WorkFiles;

/**
 * The documents pages' typed forms and filters, bound from the request by name. The use cases
 * check every value (and the same again for other callers); {@code values()} gives the values as
 * typed, for showing a form again and for the paging links.
 */
final class DocumentForms {

	private DocumentForms() {
	}


	private static String or(@Nullable String value) {
		return value == null ? "" : value;
	}

	/** Filters of the registers ({@code /documents}). */
	record RegisterFilter(@Nullable String q, @Nullable String dir, @Nullable String type, @Nullable String status,
			@Nullable String from, @Nullable String to, @Nullable String handler, @Nullable String view, @Nullable String page) {

		Map<String, String> values() {
			return Form.pairs("q", q, "dir", dir, "type", type, "status", status, "from", from, "to", to, "handler", handler,
					"view", view, "page", page);
		}

		@Nullable Boolean outgoing() {
			return "out".equals(dir) ? Boolean.TRUE : "in".equals(dir) ? Boolean.FALSE : null;
		}
	}

	/** An incoming document's metadata (Phụ lục VI); the PDF comes as the multipart part {@code file}. */
	record IncomingForm(@Nullable String issuer, @Nullable String originalNumber, @Nullable String originalDate, @Nullable String type,
			@Nullable String summary, @Nullable String signerName, @Nullable String urgency, @Nullable String attachmentCount) {

		Map<String, String> values() {
			return Form.pairs("issuer", issuer, "originalNumber", originalNumber, "originalDate", originalDate, "type", type,
					"summary", summary, "signerName", signerName, "urgency", urgency, "attachmentCount", attachmentCount);
		}

		Documents.Incoming incoming(java.time.@Nullable LocalDate date, byte[] pdf) {
			return new Documents.Incoming(or(issuer), or(originalNumber), date, DocumentType.parse(type).orElse(DocumentType.KHAC),
					or(summary), or(signerName), or(urgency), Params.parseInt(attachmentCount, -1), pdf);
		}
	}

	/**
	 * An outgoing draft as typed. {@code internalRecipients}: the receiving communes' codes (checkboxes, or codes
	 * separated by commas); {@code action}: {@code findCommune} (search communes by {@code communeQuery}),
	 * {@code saveAndSubmit}, or save.
	 */
	record DraftForm(@Nullable String type, @Nullable String summary, @Nullable String body, @Nullable String recipients,
			@Nullable List<String> internalRecipients, @Nullable String signerName, @Nullable String signerTitle,
			@Nullable String signerAuthority, @Nullable String emailRecipients, @Nullable String action,
			@Nullable String communeQuery) {

		Map<String, String> values() {
			return Form.pairs("type", type, "summary", summary, "body", body, "recipients", recipients, "signerName",
					signerName, "signerTitle", signerTitle, "signerAuthority", signerAuthority, "emailRecipients", emailRecipients,
					"action", action, "communeQuery", communeQuery);
		}

		/** The chosen communes' codes, at most 50. */
		List<String> communes() {
			return (internalRecipients == null ? List.<String>of() : internalRecipients).stream()
				.flatMap(c -> Arrays.stream(c.split("[,;\\s]+"))).map(String::strip).filter(s -> !s.isEmpty()).distinct().limit(50)
				.toList();
		}

		boolean findingCommune() {
			return "findCommune".equals(action);
		}

		boolean submitting() {
			return "saveAndSubmit".equals(action);
		}

		Documents.Draft draft() {
			return new Documents.Draft(DocumentType.parse(type).orElse(DocumentType.KHAC), or(summary), or(body), or(recipients),
					String.join(",", communes()), or(signerName), or(signerTitle), or(signerAuthority), or(emailRecipients));
		}
	}

	/** Filters of the work files list. */
	record WorkFileFilter(@Nullable String q, @Nullable String year, @Nullable String status, @Nullable String page) {

		Map<String, String> values() {
			return Form.pairs("q", q, "year", year, "status", status, "page", page);
		}
	}

	/** A new work file as typed. */
	record WorkFileForm(@Nullable String code, @Nullable String title, @Nullable String year, @Nullable String handler,
			@Nullable String retention) {

		Map<String, String> values() {
			return Form.pairs("code", code, "title", title, "year", year, "handler", handler, "retention", retention);
		}

		WorkFiles.NewWorkFile workFile() {
			return new WorkFiles.NewWorkFile(or(code), or(title), or(year), or(handler), or(retention));
		}
	}
}
