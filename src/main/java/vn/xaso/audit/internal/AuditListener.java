package vn.xaso.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditEvents;
import vn.xaso.audit.AuditLog;

/**
 * The audit log listens: a use case publishes an {@link AuditEvent} (or several of one unit as {@link AuditEvents})
 * and the entry is appended here, synchronously, in the publisher's transaction — so it exists exactly when the change
 * it describes commits, as if the use case had called {@link AuditLog} itself, and a refused entry rolls the change back.
 */
@Component
class AuditListener {

	private final AuditLog log;

	AuditListener(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuditEvent event) {
		log.record(event);
	}

	@EventListener
	void on(AuditEvents events) {
		log.recordAll(events.entries());
	}
}
