package vn.xaso.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.notify.internal.Deliverer;
import vn.xaso.notify.internal.Links;
import vn.xaso.notify.internal.Masks;
import vn.xaso.notify.internal.Outbox;
import vn.xaso.notify.internal.Preferences;
import vn.xaso.notify.internal.PushSubscriptions;
import vn.xaso.notify.internal.Templates;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The one port for sending messages to people. Both methods write to the outbox in the caller's
 * transaction — nothing leaves before it commits, and a rolled-back transaction sends nothing —
 * and the rows are delivered right after the commit, with retries by the scheduled job.
 *
 * <p>The caller's transaction must see {@code unitCode} (a listener or service working for that
 * commune); without a transaction one is opened for that commune.
 */
@Service
public class Notifications {

	private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z_-]{1,20}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final Templates templates;
	private final Outbox outbox;
	private final Preferences preferences;
	private final PushSubscriptions subscriptions;
	private final Deliverer deliverer;
	private final TransactionTemplate tx;

	Notifications(Templates templates, Outbox outbox, Preferences preferences, PushSubscriptions subscriptions, Deliverer deliverer,
			PlatformTransactionManager transactions) {
		this.templates = templates;
		this.outbox = outbox;
		this.preferences = preferences;
		this.subscriptions = subscriptions;
		this.deliverer = deliverer;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Queues a message to one person in the caller's transaction (outbox); delivered asynchronously
	 * on the person's chosen channels with retries; a repeated dedupeKey is ignored (no duplicate
	 * sends). Throws {@link NotifyException} for an unknown template, a placeholder without a
	 * value, or bad input.
	 */
	public void send(Notice notice) {
		check(notice.unitCode(), notice.dedupeKey(), notice.link());
		if (notice.recipient() == null) {
			throw NotifyException.of("recipient", "notify.error.noRecipient");
		}
		var rendered = templates.render(notice.template(), notice.params());
		var content = new Outbox.Content(notice.template(), notice.params(), rendered.subject(), rendered.text(), rendered.shortText(),
				notice.link(), false);
		inTransaction(notice.unitCode(), () -> {
			var ids = outbox.insert(notice.unitCode(), notice.dedupeKey(), content, targets(notice.recipient()));
			deliverer.deliverAfterCommit(ids);
		});
	}

	/**
	 * "Announce once, reach everyone": to every subscriber of the commune on the chosen channels —
	 * web push subscriptions following the commune, and citizens who follow it on e-mail (with an
	 * address), Zalo or SMS (with consent). Returns how many deliveries were queued (repeats of the
	 * same dedupeKey queue nothing new).
	 */
	public int announce(Announcement a) {
		check(a.unitCode(), a.dedupeKey(), a.link());
		if (a.title() == null || a.title().isBlank() || a.title().length() > 200) {
			throw NotifyException.of("title", "notify.error.title", "200");
		}
		if (a.text() == null || a.text().isBlank() || a.text().length() > 5000) {
			throw NotifyException.of("text", "notify.error.text", "5.000");
		}
		var params = new LinkedHashMap<String, String>();
		params.put("title", a.title().strip());
		params.put("text", a.text().strip());
		var rendered = templates.render("notify.announcement", params);
		var content = new Outbox.Content("notify.announcement", params, rendered.subject(), rendered.text(), rendered.shortText(),
				a.link(), true);
		var targets = new ArrayList<Outbox.Target>();
		if (a.channels().contains(Channel.WEB_PUSH)) {
			for (var s : subscriptions.following(a.unitCode())) {
				targets.add(new Outbox.Target(Channel.WEB_PUSH, "push:" + s.id(), s.citizenId(), String.valueOf(s.id()),
						Masks.push(s.id(), s.citizenId()), null));
			}
		}
		for (var p : preferences.following(a.unitCode())) {
			var key = "citizen:" + p.citizenId();
			if (a.channels().contains(Channel.EMAIL) && p.emailEnabled() && p.email() != null) {
				targets.add(new Outbox.Target(Channel.EMAIL, key, p.citizenId(), p.email(), Masks.email(p.email()), null));
			}
			for (var channel : List.of(Channel.ZALO, Channel.SMS)) {
				boolean consent = channel == Channel.ZALO ? p.zalo() : p.sms();
				if (a.channels().contains(channel) && consent && deliverer.enabled(channel)) {
					var phone = preferences.phone(p.citizenId()).orElse(null);
					if (phone != null) {
						targets.add(new Outbox.Target(channel, key, p.citizenId(), phone, Masks.phone(phone), null));
					}
				}
			}
		}
		return inTransaction(a.unitCode(), () -> {
			var ids = outbox.insert(a.unitCode(), a.dedupeKey(), content, targets);
			deliverer.deliverAfterCommit(ids);
			return ids.size();
		});
	}

	/**
	 * How the notices of these dedupe keys stand, per key (one entry per recipient and channel; a key never
	 * queued is absent). The caller's scope must see {@code unitCode}.
	 */
	public java.util.Map<String, List<Delivery>> deliveries(String unitCode, java.util.Collection<String> dedupeKeys) {
		if (dedupeKeys.isEmpty()) {
			return java.util.Map.of();
		}
		return inTransaction(unitCode, () -> outbox.states(unitCode, dedupeKeys));
	}

	/** Where a notice to this recipient goes, by their preferences and consents. */
	private List<Outbox.Target> targets(Recipient r) {
		var targets = new ArrayList<Outbox.Target>();
		var givenEmail = r.email() == null || r.email().isBlank() ? null : r.email().strip();
		if (givenEmail != null && (givenEmail.length() > 254 || !EMAIL.matcher(givenEmail).matches())) {
			throw NotifyException.of("recipient.email", "notify.error.recipientEmail");
		}
		if (r.citizenId() == null && r.textToPhone()) {
			var phone = PersonalData.normalisePhone(r.phone());
			if (phone == null) {
				throw NotifyException.of("recipient.phone", "notify.error.recipientPhone");
			}
			targets.add(new Outbox.Target(Channel.TEXT, "phone:" + phone, null, phone, Masks.phone(phone), null));
			if (givenEmail != null) {
				targets.add(new Outbox.Target(Channel.EMAIL, "email:" + givenEmail.toLowerCase(), null, givenEmail,
						Masks.email(givenEmail), null));
			}
			return targets;
		}
		if (r.citizenId() == null) {
			if (givenEmail == null) {
				targets.add(new Outbox.Target(Channel.EMAIL, "anonymous", null, null, "—",
						NotifyException.vietnamese("notify.text.skip.noAddress")));
			}
			else {
				targets.add(new Outbox.Target(Channel.EMAIL, "email:" + givenEmail.toLowerCase(), null, givenEmail,
						Masks.email(givenEmail), null));
			}
			return targets;
		}
		long citizenId = r.citizenId();
		var key = "citizen:" + citizenId;
		var p = preferences.of(citizenId);
		if (p.emailEnabled()) {
			var email = p.email() != null ? p.email() : givenEmail;
			targets.add(email == null
					? new Outbox.Target(Channel.EMAIL, key, citizenId, null, Masks.citizen(citizenId), NotifyException.vietnamese("notify.text.skip.noEmail"))
					: new Outbox.Target(Channel.EMAIL, key, citizenId, email, Masks.email(email), null));
		}
		if (p.pushEnabled()) {
			for (var s : subscriptions.ofCitizen(citizenId)) {
				targets.add(new Outbox.Target(Channel.WEB_PUSH, "push:" + s.id(), citizenId, String.valueOf(s.id()),
						Masks.push(s.id(), citizenId), null));
			}
		}
		@Nullable String phone = null;
		if (p.zalo() || p.sms()) {
			var given = PersonalData.normalisePhone(r.phone());
			phone = given != null ? given : preferences.phone(citizenId).orElse(null);
		}
		for (var channel : List.of(Channel.ZALO, Channel.SMS)) {
			boolean consent = channel == Channel.ZALO ? p.zalo() : p.sms();
			if (!consent) {
				continue; // without consent the channel is not used at all
			}
			String skip = phone == null ? NotifyException.vietnamese("notify.text.skip.noPhone")
					: !deliverer.enabled(channel) ? NotifyException.vietnamese("notify.text.skip.channelOff") : null;
			targets.add(new Outbox.Target(channel, key, citizenId, phone, phone == null ? Masks.citizen(citizenId) : Masks.phone(phone),
					skip));
		}
		if (targets.isEmpty()) {
			targets.add(new Outbox.Target(Channel.EMAIL, key, citizenId, null, Masks.citizen(citizenId),
					NotifyException.vietnamese("notify.text.skip.allOff")));
		}
		return targets;
	}

	private static void check(String unitCode, String dedupeKey, @Nullable String link) {
		if (unitCode == null || !UNIT.matcher(unitCode).matches()) {
			throw NotifyException.of("unitCode", "notify.error.unitCode", String.valueOf(unitCode));
		}
		if (dedupeKey == null || dedupeKey.isBlank() || dedupeKey.length() > 200) {
			throw NotifyException.of("dedupeKey", "notify.error.dedupeKey", "200");
		}
		if (!Links.valid(link)) {
			throw NotifyException.of("link", "notify.error.link");
		}
	}

	private void inTransaction(String unitCode, Runnable work) {
		inTransaction(unitCode, () -> {
			work.run();
			return null;
		});
	}

	private <T> T inTransaction(String unitCode, java.util.function.Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}
}
