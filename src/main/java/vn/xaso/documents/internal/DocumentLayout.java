package vn.xaso.documents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentMailAddresses;
import vn.xaso.documents.Documents;
import vn.xaso.units.Units;

/**
 * What a document looks like: the checked fields of a draft, the place name and the agency
 * abbreviations of its commune, and its PDF with or without the draft mark (Nghị định 30/2020).
 */
@Component
class DocumentLayout {

	private final Units units;
	private final SettingTable settings;

	DocumentLayout(Units units, SettingTable settings) {
		this.units = units;
		this.settings = settings;
	}

	/** The PDF: a draft (mark, blank number and date) when {@code numberSymbol} is null. */
	byte[] render(Document doc, @Nullable String numberSymbol, @Nullable LocalDate date) {
		return render(doc, numberSymbol, date, numberSymbol == null);
	}

	byte[] render(Document doc, @Nullable String numberSymbol, @Nullable LocalDate date, boolean draftMark) {
		var a = settings.abbreviations(doc.unitCode());
		var vi = Locale.forLanguageTag("vi");
		var layout = new DocumentRenderer.Layout(List.of(DocumentRenderer.PEOPLES_COMMITTEE, unitName(doc.unitCode()).toUpperCase(vi)),
				doc.type(), numberSymbol, NumberAllocator.symbol(doc.type(), a.agency(), a.office()), doc.placeName(), date,
				doc.summary(), doc.body(), DocumentRules.lines(doc.recipients()), doc.signerAuthority(), doc.signerTitle(),
				doc.signerName());
		return DocumentRenderer.render(layout, draftMark);
	}

	/** The number and symbol of a released document, e.g. {@code 05/TB-UBND}. */
	String numberSymbol(Document doc, int number) {
		var a = settings.abbreviations(doc.unitCode());
		return NumberAllocator.numberSymbol(number, doc.type(), a.agency(), a.office());
	}

	String unitName(String unitCode) {
		return units.find(unitCode).map(u -> u.name()).orElse(unitCode);
	}

	/** The commune's name without its kind, as printed beside the date ("Nga An, ngày …"). */
	String placeName(String unitCode) {
		var name = unitName(unitCode);
		for (var prefix : DocumentRenderer.UNIT_KINDS) {
			if (name.startsWith(prefix)) {
				return name.substring(prefix.length());
			}
		}
		return name;
	}

	/** The draft checked field by field, with the internal recipients as a comma list and the e-mail addresses normalised. */
	Documents.Draft validate(String unitCode, Documents.Draft d) {
		if (d.type() == null || !d.type().draftable()) {
			throw DocumentException.of("type", "documents.error.type");
		}
		var summary = DocumentRules.text("summary", d.summary(), 1, 500, "documents.error.summary");
		var body = DocumentRules.text("body", d.body(), 1, 50_000, "documents.error.body");
		var recipients = DocumentRules.text("recipients", d.recipients(), 1, 2000, "documents.error.recipients");
		var signerName = DocumentRules.text("signerName", d.signerName(), 1, 100, "documents.error.signerName");
		var signerTitle = DocumentRules.text("signerTitle", d.signerTitle(), 1, 100, "documents.error.signerTitle");
		var authority = DocumentRules.text("signerAuthority", d.signerAuthority(), 0, 100, "documents.error.signerAuthority");
		var internal = new ArrayList<String>();
		for (var code : DocumentRules.codes(d.internalRecipients())) {
			if (code.equals(unitCode) || !code.matches("[0-9]{5}") || !units.isCommune(code)) {
				throw DocumentException.of("internalRecipients", "documents.error.internalRecipient", code);
			}
			internal.add(code);
		}
		var emails = DocumentMailAddresses.normalize(d.emailRecipients());
		return new Documents.Draft(d.type(), summary, body, recipients, String.join(",", internal), signerName, signerTitle,
				authority, emails);
	}
}
