package vn.xaso.dossiers.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Port to the notification module. {@code template}: notify.dossier.&lt;event&gt; message key prefix. */
public interface Notifier {

	void send(String unitCode, @Nullable Long citizenId, String email, String phone, String name, String template,
			Map<String, String> params, String dedupeKey, String link);
}
