package vn.xaso.meetings.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingsException;

/**
 * The meeting's Giấy mời in the documents module, through its API only (never its tables), on the documents module's
 * normal path for every outgoing paper: drafted and submitted to the leader ({@code Documents.draft}, {@code submit}),
 * approved and signed personally by a leader ({@code approve}), released with the register's number and the
 * organisation's signature by the clerk ({@code release}). A documents refusal (a wrong password, no signing identity)
 * becomes a meetings refusal on the password field, and nothing changes.
 */
@Component
class InvitationPaper {

	private final Documents documents;
	private final PaperTexts texts;

	InvitationPaper(Documents documents, PaperTexts texts) {
		this.documents = documents;
		this.texts = texts;
	}

	/** Drafts the Giấy mời (time, place, chair, agenda, remote rooms, invitees) and submits it to the leader. */
	long draftAndSubmit(OfficialPrincipal me, Meeting m, List<Meeting.Item> agenda, List<Meeting.Invitee> people, List<Meeting.Room> rooms) {
		var actor = Actor.of(me);
		try {
			long id = documents.draft(actor, new Documents.Draft(DocumentType.GIAY_MOI, texts.vi("meetings.text.invitationSummary", m.title()),
					body(m, agenda, rooms), people.stream().map(Meeting.Invitee::fullName).collect(Collectors.joining("\n")), "", m.chairName(),
					texts.vi("meetings.text.chairTitle"), ""));
			documents.submit(actor, id);
			return id;
		}
		catch (DocumentException e) {
			throw new MeetingsException(null, "meetings.error.invitationDocument", e.getMessage());
		}
	}

	/** A leader approves and signs the submitted Giấy mời with their own signing identity. */
	void approve(OfficialPrincipal me, long documentId, char[] password) {
		var doc = find(me, documentId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noInvitation"));
		if (!Document.SUBMITTED.equals(doc.status())) {
			throw new MeetingsException(null, "meetings.error.invitationNotSubmitted");
		}
		try {
			documents.approve(Actor.of(me), documentId, password);
		}
		catch (DocumentException e) {
			throw new MeetingsException("invitationPassword", "meetings.error.invitationDocument", e.getMessage());
		}
	}

	/**
	 * The released Giấy mời's number and symbol: released now by the clerk with the organisation's password when the
	 * leader signed it, or taken as it is when it was already released from the documents register.
	 */
	String release(OfficialPrincipal me, long documentId, char[] password) {
		var doc = find(me, documentId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noInvitation"));
		if (Document.RELEASED.equals(doc.status())) {
			return number(doc);
		}
		if (!Document.APPROVED.equals(doc.status())) {
			throw new MeetingsException(null, "meetings.error.invitationNotSigned");
		}
		if (!me.has(Role.CLERK)) {
			throw new MeetingsException(null, "meetings.error.clerkReleases");
		}
		if (password.length == 0) {
			throw new MeetingsException("releasePassword", "meetings.error.password");
		}
		try {
			return number(documents.release(Actor.of(me), documentId, password));
		}
		catch (DocumentException e) {
			throw new MeetingsException("releasePassword", "meetings.error.invitationDocument", e.getMessage());
		}
	}

	Optional<Document> find(OfficialPrincipal me, long documentId) {
		return documents.find(Actor.of(me), documentId);
	}

	private static String number(Document doc) {
		return Objects.requireNonNullElse(doc.numberSymbol(), Objects.requireNonNullElse(doc.numberText(), ""));
	}

	private String body(Meeting m, List<Meeting.Item> agenda, List<Meeting.Room> rooms) {
		var text = new StringBuilder(texts.vi("meetings.text.invitationBody", m.title(), texts.when(m.startsAt()), m.place(), m.chairName()));
		text.append("\n\n").append(texts.vi("meetings.text.agenda")).append('\n');
		for (var item : agenda) {
			text.append(item.position()).append(". ").append(item.title()).append(" (").append(item.presenter()).append(")\n");
		}
		if (!rooms.isEmpty()) {
			text.append('\n').append(texts.vi("meetings.text.rooms")).append('\n');
			rooms.forEach(r -> text.append("- ").append(r.name()).append(": ").append(r.videoUrl()).append('\n'));
		}
		return text.toString().strip();
	}
}
