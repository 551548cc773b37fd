package vn.xaso.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/**
 * Posts of the commune portals: officials draft, a leader approves and publishes (now or at a set
 * time), the public reads what is published and due. Officials act in their own tenancy scope;
 * public reads run in the scope of the one commune asked for, so row-level security holds either
 * way. Publishing publishes {@link PostPublished}; withdrawing {@link PostWithdrawn}; announcing
 * {@link PostAnnounced}.
 */
public interface Posts {

	/** What an editor writes. {@code publishAt} null means "as soon as it is approved". */
	record Draft(String kind, String category, String title, String summary, String body, @Nullable Instant publishAt,
			List<Long> villageIds, Set<String> channels, boolean urgent) {
	}

	record Listing(List<Post> items, long total) {
	}

	record AttachmentFile(String title, String contentType, byte[] bytes) {
	}

	record SitemapEntry(String unitCode, @Nullable Long postId, Instant changed) {
	}

	/** Officials who may write posts: leaders, specialists, administrators, village heads (notices only). */
	static boolean isEditor(OfficialPrincipal me) {
		return me.has(Role.LEADER) || me.has(Role.SPECIALIST) || me.has(Role.ADMIN) || me.has(Role.VILLAGE_HEAD);
	}

	// ---- editors

	long create(OfficialPrincipal me, Draft draft);

	void update(OfficialPrincipal me, long id, Draft draft);

	void submit(OfficialPrincipal me, long id);

	/**
	 * A leader approves: the post is published at its set time (or now), and announced on its channels
	 * once that time has come — right away here when it is due, otherwise by the announcement job.
	 */
	void publish(OfficialPrincipal me, long id);

	/** Takes a published post off the portal (a leader); it goes back to draft. */
	void withdraw(OfficialPrincipal me, long id);

	Optional<Post> find(OfficialPrincipal me, long id);

	Listing list(OfficialPrincipal me, @Nullable String status, int offset, int limit);

	long addAttachment(OfficialPrincipal me, long postId, String title, byte[] bytes);

	void removeAttachment(OfficialPrincipal me, long postId, long attachmentId);

	List<PostAttachment> attachments(String unitCode, long postId);

	/** An attachment for an official of the commune, whatever the post's state. */
	Optional<AttachmentFile> attachmentFile(OfficialPrincipal me, long postId, long attachmentId);

	// ---- the public

	/** Published posts of a commune, newest first; with {@code villageFirst}, that village's notices first. */
	Listing published(String unitCode, @Nullable String kind, @Nullable String category, @Nullable Long villageFirst, int offset, int limit);

	/** The categories used by a commune's published posts of one kind, for the filter. */
	List<String> categories(String unitCode, String kind);

	/** Every commune home with published posts, and every published post, for sitemap.xml. */
	List<SitemapEntry> sitemap(int limit);

	Optional<Post> publishedOne(String unitCode, long id);

	/** Published posts whose title, category, summary or text contain every word, ignoring case and diacritics. */
	Listing search(String unitCode, String q, int offset, int limit);

	/** A public attachment: only of a post that is published and due. */
	Optional<AttachmentFile> publicAttachment(String unitCode, long postId, long attachmentId);

	/** When the commune's public pages last changed (posts, schedule, contacts), for Last-Modified and ETag. */
	Instant lastModified(String unitCode);

	// ---- announcing

	/** Announces every published post whose time has come and that was not announced yet; how many were. */
	int announceDue();
}
