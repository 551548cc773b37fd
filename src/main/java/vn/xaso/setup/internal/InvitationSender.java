package vn.xaso.setup.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;
import vn.xaso.notify.Recipient;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.messaging.TextMessages;
import vn.xaso.units.Units;

/**
 * Sends a commune's setup link to its first administrator: a text message (the platform's text port, which the
 * notify module backs with the configured SMS or Zalo provider) and, when an address was given, an e-mail through
 * the notify outbox (template {@code province.invite}, one per invitation). Called after the invitations are
 * committed; a failed text is logged (masked) and the province page still shows the commune as invited.
 */
@Component
class InvitationSender {

	private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

	record Link(String provinceCode, ProvinceStore.CheckedRow row, String token, long importId) {
	}

	private final TextMessages texts;
	private final Notifications notifications;
	private final Units units;
	private final String base;

	InvitationSender(TextMessages texts, Notifications notifications, Units units,
			@Value("${xaso.notify.public-url:${XASO_PUBLIC_URL:http://localhost:8080}}") String base) {
		this.texts = texts;
		this.notifications = notifications;
		this.units = units;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	static String path(String token) {
		return "/setup/commune/" + token;
	}

	void send(String provinceCode, List<Link> links) {
		var province = units.find(provinceCode).map(vn.xaso.units.Unit::name).orElse(provinceCode);
		for (var link : links) {
			var row = link.row();
			var url = base + path(link.token());
			try {
				texts.send(row.phone(), "XaSo: " + province + " moi " + row.communeName() + " cai dat XaSo. Mo " + url
						+ " (dung 1 lan, han " + ProvinceOnboarding.INVITE_LIFE.toDays() + " ngay).");
			}
			catch (RuntimeException e) {
				log.warn("Setup invitation text to {} failed: {}", PersonalData.maskPhone(row.phone()), e.getMessage());
			}
			if (!row.email().isBlank()) {
				try {
					ProvinceOnboarding.inProvince(units, provinceCode, () -> {
						notifications.send(new Notice(provinceCode, Recipient.email(row.email(), row.adminName()), "province.invite",
								Map.of("name", row.adminName(), "commune", row.communeName(), "province", province, "link", url,
										"days", String.valueOf(ProvinceOnboarding.INVITE_LIFE.toDays())),
								"province-invite:" + link.importId() + ":" + row.communeCode(), path(link.token())));
						return null;
					});
				}
				catch (RuntimeException e) {
					log.warn("Setup invitation e-mail for commune {} not queued: {}", row.communeCode(), e.getMessage());
				}
			}
		}
	}
}
