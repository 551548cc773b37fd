package vn.xaso.setup.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;
import vn.xaso.units.Units;

/**
 * Sends a commune's setup link to its first administrator through notify's outbox (template
 * {@code province.invite}): a text message to the given phone ({@code Channel.TEXT}: the SMS provider, else Zalo,
 * else the demo outbox) and, when an address was given, an e-mail — with the outbox's retries and delivery state,
 * which {@code /province/communes} shows. One notice per link ({@link #dedupeKey}): a repeated call sends nothing
 * more, a new link (sent again) is a new notice. Called after the invitations are committed.
 */
@Component
class InvitationSender {

	private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

	record Link(String provinceCode, String communeCode, String communeName, String adminName, String phone, String email,
			String token) {

		static Link of(String provinceCode, ProvinceStore.CheckedRow row, String token) {
			return new Link(provinceCode, row.communeCode(), row.communeName(), row.adminName(), row.phone(), row.email(), token);
		}
	}

	private final ApplicationEventPublisher events;
	private final Units units;
	private final PublicAddress address;

	InvitationSender(ApplicationEventPublisher events, Units units, PublicAddress address) {
		this.events = events;
		this.units = units;
		this.address = address;
	}

	static String path(String token) {
		return "/setup/commune/" + token;
	}

	/** The outbox key of one link: the commune and the start of its token's hash (a new link, a new key). */
	static String dedupeKey(String communeCode, String tokenHash) {
		return "province-invite:" + communeCode + ":" + tokenHash.substring(0, 16);
	}

	void send(String provinceCode, List<Link> links) {
		var province = units.find(provinceCode).map(vn.xaso.units.Unit::name).orElse(provinceCode);
		for (var link : links) {
			var url = address.absolute(path(link.token()));
			try {
				ProvinceOnboarding.inProvince(units, provinceCode, () -> {
					events.publishEvent(new Notice(provinceCode,
							Recipient.person(link.phone(), link.email().isBlank() ? null : link.email(), link.adminName()), "province.invite",
							Map.of("name", link.adminName(), "commune", link.communeName(), "province", province, "link", url, "days",
									String.valueOf(ProvinceOnboarding.INVITE_LIFE.toDays())),
							dedupeKey(link.communeCode(), SetupTokens.hash(link.token())), path(link.token())));
					return null;
				});
			}
			catch (RuntimeException e) {
				log.warn("Setup invitation for commune {} not queued: {}", link.communeCode(), e.getMessage());
			}
		}
	}
}
