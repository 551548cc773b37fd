package vn.xaso.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;

/**
 * A citizen changes how they get news. Zalo and SMS consents get the time they were given; an
 * unticked box withdraws the consent (the time is cleared and the withdrawal audited). The caller
 * runs it as system work for this citizen only.
 */
@Component
public class CitizenChoices {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final Preferences preferences;
	private final AuditLog audit;
	private final Clock clock;

	CitizenChoices(Preferences preferences, AuditLog audit, Clock clock) {
		this.preferences = preferences;
		this.audit = audit;
		this.clock = clock;
	}

	public record Choice(@Nullable String email, boolean emailEnabled, boolean pushEnabled, boolean zalo, boolean sms,
			@Nullable String followUnitCode) {
	}

	/** Field → message when the input is wrong; nothing is saved then. */
	public Map<String, String> problems(Choice c) {
		var errors = new LinkedHashMap<String, String>();
		var email = c.email() == null ? "" : c.email().strip();
		if (email.length() > 254) {
			errors.put("email", "Địa chỉ thư điện tử dài quá 254 ký tự.");
		}
		else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
			errors.put("email", "Địa chỉ thư điện tử không đúng, ví dụ: ten@gmail.com.");
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
			changes.add("Đồng ý nhận tin Zalo");
		}
		if (old.zalo() && !updated.zalo()) {
			changes.add("Rút lại đồng ý nhận tin Zalo");
		}
		if (!old.sms() && updated.sms()) {
			changes.add("Đồng ý nhận tin SMS");
		}
		if (old.sms() && !updated.sms()) {
			changes.add("Rút lại đồng ý nhận tin SMS");
		}
		if (old.emailEnabled() != updated.emailEnabled() || !java.util.Objects.equals(old.email(), updated.email())) {
			changes.add(updated.emailEnabled() ? "Nhận tin qua thư điện tử " + Masks.email(updated.email()) : "Tắt thư điện tử");
		}
		if (old.pushEnabled() != updated.pushEnabled()) {
			changes.add(updated.pushEnabled() ? "Bật thông báo đẩy" : "Tắt thông báo đẩy");
		}
		if (!java.util.Objects.equals(old.followUnitCode(), updated.followUnitCode())) {
			changes.add(updated.followUnitCode() == null ? "Thôi theo dõi thông báo chung" : "Theo dõi thông báo của xã " + updated.followUnitCode());
		}
		if (!changes.isEmpty()) {
			audit.record(AuditEvent.of(AuditLog.SYSTEM_UNIT, "citizen:" + citizenId, "notify.preferences.changed")
				.on("citizen", citizenId).change(null, String.join("; ", changes)));
		}
		return updated;
	}
}
