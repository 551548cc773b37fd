package vn.xaso.dossiers.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** TEMPORARY: logs the notice (masked) until the notify module's API is merged. */
@Component
class FallbackNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(FallbackNotifier.class);

	@Override
	public void send(String unitCode, @Nullable Long citizenId, String email, String phone, String name, String template,
			Map<String, String> params, String dedupeKey, String link) {
		log.info("Dossier notice {} for citizen {} ({})", template, citizenId, dedupeKey);
	}
}
