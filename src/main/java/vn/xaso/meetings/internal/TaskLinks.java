package vn.xaso.meetings.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Documents;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;

/**
 * What a task given directly may follow: a document of the register (the documents module's API) or a conclusion of a
 * meeting whose minutes the chair and the secretary signed; the form's choices and the typed value checked.
 */
@Component
class TaskLinks {

	private final Documents documents;
	private final ItemTable items;

	TaskLinks(Documents documents, ItemTable items) {
		this.documents = documents;
		this.items = items;
	}

	/** The register's recent documents the caller may read. */
	List<DirectingTasks.DocumentChoice> documents(OfficialPrincipal me) {
		return documents.search(Actor.of(me), new Documents.Search(null, null, null, null, null, null, null, null, 0, 30)).rows().stream()
			.map(r -> new DirectingTasks.DocumentChoice(r.id(), (r.numberSymbol() == null ? "" : r.numberSymbol() + " · ") + r.summary()))
			.toList();
	}

	/** The unit's conclusions of meetings with signed minutes, latest meetings first. */
	List<DirectingTasks.ConclusionChoice> conclusions(String unitCode) {
		return items.signedConclusions(unitCode, 100).stream()
			.map(c -> new DirectingTasks.ConclusionChoice(c.itemId(), c.meetingTitle(), c.day(), c.text(), c.tasked())).toList();
	}

	/** The register entry typed (blank: none); one the caller cannot read is refused. */
	@Nullable Long document(OfficialPrincipal me, @Nullable String document) {
		if (document == null || document.isBlank()) {
			return null;
		}
		var id = document.strip().matches("[0-9]{1,12}") ? Long.parseLong(document.strip()) : -1;
		if (id < 0 || documents.find(Actor.of(me), id).isEmpty()) {
			throw new MeetingsException("document", "meetings.error.taskDocument");
		}
		return id;
	}

	/**
	 * The conclusion the task follows (blank: none): of the unit, of a meeting with signed minutes; one already turned
	 * into a task is refused unless the form says to give another ({@code again}), so a double is never by accident.
	 */
	ItemTable.@Nullable Conclusion conclusion(OfficialPrincipal me, @Nullable String typed, boolean again) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		var id = typed.strip().matches("[0-9]{1,12}") ? Long.parseLong(typed.strip()) : -1;
		var found = id < 0 ? null : items.signedConclusion(me.unitCode(), id).orElse(null);
		if (found == null) {
			throw new MeetingsException("conclusion", "meetings.error.taskConclusion");
		}
		if (found.tasked() && !again) {
			throw new MeetingsException("conclusion", "meetings.error.conclusionTasked", found.meetingTitle());
		}
		return found;
	}
}
