package vn.xaso.party.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyDocumentFiled;
import vn.xaso.party.PartyException;

/**
 * The library of resolutions, directives, conclusions and instructions: the committee files them (a PDF checked by its
 * content), every member of the commune's organisation searches them without diacritics and reads them (audited).
 */
@Service
public class KeepingLibrary {

	/** A document as typed. */
	public record Input(@Nullable String kind, @Nullable String number, @Nullable String title, @Nullable String issuedOn,
			@Nullable String summary) {
	}

	private final LibraryTable library;
	private final PartyWork work;

	KeepingLibrary(LibraryTable library, PartyWork work) {
		this.library = library;
		this.work = work;
	}

	public long file(PartyCaller caller, Input in, byte[] pdf) {
		return work.asMember(caller, rights -> {
			var d = checked(rights.unitCode(), rights.actor(), in, pdf);
			rights.requireCommittee();
			long id = library.insert(d);
			work.audit(rights, "party.document.filed", "party_document", id, d.kind() + " (" + d.pages() + " pages)");
			work.publish(new PartyDocumentFiled(rights.unitCode(), id, d.kind().name()));
			return id;
		});
	}

	private LibraryTable.NewDocument checked(String unitCode, String by, Input in, byte[] pdf) {
		PartyViews.DocumentKind kind;
		try {
			kind = PartyViews.DocumentKind.valueOf(in.kind() == null ? "" : in.kind());
		}
		catch (IllegalArgumentException e) {
			throw PartyException.of("kind", "party.error.documentKind");
		}
		var number = PartyRights.text("number", in.number(), 1, 50, "party.error.number");
		var title = PartyRights.text("title", in.title(), 3, 300, "party.error.documentTitle");
		var summary = PartyRights.text("summary", in.summary(), 0, 2000, "party.error.summary");
		LocalDate issued;
		try {
			issued = LocalDate.parse(in.issuedOn() == null ? "" : in.issuedOn().strip());
		}
		catch (DateTimeParseException e) {
			throw PartyException.of("issuedOn", "party.error.issuedOn");
		}
		if (issued.isAfter(work.today()) || issued.getYear() < 1930) {
			throw PartyException.of("issuedOn", "party.error.issuedOn");
		}
		return new LibraryTable.NewDocument(unitCode, kind, number, title, issued, summary, PdfUpload.pagesOf(pdf), pdf, by);
	}

	/** Every word of {@code q} (no diacritics needed), newest first. */
	public List<PartyViews.Document> search(PartyCaller caller, @Nullable String q) {
		var words = q == null ? "" : q.strip();
		var query = words.length() > 100 ? words.substring(0, 100) : words;
		return work.asMember(caller, rights -> library.search(rights.unitCode(), query, 100));
	}

	public PartyViews.Content read(PartyCaller caller, long id) {
		return work.asMember(caller, rights -> {
			var content = library.content(rights.unitCode(), id).orElseThrow(() -> PartyException.of("party.error.noFile"));
			work.audit(rights, "party.document.read", "party_document", id, "");
			return content;
		});
	}

	/** Whether the caller may file documents (the committee), for the page. */
	public boolean mayFile(PartyCaller caller) {
		return work.asMember(caller, PartyRights::committee);
	}
}
