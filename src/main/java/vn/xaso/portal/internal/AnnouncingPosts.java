package vn.xaso.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.PostAnnounced;
import vn.xaso.portal.PostAnnouncer;

/**
 * Carries every published post whose time has come, once, to the channels its editor chose. Each
 * post is claimed in its own transaction (announced_at set first), so a post is never announced
 * twice even with two jobs running.
 */
@Service
class AnnouncingPosts {

	private static final Logger log = LoggerFactory.getLogger(AnnouncingPosts.class);

	private final PostTable table;
	private final PostWork work;
	private final List<PostAnnouncer> announcers;

	AnnouncingPosts(PostTable table, PostWork work, List<PostAnnouncer> announcers) {
		this.table = table;
		this.work = work;
		this.announcers = announcers;
	}

	int announceDue() {
		int done = 0;
		while (true) {
			var claimed = work.systemWide(table::claimDue);
			if (claimed == null || claimed.isEmpty()) {
				return done;
			}
			announce(claimed.get());
			done++;
		}
	}

	private void announce(Post post) {
		var notes = new ArrayList<String>();
		Long broadcast = null;
		var remaining = new LinkedHashSet<>(post.channels());
		var link = "/x/" + post.unitCode() + "/posts/" + post.id();
		for (var announcer : announcers) {
			var mine = new LinkedHashSet<>(remaining);
			mine.retainAll(announcer.channels());
			if (mine.isEmpty()) {
				continue;
			}
			remaining.removeAll(mine);
			try {
				var outcome = announcer.announce(post, mine, link, "portal:notice:" + post.id());
				notes.add(outcome.note());
				if (outcome.broadcastId() != null) {
					broadcast = outcome.broadcastId();
				}
			}
			catch (RuntimeException e) {
				log.warn("Announcing portal post {} on {} failed", post.id(), mine, e);
				notes.add(PortalException.vietnamese("portal.announce.failed", String.join(", ", mine), e.getClass().getSimpleName()));
			}
		}
		if (!remaining.isEmpty()) {
			notes.add(PortalException.vietnamese("portal.announce.notConnected", String.join(", ", remaining)));
		}
		var note = String.join(" · ", notes);
		var broadcastId = broadcast;
		work.systemWide(() -> {
			table.announced(post.id(), note, broadcastId);
			work.audit(AuditEvent.of(post.unitCode(), "system", "portal.post.announced").on("portal_post", post.id())
				.change(null, post.channels().isEmpty() ? "portal" : "portal, " + String.join(", ", post.channels())));
			work.publish(new PostAnnounced(post.unitCode(), post.id(), post.channels(), note));
			return null;
		});
	}
}
