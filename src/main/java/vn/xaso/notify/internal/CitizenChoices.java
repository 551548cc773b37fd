package vn.xaso.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.context.ApplicationEventPublisher;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.notify.NotifyException;
import vn.xaso.platform.Refusal;

/**
 * A citizen changes how they get news. Zalo and SMS consents get the time they were given; an
 * unticked box withdraws the consent (the time is cleared and the withdrawal audited). The caller
 * runs it as system work for this citizen only.
 */
@Component
public class CitizenChoices {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final Preferences preferences;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CitizenChoices(Preferences preferences, ApplicationEventPublisher events, Clock clock) {
		this.preferences = preferences;
		this.events = events;
		this.clock = clock;
	}

	public record Choice(@Nullable String email, boolean emailEnabled, boolean pushEnabled, boolean zalo, boolean sms,
			@Nullable String followUnitCode) {
	}

	/** Field → message of the notify bundle when the input is wrong; nothing is saved then. */
	public Map<String, Refusal.Text> problems(Choice c) {
		var errors = new LinkedHashMap<String, Refusal.Text>();
		var email = c.email() == null ? "" : c.email().strip();
		if (email.length() > 254) {
			errors.put("email", new Refusal.Text("notify.error.emailLong", "254"));
		}
		else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
			errors.put("email", new Refusal.Text("notify.error.emailBad"));
		}
		return errors;
	}

	@Transactional
	public Preferences.Preference save(long citizenId, Choice c) {
		if (!problems(c).isEmpty()) {
			throw new IllegalArgumentException(problems(c).toString());
		}
		var now = clock.instant();
		var old = preferences.of(citizenId);
		var email = c.email() == null || c.email().isBlank() ? null : c.email().strip();
		var updated = new Preferences.Preference(citizenId, email, c.emailEnabled(), c.pushEnabled(),
				c.zalo() ? (old.zaloConsentAt() != null ? old.zaloConsentAt() : now) : null,
				c.sms() ? (old.smsConsentAt() != null ? old.smsConsentAt() : now) : null, c.followUnitCode());
		preferences.save(updated);
		var changes = new ArrayList<String>();
		if (!old.zalo() && updated.zalo()) {
			changes.add(NotifyException.vietnamese("notify.text.change.zaloOn"));
		}
		if (old.zalo() && !updated.zalo()) {
			changes.add(NotifyException.vietnamese("notify.text.change.zaloOff"));
		}
		if (!old.sms() && updated.sms()) {
			changes.add(NotifyException.vietnamese("notify.text.change.smsOn"));
		}
		if (old.sms() && !updated.sms()) {
			changes.add(NotifyException.vietnamese("notify.text.change.smsOff"));
		}
		if (old.emailEnabled() != updated.emailEnabled() || !java.util.Objects.equals(old.email(), updated.email())) {
			changes.add(updated.emailEnabled() ? NotifyException.vietnamese("notify.text.change.emailOn", Masks.email(updated.email()))
					: NotifyException.vietnamese("notify.text.change.emailOff"));
		}
		if (old.pushEnabled() != updated.pushEnabled()) {
			changes.add(NotifyException.vietnamese(updated.pushEnabled() ? "notify.text.change.pushOn" : "notify.text.change.pushOff"));
		}
		if (!java.util.Objects.equals(old.followUnitCode(), updated.followUnitCode())) {
			changes.add(updated.followUnitCode() == null ? NotifyException.vietnamese("notify.text.change.unfollow")
					: NotifyException.vietnamese("notify.text.change.follow", updated.followUnitCode()));
		}
		if (!changes.isEmpty()) {
			events.publishEvent(AuditEvent.of(AuditLog.SYSTEM_UNIT, "citizen:" + citizenId, "notify.preferences.changed")
				.on("citizen", citizenId).change(null, String.join("; ", changes)));
		}
		return updated;
	}
}
