package vn.xaso.dossiers.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;
import vn.xaso.notify.Recipient;

/** Dossier notices through the notify module (templates notify.dossier.* in i18n/dossiers.properties). */
@Component
class NotifyNotifier implements Notifier {

	private final Notifications notifications;

	NotifyNotifier(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void send(String unitCode, @Nullable Long citizenId, String email, String phone, String name, String template,
			Map<String, String> params, String dedupeKey, String link) {
		notifications.send(new Notice(unitCode, new Recipient(citizenId, email.isBlank() ? null : email, phone.isBlank() ? null : phone,
				name.isBlank() ? null : name), template, params, dedupeKey, link));
	}
}
