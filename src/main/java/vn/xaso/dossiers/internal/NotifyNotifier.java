package vn.xaso.dossiers.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/** Dossier notices through the notify module (templates notify.dossier.* in i18n/dossiers.properties). */
@Component
class NotifyNotifier implements Notifier {

	private final ApplicationEventPublisher events;

	NotifyNotifier(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void send(String unitCode, @Nullable Long citizenId, String email, String phone, String name, String template,
			Map<String, String> params, String dedupeKey, String link) {
		events.publishEvent(new Notice(unitCode, new Recipient(citizenId, email.isBlank() ? null : email, phone.isBlank() ? null : phone,
				name.isBlank() ? null : name), template, params, dedupeKey, link));
	}
}
