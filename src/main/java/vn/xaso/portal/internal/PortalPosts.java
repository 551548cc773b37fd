package vn.xaso.portal.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.portal.Post;
import vn.xaso.portal.PostAttachment;
import vn.xaso.portal.Posts;

/** The portal's posts API: reads straight from the post table, changes through the use cases. */
@Service
class PortalPosts implements Posts {

	/** The floor of Last-Modified: before any commune had a portal. */
	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private final PostTable table;
	private final PostWork work;
	private final WritingPosts writing;
	private final PublishingPost publishing;
	private final AnnouncingPosts announcing;
	private final ScheduleTable schedule;
	private final ContactTable contacts;

	PortalPosts(PostTable table, PostWork work, WritingPosts writing, PublishingPost publishing, AnnouncingPosts announcing,
			ScheduleTable schedule, ContactTable contacts) {
		this.table = table;
		this.work = work;
		this.writing = writing;
		this.publishing = publishing;
		this.announcing = announcing;
		this.schedule = schedule;
		this.contacts = contacts;
	}

	@Override
	public long create(OfficialPrincipal me, Draft draft) {
		return writing.create(me, draft);
	}

	@Override
	public void update(OfficialPrincipal me, long id, Draft draft) {
		writing.update(me, id, draft);
	}

	@Override
	public void submit(OfficialPrincipal me, long id) {
		writing.submit(me, id);
	}

	@Override
	public void publish(OfficialPrincipal me, long id) {
		publishing.publish(me, id);
	}

	@Override
	public void withdraw(OfficialPrincipal me, long id) {
		publishing.withdraw(me, id);
	}

	@Override
	public Optional<Post> find(OfficialPrincipal me, long id) {
		return work.inTx(() -> table.find(me.unitCode(), id));
	}

	@Override
	public Listing list(OfficialPrincipal me, @Nullable String status, int offset, int limit) {
		return work.inTx(() -> table.list(me.unitCode(), status, offset, limit));
	}

	@Override
	public long addAttachment(OfficialPrincipal me, long postId, String title, byte[] bytes) {
		return writing.addAttachment(me, postId, title, bytes);
	}

	@Override
	public void removeAttachment(OfficialPrincipal me, long postId, long attachmentId) {
		writing.removeAttachment(me, postId, attachmentId);
	}

	@Override
	public List<PostAttachment> attachments(String unitCode, long postId) {
		return work.asUnit(unitCode, () -> table.attachments(unitCode, postId));
	}

	@Override
	public Optional<AttachmentFile> attachmentFile(OfficialPrincipal me, long postId, long attachmentId) {
		return work.inTx(() -> table.attachmentFile(me.unitCode(), postId, attachmentId, false));
	}

	@Override
	public Listing published(String unitCode, @Nullable String kind, @Nullable String category, @Nullable Long villageFirst, int offset,
			int limit) {
		return work.asUnit(unitCode, () -> table.published(unitCode, kind, category, villageFirst, offset, limit));
	}

	@Override
	public List<String> categories(String unitCode, String kind) {
		return work.asUnit(unitCode, () -> table.categories(unitCode, kind));
	}

	@Override
	public List<SitemapEntry> sitemap(int limit) {
		return work.systemWide(() -> table.sitemap(limit));
	}

	@Override
	public Optional<Post> publishedOne(String unitCode, long id) {
		return work.asUnit(unitCode, () -> table.publishedOne(unitCode, id));
	}

	@Override
	public Listing search(String unitCode, String q, int offset, int limit) {
		var words = Arrays.stream(WritingPosts.clean(q).split("\\s+")).filter(w -> !w.isBlank()).limit(8).toList();
		if (words.isEmpty()) {
			return new Listing(List.of(), 0);
		}
		return work.asUnit(unitCode, () -> table.search(unitCode, words, offset, limit));
	}

	@Override
	public Optional<AttachmentFile> publicAttachment(String unitCode, long postId, long attachmentId) {
		return work.asUnit(unitCode, () -> table.attachmentFile(unitCode, postId, attachmentId, true));
	}

	@Override
	public Instant lastModified(String unitCode) {
		return work.asUnit(unitCode, () -> Stream.of(table.lastChanged(unitCode), schedule.lastChanged(unitCode), contacts.lastChanged(unitCode))
			.filter(t -> t != null).reduce(EPOCH, (a, b) -> a.isAfter(b) ? a : b));
	}

	@Override
	public int announceDue() {
		return announcing.announceDue();
	}
}
