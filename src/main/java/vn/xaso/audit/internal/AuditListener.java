package vn.xaso.audit.internal;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditEvents;
import vn.xaso.audit.AuditLog;

/**
 * The audit log listens: a use case publishes an {@link AuditEvent} (or several of one unit as {@link AuditEvents})
 * and the entry is appended here, synchronously, in the publisher's transaction — so it exists exactly when the change
 * it describes commits, as if the use case had called {@link AuditLog} itself, and a refused entry rolls the change back.
 *
 * <p>An {@link ApplicationListener} bean rather than an {@code @EventListener} method: the context knows listener beans
 * before it creates any singleton, while {@code @EventListener} methods are registered only after all singletons exist —
 * an event published during start-up (the national catalogue's seed, run while its bean is created) would be lost.
 */
@Component
class AuditListener implements ApplicationListener<ApplicationEvent> {

	private final AuditLog log;

	AuditListener(AuditLog log) {
		this.log = log;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> published) {
			if (published.getPayload() instanceof AuditEvent entry) {
				log.record(entry);
			}
			else if (published.getPayload() instanceof AuditEvents entries) {
				log.recordAll(entries.entries());
			}
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		return false; // in the publisher's transaction, always
	}
}
