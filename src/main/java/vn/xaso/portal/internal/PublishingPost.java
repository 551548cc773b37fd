package vn.xaso.portal.internal;

import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.portal.PortalException;

/** A leader publishes a post (now or at its set time; announced when due) or takes it off the portal. */
@Service
class PublishingPost {

	private final PostTable table;
	private final PostWork work;
	private final AnnouncingPosts announcing;

	PublishingPost(PostTable table, PostWork work, AnnouncingPosts announcing) {
		this.table = table;
		this.work = work;
		this.announcing = announcing;
	}

	void publish(OfficialPrincipal me, long id) {
		if (!me.has(Role.LEADER)) {
			throw new PortalException("status", "portal.error.leaderPublishes");
		}
		work.inTx(() -> {
			var article = work.lock(me, id);
			var at = article.publish(me, work.now());
			table.published(id, at, me.username());
			work.record(article, AuditEvent.of(me.unitCode(), me.username(), "portal.post.published").on("portal_post", id)
				.change(article.post().status(), "published " + at));
			return null;
		});
		// After the commit, so that the claim below sees the post (and a failed announcement keeps it published).
		announcing.announceDue();
	}

	void withdraw(OfficialPrincipal me, long id) {
		if (!me.has(Role.LEADER)) {
			throw new PortalException("status", "portal.error.leaderWithdraws");
		}
		work.inTx(() -> {
			var article = work.lock(me, id);
			article.withdraw();
			table.status(id, "draft");
			work.record(article, AuditEvent.of(me.unitCode(), me.username(), "portal.post.withdrawn").on("portal_post", id));
			return null;
		});
	}
}
