package vn.xaso.dossiers.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.catalog.FieldType;
import vn.xaso.catalog.FormDefinition;
import vn.xaso.catalog.Procedure;
import vn.xaso.dossiers.DossierFile;

/**
 * What an official reads before acting on a dossier, in people's words: the e-form's filled-in fields with
 * their labels ("Có"/"Không" for a tick box, dd/mm/yyyy dates, money with thousands dots, the option as listed),
 * empty fields left out; and the papers labelled by what they are (the catalogue's paper name) with an image
 * preview or a "Xem" link that opens the file in the browser.
 */
public record Evidence(List<Value> values, List<Paper> papers) {

	/** The requester's own fields: they are the applicant, shown once in the applicant block. */
	static final java.util.Set<String> SHOWN_AS_APPLICANT = java.util.Set.of("requesterName", "requesterCccd", "requesterPhone",
			"requesterEmail", "requesterAddress");

	/** One filled-in field. */
	public record Value(String label, String text) {
	}

	/** One attached file: what it is ("Giấy chứng sinh"), the file, and whether the page can show it as an image. */
	public record Paper(String kind, DossierFile file, boolean image, boolean pdf) {
	}

	static Evidence of(@Nullable Procedure procedure, Map<String, String> form, List<DossierFile> files) {
		var values = new ArrayList<Value>();
		if (procedure != null) {
			for (var field : procedure.form().fields()) {
				if (SHOWN_AS_APPLICANT.contains(field.name())) {
					continue; // the applicant block above shows them already
				}
				var raw = form.get(field.name());
				var text = human(field.type(), raw);
				if (!text.isBlank()) {
					values.add(new Value(field.label(), text));
				}
			}
		}
		var names = new LinkedHashMap<String, String>();
		if (procedure != null) {
			var byForm = java.util.regex.Pattern.compile("\\s*\\(" + java.util.regex.Pattern.quote(WebText.t(java.util.Locale.ROOT, "dossiers.text.byForm")) + "[^)]*\\)");
			procedure.papers().forEach(p -> names.put(p.code(), byForm.matcher(p.name()).replaceAll("")));
		}
		var papers = new ArrayList<Paper>();
		for (var file : files) {
			if (file.result()) {
				continue;
			}
			var kind = file.paperCode() == null || file.paperCode().isBlank() ? null : names.get(file.paperCode());
			papers.add(new Paper(kind == null ? WebText.t("dossiers.web.evidence.otherPaper") : kind, file, file.contentType().startsWith("image/"),
					file.contentType().equals("application/pdf")));
		}
		return new Evidence(values, papers);
	}

	/** A ticked box stored as the Vietnamese word ("có", "không"; the bundle's Vietnamese yes and no) in the reader's language; anything else as it is. */
	private static String yesOrNo(String value) {
		for (var word : new String[] { "yes", "no" }) {
			if (value.equalsIgnoreCase(WebText.t(java.util.Locale.ROOT, "dossiers.web.evidence." + word))) {
				return WebText.t("dossiers.web.evidence." + word);
			}
		}
		return value;
	}

	/** A stored value as a person reads it; blank when nothing was filled in. */
	static String human(FieldType type, @Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		var value = raw.strip();
		return switch (type) {
			case CHECKBOX -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
				case "true", "on", "1", "yes" -> WebText.t("dossiers.web.evidence.yes");
				case "false", "off", "0", "no" -> WebText.t("dossiers.web.evidence.no");
				default -> yesOrNo(value);
			};
			case DATE -> {
				var date = FormDefinition.parseDate(value);
				yield date == null ? value : Show.date(date);
			}
			case MONEY -> {
				var money = FormDefinition.parseMoney(value);
				yield money == null ? value : Show.money(money);
			}
			default -> plain(value);
		};
	}

	/**
	 * A value typed or stored as text that is really a yes/no or an ISO date (older form versions, imported
	 * dossiers): "true" reads "Có", "2026-12-06" reads "06/12/2026"; anything else as it is.
	 */
	static String plain(String value) {
		switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> {
				return WebText.t("dossiers.web.evidence.yes");
			}
			case "false" -> {
				return WebText.t("dossiers.web.evidence.no");
			}
			default -> {
			}
		}
		if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			try {
				return Show.date(java.time.LocalDate.parse(value));
			}
			catch (java.time.format.DateTimeParseException e) {
				return value;
			}
		}
		return value;
	}
}
