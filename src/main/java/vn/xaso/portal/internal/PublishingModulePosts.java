package vn.xaso.portal.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.portal.ModulePosts;
import vn.xaso.portal.PostPublished;
import vn.xaso.portal.PostWithdrawn;
import vn.xaso.portal.Posts;

/**
 * {@link ModulePosts}: a module's notice as a portal post of kind "notice", published at once, found again by its key
 * (one post per commune and key); joins the caller's transaction. The announcement job announces it as any post (it
 * has no channels besides the portal).
 */
@Service
class PublishingModulePosts implements ModulePosts {

	private final PostTable table;
	private final PostWork work;

	PublishingModulePosts(PostTable table, PostWork work) {
		this.table = table;
		this.work = work;
	}

	@Override
	public long publishNotice(String unitCode, String key, Notice notice, String by) {
		return work.inTx(() -> {
			var draft = new Posts.Draft("notice", cut(notice.category(), 60), cut(notice.title(), 200), cut(notice.summary(), 500),
					cut(notice.body(), 20000), null, List.of(), Set.of(), false);
			var existing = table.lockByKey(unitCode, key);
			long id;
			if (existing.isPresent()) {
				id = existing.get();
				table.update(id, draft);
			}
			else {
				id = table.insert(unitCode, draft, by);
				table.keep(id, key);
			}
			var at = work.now();
			table.published(id, at, by);
			work.audit(AuditEvent.of(unitCode, by, "portal.post.published").on("portal_post", id).change(null, key + " published " + at));
			work.publish(new PostPublished(unitCode, id, "notice", draft.title(), at));
			return id;
		});
	}

	@Override
	public boolean withdrawNotice(String unitCode, String key, String by) {
		return work.inTx(() -> {
			var existing = table.lockByKey(unitCode, key);
			if (existing.isEmpty() || !table.isPublished(existing.get())) {
				return false;
			}
			long id = existing.get();
			table.status(id, "draft");
			work.audit(AuditEvent.of(unitCode, by, "portal.post.withdrawn").on("portal_post", id).change(null, key));
			work.publish(new PostWithdrawn(unitCode, id));
			return true;
		});
	}

	private static String cut(String s, int max) {
		var t = s.strip();
		return t.length() <= max ? t : t.substring(0, max - 1) + "…";
	}
}
