package vn.xaso.portal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.internal.UploadCheck;
import vn.xaso.units.Villages;

/**
 * Posts of the commune portals: officials draft, a leader approves and publishes (now or at a set
 * time), the public reads what is published and due. Officials act in their own tenancy scope; public
 * reads run in the scope of the one commune asked for, so row-level security holds either way.
 */
@Service
public class Posts {

	private static final Logger log = LoggerFactory.getLogger(Posts.class);

	static final String COLUMNS = """
			id, unit_code, kind, category, title, summary, body, status, publish_at, village_ids, channels, urgent,
			announced_at, announce_note, broadcast_id, created_by, approved_by, updated_at""";
	static final String PUBLIC_CONDITION = "status = 'published' and publish_at <= now()";

	private static final RowMapper<Post> POST = Posts::post;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final Villages villages;
	private final Clock clock;
	private final List<PostAnnouncer> announcers;

	Posts(JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog audit, Villages villages, Clock clock,
			List<PostAnnouncer> announcers) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.audit = audit;
		this.villages = villages;
		this.clock = clock;
		this.announcers = announcers;
	}

	/** What an editor writes. {@code publishAt} null means "as soon as it is approved". */
	public record Draft(String kind, String category, String title, String summary, String body, @Nullable Instant publishAt,
			List<Long> villageIds, Set<String> channels, boolean urgent) {
	}

	public record Listing(List<Post> items, long total) {
	}

	public record AttachmentFile(String title, String contentType, byte[] bytes) {
	}

	// ---- editors ------------------------------------------------------------------------------

	/** Officials who may write posts: leaders, specialists, administrators, village heads (notices only). */
	public static boolean isEditor(OfficialPrincipal me) {
		return me.has(Role.LEADER) || me.has(Role.SPECIALIST) || me.has(Role.ADMIN) || me.has(Role.VILLAGE_HEAD);
	}

	public long create(OfficialPrincipal me, Draft draft) {
		requireEditor(me);
		var d = validate(me, draft);
		return inTx(() -> {
			long id = jdbc.sql("""
					insert into portal_post (unit_code, kind, category, title, summary, body, publish_at, village_ids, channels, urgent, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(me.unitCode(), d.kind(), d.category(), d.title(), d.summary(), d.body(), ts(d.publishAt()),
						d.villageIds().toArray(new Long[0]), d.channels().toArray(new String[0]), d.urgent(), me.username())
				.query(Long.class).single();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.post.created").on("portal_post", id)
				.change(null, d.kind() + ": " + d.title()));
			return id;
		});
	}

	public void update(OfficialPrincipal me, long id, Draft draft) {
		requireEditor(me);
		var d = validate(me, draft);
		inTx(() -> {
			var post = lockEditable(me, id);
			jdbc.sql("""
					update portal_post set kind = ?, category = ?, title = ?, summary = ?, body = ?, publish_at = ?, village_ids = ?,
					  channels = ?, urgent = ?, status = 'draft', updated_at = now() where id = ?""")
				.params(d.kind(), d.category(), d.title(), d.summary(), d.body(), ts(d.publishAt()), d.villageIds().toArray(new Long[0]),
						d.channels().toArray(new String[0]), d.urgent(), id)
				.update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.post.updated").on("portal_post", id)
				.change(post.title(), d.title()));
			return null;
		});
	}

	public void submit(OfficialPrincipal me, long id) {
		requireEditor(me);
		inTx(() -> {
			var post = lockEditable(me, id);
			if (!"draft".equals(post.status())) {
				throw new PortalException("status", "Bài này đã trình duyệt rồi.");
			}
			jdbc.sql("update portal_post set status = 'submitted', updated_at = now() where id = ?").param(id).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.post.submitted").on("portal_post", id));
			return null;
		});
	}

	/**
	 * A leader approves: the post is published at its set time (or now), and announced on its channels
	 * once that time has come — right away here when it is due, otherwise by the announcement job.
	 */
	public void publish(OfficialPrincipal me, long id) {
		if (!me.has(Role.LEADER)) {
			throw new PortalException("status", "Chỉ lãnh đạo xã duyệt và đăng bài.");
		}
		inTx(() -> {
			var post = lockEditable(me, id);
			var at = post.publishAt() == null || post.publishAt().isBefore(clock.instant()) ? clock.instant() : post.publishAt();
			jdbc.sql("update portal_post set status = 'published', publish_at = ?, approved_by = ?, updated_at = now() where id = ?")
				.params(ts(at), me.username(), id).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.post.published").on("portal_post", id)
				.change(post.status(), "published " + at));
			return null;
		});
		announceDue();
	}

	/** Takes a published post off the portal (a leader); it goes back to draft. */
	public void withdraw(OfficialPrincipal me, long id) {
		if (!me.has(Role.LEADER)) {
			throw new PortalException("status", "Chỉ lãnh đạo xã gỡ bài đã đăng.");
		}
		inTx(() -> {
			var post = lock(me, id);
			if (!post.published()) {
				throw new PortalException("status", "Bài này chưa đăng.");
			}
			jdbc.sql("update portal_post set status = 'draft', updated_at = now() where id = ?").param(id).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.post.withdrawn").on("portal_post", id));
			return null;
		});
	}

	public Optional<Post> find(OfficialPrincipal me, long id) {
		return inTx(() -> jdbc.sql("select " + COLUMNS + " from portal_post where id = ? and unit_code = ?")
			.params(id, me.unitCode()).query(POST).optional());
	}

	public Listing list(OfficialPrincipal me, @Nullable String status, int offset, int limit) {
		var where = "unit_code = ?" + (status == null ? "" : " and status = ?");
		List<Object> params = new ArrayList<>(List.of(me.unitCode()));
		if (status != null) {
			params.add(status);
		}
		return inTx(() -> {
			long total = jdbc.sql("select count(*) from portal_post where " + where).params(params).query(Long.class).single();
			var items = jdbc.sql("select " + COLUMNS + " from portal_post where " + where + " order by updated_at desc, id desc limit ? offset ?")
				.params(concat(params, limit, offset)).query(POST).list();
			return new Listing(items, total);
		});
	}

	public long addAttachment(OfficialPrincipal me, long postId, String title, byte[] bytes) {
		requireEditor(me);
		var cleanTitle = clean(title);
		if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
			throw new PortalException("attachmentTitle", "Hãy ghi tên tệp, tối đa 200 ký tự.");
		}
		var type = UploadCheck.contentType(bytes);
		return inTx(() -> {
			lockEditable(me, postId);
			long count = jdbc.sql("select count(*) from portal_attachment where post_id = ?").param(postId).query(Long.class).single();
			if (count >= 10) {
				throw new PortalException("file", "Mỗi bài có tối đa 10 tệp kèm theo.");
			}
			long id = jdbc.sql("""
					insert into portal_attachment (unit_code, post_id, title, content_type, bytes, created_by)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(me.unitCode(), postId, cleanTitle, type, bytes, me.username()).query(Long.class).single();
			jdbc.sql("update portal_post set updated_at = now() where id = ?").param(postId).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.attachment.added").on("portal_post", postId)
				.change(null, cleanTitle + " (" + type + ", " + bytes.length + " B)"));
			return id;
		});
	}

	public void removeAttachment(OfficialPrincipal me, long postId, long attachmentId) {
		requireEditor(me);
		inTx(() -> {
			lockEditable(me, postId);
			int n = jdbc.sql("delete from portal_attachment where id = ? and post_id = ?").params(attachmentId, postId).update();
			if (n == 0) {
				throw new PortalException("file", "Không có tệp này.");
			}
			jdbc.sql("update portal_post set updated_at = now() where id = ?").param(postId).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.attachment.removed").on("portal_post", postId)
				.change(String.valueOf(attachmentId), null));
			return null;
		});
	}

	public List<PostAttachment> attachments(String unitCode, long postId) {
		return asUnit(unitCode, () -> jdbc.sql("""
				select id, post_id, title, content_type, length(bytes) from portal_attachment where post_id = ? and unit_code = ? order by id""")
			.params(postId, unitCode)
			.query((rs, n) -> new PostAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list());
	}

	/** An attachment for an official of the commune, whatever the post's state. */
	public Optional<AttachmentFile> attachmentFile(OfficialPrincipal me, long postId, long attachmentId) {
		return inTx(() -> attachmentQuery(me.unitCode(), postId, attachmentId, false));
	}

	// ---- the public ---------------------------------------------------------------------------

	/**
	 * Published posts of a commune, newest first; with {@code villageFirst}, the notices for that
	 * village come before the others.
	 */
	public Listing published(String unitCode, @Nullable String kind, @Nullable String category, @Nullable Long villageFirst, int offset,
			int limit) {
		var where = new StringBuilder("unit_code = ? and " + PUBLIC_CONDITION);
		List<Object> params = new ArrayList<>(List.of(unitCode));
		if (kind != null) {
			where.append(" and kind = ?");
			params.add(kind);
		}
		if (category != null) {
			where.append(" and category = ?");
			params.add(category);
		}
		var order = villageFirst == null ? "publish_at desc, id desc" : "(? = any(village_ids)) desc, publish_at desc, id desc";
		return asUnit(unitCode, () -> {
			long total = jdbc.sql("select count(*) from portal_post where " + where).params(params).query(Long.class).single();
			var orderParams = villageFirst == null ? new Object[0] : new Object[] { villageFirst };
			var items = jdbc.sql("select " + COLUMNS + " from portal_post where " + where + " order by " + order + " limit ? offset ?")
				.params(concat(concat(params, orderParams), limit, offset)).query(POST).list();
			return new Listing(items, total);
		});
	}

	/** The categories used by a commune's published posts of one kind, for the filter. */
	public List<String> categories(String unitCode, String kind) {
		return asUnit(unitCode, () -> jdbc.sql("select distinct category from portal_post where unit_code = ? and kind = ? and category <> '' and "
				+ PUBLIC_CONDITION + " order by category limit 50")
			.params(unitCode, kind).query(String.class).list());
	}

	public record SitemapEntry(String unitCode, @Nullable Long postId, Instant changed) {
	}

	/** Every commune home with published posts, and every published post, for sitemap.xml (read across communes: all of it is public). */
	public List<SitemapEntry> sitemap(int limit) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql("""
				(select unit_code, null::bigint as id, max(greatest(updated_at, publish_at)) as changed from portal_post
				  where\s""" + PUBLIC_CONDITION + """
				 group by unit_code)
				union all
				(select unit_code, id, greatest(updated_at, publish_at) from portal_post where\s""" + PUBLIC_CONDITION + """
				 order by publish_at desc limit ?)
				order by 1, 2 nulls first""")
			.param(limit)
			.query((rs, n) -> {
				var unit = rs.getString(1);
				long id = rs.getLong(2);
				return new SitemapEntry(unit, rs.wasNull() ? null : id, rs.getTimestamp(3).toInstant());
			}).list()));
	}

	public Optional<Post> publishedOne(String unitCode, long id) {
		return asUnit(unitCode, () -> jdbc.sql("select " + COLUMNS + " from portal_post where id = ? and unit_code = ? and " + PUBLIC_CONDITION)
			.params(id, unitCode).query(POST).optional());
	}

	/** Published posts whose title, category, summary or text contain every word, ignoring case and diacritics. */
	public Listing search(String unitCode, String q, int offset, int limit) {
		var words = Arrays.stream(clean(q).split("\\s+")).filter(w -> !w.isBlank()).limit(8).toList();
		if (words.isEmpty()) {
			return new Listing(List.of(), 0);
		}
		var where = new StringBuilder("unit_code = ? and " + PUBLIC_CONDITION);
		List<Object> params = new ArrayList<>(List.of(unitCode));
		for (var w : words) {
			where.append(" and search_folded like '%' || xaso_fold(?) || '%'");
			params.add(w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		}
		return asUnit(unitCode, () -> {
			long total = jdbc.sql("select count(*) from portal_post where " + where).params(params).query(Long.class).single();
			var items = jdbc.sql("select " + COLUMNS + " from portal_post where " + where + " order by publish_at desc, id desc limit ? offset ?")
				.params(concat(params, limit, offset)).query(POST).list();
			return new Listing(items, total);
		});
	}

	/** A public attachment: only of a post that is published and due. */
	public Optional<AttachmentFile> publicAttachment(String unitCode, long postId, long attachmentId) {
		return asUnit(unitCode, () -> attachmentQuery(unitCode, postId, attachmentId, true));
	}

	/**
	 * When the commune's public pages last changed: the latest change or publication time among its
	 * visible posts, schedule and contacts (withdrawn posts count through their updated_at). Used for
	 * Last-Modified and ETag, so a scheduled post becoming due changes it as well.
	 */
	public Instant lastModified(String unitCode) {
		return asUnit(unitCode, () -> jdbc.sql("""
				select greatest(
				  (select max(updated_at) from portal_post where unit_code = ?),
				  (select max(publish_at) from portal_post where unit_code = ? and status = 'published' and publish_at <= now()),
				  (select max(updated_at) from portal_schedule where unit_code = ?),
				  (select max(updated_at) from portal_contact where unit_code = ?),
				  timestamptz '2026-01-01 00:00:00+00')""")
			.params(unitCode, unitCode, unitCode, unitCode).query(Timestamp.class).single().toInstant());
	}

	// ---- announcing ---------------------------------------------------------------------------

	/**
	 * Announces every published post whose time has come and that was not announced yet, on the
	 * channels its editor chose. Each post is claimed in its own transaction (announced_at set first),
	 * so a post is never announced twice even with two jobs running. Returns how many were announced.
	 */
	public int announceDue() {
		int done = 0;
		while (true) {
			var claimed = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql("""
					update portal_post set announced_at = now() where id = (
					  select id from portal_post where status = 'published' and publish_at <= now() and announced_at is null
					  order by publish_at limit 1 for update skip locked)
					returning """ + " " + COLUMNS).query(POST).optional()));
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
				notes.add(String.join(", ", mine) + ": lỗi khi gửi (" + e.getClass().getSimpleName() + ")");
			}
		}
		if (!remaining.isEmpty()) {
			notes.add(String.join(", ", remaining) + ": kênh này chưa được kết nối, chưa gửi.");
		}
		var note = String.join(" · ", notes);
		var broadcastId = broadcast;
		Tenancy.runAs(UnitScope.systemWide(), () -> tx.executeWithoutResult(s -> {
			jdbc.sql("update portal_post set announce_note = ?, broadcast_id = coalesce(?, broadcast_id) where id = ?")
				.params(note.length() > 2000 ? note.substring(0, 2000) : note, broadcastId, post.id()).update();
			audit.record(AuditEvent.of(post.unitCode(), "system", "portal.post.announced").on("portal_post", post.id())
				.change(null, post.channels().isEmpty() ? "portal" : "portal, " + String.join(", ", post.channels())));
		}));
	}

	// ---- helpers ------------------------------------------------------------------------------

	private Optional<AttachmentFile> attachmentQuery(String unitCode, long postId, long attachmentId, boolean publicOnly) {
		return jdbc.sql("""
				select a.title, a.content_type, a.bytes from portal_attachment a join portal_post p on p.id = a.post_id
				where a.id = ? and a.post_id = ? and p.unit_code = ?""" + (publicOnly ? " and p.status = 'published' and p.publish_at <= now()" : ""))
			.params(attachmentId, postId, unitCode)
			.query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	private Post lock(OfficialPrincipal me, long id) {
		return jdbc.sql("select " + COLUMNS + " from portal_post where id = ? and unit_code = ? for update")
			.params(id, me.unitCode()).query(POST).optional()
			.orElseThrow(() -> new PortalException("id", "Không có bài này."));
	}

	private Post lockEditable(OfficialPrincipal me, long id) {
		var post = lock(me, id);
		if (!post.editable()) {
			throw new PortalException("status", "Bài đã đăng: muốn sửa thì lãnh đạo gỡ bài xuống trước.");
		}
		if (me.has(Role.VILLAGE_HEAD) && !isFullEditor(me) && !post.createdBy().equals(me.username())) {
			throw new PortalException("status", "Trưởng thôn chỉ sửa thông báo của mình.");
		}
		return post;
	}

	private static boolean isFullEditor(OfficialPrincipal me) {
		return me.has(Role.LEADER) || me.has(Role.SPECIALIST) || me.has(Role.ADMIN);
	}

	private static void requireEditor(OfficialPrincipal me) {
		if (!isEditor(me)) {
			throw new PortalException("status", "Tài khoản của bạn không viết bài cho cổng thông tin.");
		}
	}

	private Draft validate(OfficialPrincipal me, Draft d) {
		var kind = d.kind() == null ? "" : d.kind();
		if (!Post.KINDS.contains(kind)) {
			throw new PortalException("kind", "Hãy chọn loại bài: thông báo, tin tức hoặc phổ biến pháp luật.");
		}
		if (!isFullEditor(me) && !"notice".equals(kind)) {
			throw new PortalException("kind", "Trưởng thôn chỉ viết thông báo.");
		}
		var title = clean(d.title());
		if (title.isEmpty()) {
			throw new PortalException("title", "Hãy nhập tiêu đề.");
		}
		if (title.length() > 200) {
			throw new PortalException("title", "Tiêu đề dài quá 200 ký tự.");
		}
		var category = clean(d.category());
		if (category.length() > 60) {
			throw new PortalException("category", "Chuyên mục dài quá 60 ký tự.");
		}
		var summary = clean(d.summary());
		if (summary.length() > 500) {
			throw new PortalException("summary", "Tóm tắt dài quá 500 ký tự.");
		}
		var body = Normalizer.normalize(d.body() == null ? "" : d.body(), Normalizer.Form.NFC).replace("\r\n", "\n").strip();
		if (body.isEmpty()) {
			throw new PortalException("body", "Hãy nhập nội dung.");
		}
		if (body.length() > 20000) {
			throw new PortalException("body", "Nội dung dài quá 20.000 ký tự.");
		}
		var commune = villages.list(me.unitCode());
		for (var v : d.villageIds()) {
			if (commune.stream().noneMatch(x -> x.id() == v && x.active())) {
				throw new PortalException("villages", "Thôn đã chọn không thuộc xã.");
			}
		}
		if (me.has(Role.VILLAGE_HEAD) && !isFullEditor(me) && d.villageIds().isEmpty()) {
			throw new PortalException("villages", "Trưởng thôn hãy chọn thôn nhận thông báo.");
		}
		for (var c : d.channels()) {
			if (!Post.CHANNELS.contains(c)) {
				throw new PortalException("channels", "Kênh thông báo không hợp lệ.");
			}
		}
		if (!"notice".equals(kind) && d.channels().contains("RADIO")) {
			throw new PortalException("channels", "Chỉ thông báo mới phát trên loa.");
		}
		if (d.publishAt() != null && d.publishAt().isAfter(clock.instant().plus(java.time.Duration.ofDays(366)))) {
			throw new PortalException("publishAt", "Thời gian đăng quá xa: tối đa một năm tới.");
		}
		return new Draft(kind, category, title, summary, body, d.publishAt(), List.copyOf(new LinkedHashSet<>(d.villageIds())),
				Set.copyOf(d.channels()), d.urgent());
	}

	static String clean(@Nullable String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
	}

	private <T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	private <T> T asUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	private static @Nullable Timestamp ts(@Nullable Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static List<Object> concat(List<Object> a, Object... more) {
		var all = new ArrayList<>(a);
		all.addAll(Arrays.asList(more));
		return all;
	}

	private static Post post(ResultSet rs, int n) throws SQLException {
		var publishAt = rs.getTimestamp("publish_at");
		var announcedAt = rs.getTimestamp("announced_at");
		long broadcast = rs.getLong("broadcast_id");
		Long broadcastId = rs.wasNull() ? null : broadcast;
		return new Post(rs.getLong("id"), rs.getString("unit_code"), rs.getString("kind"), rs.getString("category"), rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getString("status"), publishAt == null ? null : publishAt.toInstant(),
				longs(rs.getArray("village_ids")), Set.copyOf(strings(rs.getArray("channels"))), rs.getBoolean("urgent"),
				announcedAt == null ? null : announcedAt.toInstant(), rs.getString("announce_note"), broadcastId, rs.getString("created_by"),
				rs.getString("approved_by"), rs.getTimestamp("updated_at").toInstant());
	}

	private static List<Long> longs(@Nullable Array a) throws SQLException {
		if (a == null) {
			return List.of();
		}
		var out = new ArrayList<Long>();
		for (var o : (Object[]) a.getArray()) {
			out.add(((Number) o).longValue());
		}
		return List.copyOf(out);
	}

	private static List<String> strings(@Nullable Array a) throws SQLException {
		if (a == null) {
			return List.of();
		}
		var out = new ArrayList<String>();
		for (var o : (Object[]) a.getArray()) {
			out.add((String) o);
		}
		return out;
	}
}
