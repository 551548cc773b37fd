package vn.xaso.documents.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.documents.Actor;

/** What a change of a document leaves behind in its transaction: the audit entry and the published events. */
@Component
class DocumentHistory {

	private final ApplicationEventPublisher events;

	DocumentHistory(ApplicationEventPublisher events) {
		this.events = events;
	}

	void record(Actor actor, String action, long id, @Nullable String before, @Nullable String after) {
		record(actor.unitCode(), actor.username(), action, id, before, after);
	}

	void record(String unitCode, String username, String action, long id, @Nullable String before, @Nullable String after) {
		events.publishEvent(AuditEvent.of(unitCode, username, action).on("document", id).change(before, after));
	}

	/** An entry about a work file ({@code work_file}). */
	void recordWorkFile(Actor actor, String action, long id, @Nullable String before, @Nullable String after) {
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), action).on("work_file", id).change(before, after));
	}

	void publish(Object event) {
		events.publishEvent(event);
	}
}
