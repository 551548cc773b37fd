package vn.xaso.notify.internal;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;

/**
 * Notify listens: a use case publishes a {@link Notice} and it is queued here, synchronously, in the publisher's
 * transaction (the outbox) — nothing leaves before that transaction commits, a rolled-back one sends nothing, a repeated
 * dedupe key queues nothing; bad input is refused with {@link vn.xaso.notify.NotifyException} to the publisher.
 * A listener bean (not an {@code @EventListener} method) so that a notice published during start-up is not lost.
 */
@Component
class NoticeListener implements ApplicationListener<ApplicationEvent> {

	private final Notifications notifications;

	NoticeListener(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> published && published.getPayload() instanceof Notice notice) {
			notifications.send(notice);
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}
}
