package vn.xaso.notify.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;

/**
 * Notify listens: a use case publishes a {@link Notice} and it is queued here, synchronously, in the publisher's
 * transaction (the outbox) — nothing leaves before that transaction commits, a rolled-back one sends nothing, a repeated
 * dedupe key queues nothing; bad input is refused with {@link vn.xaso.notify.NotifyException} to the publisher.
 */
@Component
class NoticeListener {

	private final Notifications notifications;

	NoticeListener(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void on(Notice notice) {
		notifications.send(notice);
	}
}
