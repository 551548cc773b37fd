package vn.xaso.portal.internal;

import java.text.Normalizer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.Posts;
import vn.xaso.portal.Posts.Draft;
import vn.xaso.units.Villages;

/** Editors write a post: draft it, change it, attach files, submit it to a leader. */
@Service
class WritingPosts {

	private final PostTable table;
	private final PostWork work;
	private final Villages villages;

	WritingPosts(PostTable table, PostWork work, Villages villages) {
		this.table = table;
		this.work = work;
		this.villages = villages;
	}

	long create(OfficialPrincipal me, Draft draft) {
		requireEditor(me);
		var d = validate(me, draft);
		return work.inTx(() -> {
			long id = table.insert(me.unitCode(), d, me.username());
			work.audit(AuditEvent.of(me.unitCode(), me.username(), "portal.post.created").on("portal_post", id)
				.change(null, d.kind() + ": " + d.title()));
			return id;
		});
	}

	void update(OfficialPrincipal me, long id, Draft draft) {
		requireEditor(me);
		var d = validate(me, draft);
		work.inTx(() -> {
			var article = work.lock(me, id);
			article.edit(me);
			table.update(id, d);
			work.record(article, AuditEvent.of(me.unitCode(), me.username(), "portal.post.updated").on("portal_post", id)
				.change(article.post().title(), d.title()));
			return null;
		});
	}

	void submit(OfficialPrincipal me, long id) {
		requireEditor(me);
		work.inTx(() -> {
			var article = work.lock(me, id);
			article.submit(me);
			table.status(id, "submitted");
			work.record(article, AuditEvent.of(me.unitCode(), me.username(), "portal.post.submitted").on("portal_post", id));
			return null;
		});
	}

	long addAttachment(OfficialPrincipal me, long postId, String title, byte[] bytes) {
		requireEditor(me);
		var cleanTitle = clean(title);
		if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
			throw new PortalException("attachmentTitle", "portal.error.attachmentTitle");
		}
		var type = UploadCheck.contentType(bytes);
		return work.inTx(() -> {
			work.lock(me, postId).edit(me);
			if (table.attachmentCount(postId) >= 10) {
				throw new PortalException("file", "portal.error.attachmentsMany");
			}
			long id = table.insertAttachment(me.unitCode(), postId, cleanTitle, type, bytes, me.username());
			table.touch(postId);
			work.audit(AuditEvent.of(me.unitCode(), me.username(), "portal.attachment.added").on("portal_post", postId)
				.change(null, cleanTitle + " (" + type + ", " + bytes.length + " B)"));
			return id;
		});
	}

	void removeAttachment(OfficialPrincipal me, long postId, long attachmentId) {
		requireEditor(me);
		work.inTx(() -> {
			work.lock(me, postId).edit(me);
			if (!table.deleteAttachment(postId, attachmentId)) {
				throw new PortalException("file", "portal.error.noAttachment");
			}
			table.touch(postId);
			work.audit(AuditEvent.of(me.unitCode(), me.username(), "portal.attachment.removed").on("portal_post", postId)
				.change(String.valueOf(attachmentId), null));
			return null;
		});
	}

	static boolean isFullEditor(OfficialPrincipal me) {
		return me.has(Role.LEADER) || me.has(Role.SPECIALIST) || me.has(Role.ADMIN);
	}

	private static void requireEditor(OfficialPrincipal me) {
		if (!Posts.isEditor(me)) {
			throw new PortalException("status", "portal.error.notEditor");
		}
	}

	private Draft validate(OfficialPrincipal me, Draft d) {
		var kind = d.kind() == null ? "" : d.kind();
		if (!Post.KINDS.contains(kind)) {
			throw new PortalException("kind", "portal.error.kind");
		}
		if (!isFullEditor(me) && !"notice".equals(kind)) {
			throw new PortalException("kind", "portal.error.villageHeadNotice");
		}
		var title = clean(d.title());
		if (title.isEmpty()) {
			throw new PortalException("title", "portal.error.titleMissing");
		}
		if (title.length() > 200) {
			throw new PortalException("title", "portal.error.titleLong");
		}
		var category = clean(d.category());
		if (category.length() > 60) {
			throw new PortalException("category", "portal.error.categoryLong");
		}
		var summary = clean(d.summary());
		if (summary.length() > 500) {
			throw new PortalException("summary", "portal.error.summaryLong");
		}
		var body = Normalizer.normalize(d.body() == null ? "" : d.body(), Normalizer.Form.NFC).replace("\r\n", "\n").strip();
		if (body.isEmpty()) {
			throw new PortalException("body", "portal.error.bodyMissing");
		}
		if (body.length() > 20000) {
			throw new PortalException("body", "portal.error.bodyLong");
		}
		var commune = villages.list(me.unitCode());
		for (var v : d.villageIds()) {
			if (commune.stream().noneMatch(x -> x.id() == v && x.active())) {
				throw new PortalException("villages", "portal.error.villageOther");
			}
		}
		if (me.has(Role.VILLAGE_HEAD) && !isFullEditor(me) && d.villageIds().isEmpty()) {
			throw new PortalException("villages", "portal.error.villageHeadVillages");
		}
		for (var c : d.channels()) {
			if (!Post.CHANNELS.contains(c)) {
				throw new PortalException("channels", "portal.error.channel");
			}
		}
		if (!"notice".equals(kind) && d.channels().contains("RADIO")) {
			throw new PortalException("channels", "portal.error.radioNoticesOnly");
		}
		if (d.publishAt() != null && d.publishAt().isAfter(work.now().plus(Duration.ofDays(366)))) {
			throw new PortalException("publishAt", "portal.error.publishAtFar");
		}
		return new Draft(kind, category, title, summary, body, d.publishAt(), List.copyOf(new LinkedHashSet<>(d.villageIds())),
				Set.copyOf(d.channels()), d.urgent());
	}

	static String clean(@Nullable String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
	}
}
