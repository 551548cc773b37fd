package vn.xaso.documents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;

/** An incoming document's way to done: the leader's direction to handlers, their notes, and finishing it. */
@Component
public class HandlingIncoming {

	private final DocumentTable table;
	private final DocumentQueries queries;
	private final WorkingCalendar calendar;
	private final DocumentHistory history;
	private final Clock clock;

	HandlingIncoming(DocumentTable table, DocumentQueries queries, WorkingCalendar calendar, DocumentHistory history, Clock clock) {
		this.table = table;
		this.queries = queries;
		this.calendar = calendar;
		this.history = history;
		this.clock = clock;
	}

	/** The leader's direction: who handles it and in how many working days. */
	public void assign(Actor actor, long id, String directionNote, List<String> handlers, int workingDays) {
		DocumentRules.require(actor, Role.LEADER);
		var entry = table.entry(actor.unitCode(), id);
		entry.take(RegisterEntry.Step.ASSIGN);
		var note = DocumentRules.text("directionNote", directionNote, 1, 4000, "documents.error.directionNote");
		if (workingDays < 1 || workingDays > 90) {
			throw DocumentException.of("workingDays", "documents.error.workingDays");
		}
		var chosen = new LinkedHashSet<>(handlers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
		if (chosen.isEmpty()) {
			throw DocumentException.of("handlers", "documents.error.handlersNone");
		}
		var known = queries.handlers(actor);
		var deadline = calendar.addWorkingDays(LocalDate.now(clock.withZone(Documents.VIETNAM)), workingDays);
		var assigned = new ArrayList<Documents.Handler>();
		for (var username : chosen) {
			assigned.add(known.stream().filter(h -> h.username().equals(username)).findFirst()
				.orElseThrow(() -> DocumentException.of("handlers", "documents.error.handlerUnknown", username)));
		}
		table.assign(actor, id, note, deadline, assigned);
		table.addNote(actor, id, "direction", note);
		history.record(actor, "document.assigned", id, entry.document().status(),
				DocumentException.vietnamese("documents.text.assigned", String.join(", ", chosen), deadline.toString()));
	}

	public void addNote(Actor actor, long id, String text) {
		var entry = table.entry(actor.unitCode(), id);
		entry.take(RegisterEntry.Step.NOTE);
		entry.handledBy(actor);
		var note = DocumentRules.text("note", text, 1, 4000, "documents.error.note");
		table.addNote(actor, id, "processing", note);
		history.record(actor, "document.noted", id, null, note.length() > 200 ? note.substring(0, 200) : note);
	}

	/** The handler finishes an incoming document, optionally naming the released outgoing reply. */
	public void markDone(Actor actor, long id, String note, @Nullable Long replyId) {
		var entry = table.entry(actor.unitCode(), id);
		entry.take(RegisterEntry.Step.FINISH);
		entry.handledBy(actor);
		var doc = entry.document();
		if (replyId != null) {
			var reply = table.find(actor.unitCode(), replyId).filter(r -> r.outgoing() && Document.RELEASED.equals(r.status()));
			if (reply.isEmpty()) {
				throw DocumentException.of("replyId", "documents.error.reply");
			}
		}
		var text = DocumentRules.text("note", note, 0, 4000, "documents.error.doneNote");
		var doneOn = table.done(actor.unitCode(), id, replyId);
		table.addNote(actor, id, "done", text.isEmpty() ? DocumentException.vietnamese("documents.text.handled") : text);
		history.publish(doc.deadline() == null || !doneOn.isAfter(doc.deadline())
				? DocumentMetrics.on(actor.unitCode(), doneOn, DocumentMetrics.INCOMING_DONE, DocumentMetrics.INCOMING_DONE_ON_TIME)
				: DocumentMetrics.on(actor.unitCode(), doneOn, DocumentMetrics.INCOMING_DONE));
		history.record(actor, "document.done", id, doc.status(),
				replyId == null ? null : DocumentException.vietnamese("documents.text.repliedWith", String.valueOf(replyId)));
	}
}
