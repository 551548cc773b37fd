package vn.xaso.portal.internal;

import java.time.Duration;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.PostAnnouncer;
import vn.xaso.radio.Announcement;
import vn.xaso.radio.Broadcasts;
import vn.xaso.radio.RadioException;

/**
 * The loudspeakers through the radio module: the notice is read by the speech engine in the
 * villages it targets (the whole commune when a targeted village has no loudspeaker zone yet), and
 * the broadcast id is kept on the post for its "read aloud" button.
 */
@Component
class RadioAnnouncer implements PostAnnouncer {

	static final Duration PLAYABLE_FOR = Duration.ofDays(7);

	private final Broadcasts broadcasts;
	private final TransactionTemplate tx;

	RadioAnnouncer(Broadcasts broadcasts, PlatformTransactionManager transactions) {
		this.broadcasts = broadcasts;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public Set<String> channels() {
		return Set.of("RADIO");
	}

	@Override
	public Outcome announce(Post post, Set<String> requested, String link, String dedupeKey) {
		var text = (post.summary().isEmpty() ? "" : post.summary() + "\n\n") + post.body();
		if (text.length() > Broadcasts.MAX_TEXT) {
			text = text.substring(0, Broadcasts.MAX_TEXT);
		}
		var title = post.title().length() > Broadcasts.MAX_TITLE ? post.title().substring(0, Broadcasts.MAX_TITLE) : post.title();
		var body = text;
		var expires = java.time.Instant.now().plus(PLAYABLE_FOR);
		var note = "";
		Long id;
		try {
			id = broadcast(post, title, body, Set.copyOf(post.villageIds()), expires);
		}
		catch (RadioException e) {
			if (!"villageIds".equals(e.field()) || post.villageIds().isEmpty()) {
				throw e;
			}
			id = broadcast(post, title, body, Set.of(), expires);
			note = " " + PortalException.vietnamese("portal.announce.wholeCommune");
		}
		return new Outcome(PortalException.vietnamese("portal.announce.radio", String.valueOf(id)) + note, id);
	}

	private Long broadcast(Post post, String title, String body, Set<Long> villages, java.time.Instant expires) {
		return Tenancy.callAs(UnitScope.of(post.unitCode()), () -> tx.execute(s -> broadcasts.announce(
				new Announcement(post.unitCode(), title, body, villages, post.urgent(), expires, dedupeKey(post)))));
	}

	private static String dedupeKey(Post post) {
		return "portal:notice:" + post.id();
	}
}
