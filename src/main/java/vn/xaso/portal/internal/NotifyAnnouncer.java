package vn.xaso.portal.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.notify.Announcement;
import vn.xaso.notify.Channel;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.PostAnnouncer;

/** Push, Zalo, e-mail and SMS through the notification module ("announce once, reach everyone"). */
@Component
class NotifyAnnouncer implements PostAnnouncer {

	private final Notifications notifications;

	NotifyAnnouncer(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public Set<String> channels() {
		return Set.of("WEB_PUSH", "ZALO", "EMAIL", "SMS");
	}

	@Override
	public Outcome announce(Post post, Set<String> requested, String link, String dedupeKey) {
		var channels = EnumSet.noneOf(Channel.class);
		requested.forEach(c -> channels.add(Channel.valueOf(c)));
		var text = post.summary().isEmpty() ? post.body() : post.summary();
		if (text.length() > 5000) {
			text = text.substring(0, 4999) + "…";
		}
		var message = new Announcement(post.unitCode(), channels, post.title(), text, link, dedupeKey);
		int queued = Tenancy.callAs(UnitScope.of(post.unitCode()), () -> notifications.announce(message));
		return new Outcome(PortalException.vietnamese("portal.announce.queued", String.join(", ", requested), String.valueOf(queued)), null);
	}
}
