package vn.xaso.portal.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.portal.Post;
import vn.xaso.portal.PostAttachment;
import vn.xaso.portal.Posts.AttachmentFile;
import vn.xaso.portal.Posts.Draft;
import vn.xaso.portal.Posts.Listing;
import vn.xaso.portal.Posts.SitemapEntry;

/** The only SQL of {@code portal_post} and {@code portal_attachment}. Callers hold the scope and transaction. */
@Component
class PostTable {

	private static final String COLUMNS = """
			id, unit_code, kind, category, title, summary, body, status, publish_at, village_ids, channels, urgent,
			announced_at, announce_note, broadcast_id, created_by, approved_by, updated_at""";
	private static final String PUBLIC_CONDITION = "status = 'published' and publish_at <= now()";
	private static final RowMapper<Post> POST = PostTable::post;

	private final JdbcClient jdbc;

	PostTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- posts

	long insert(String unitCode, Draft d, String by) {
		return jdbc.sql("""
				insert into portal_post (unit_code, kind, category, title, summary, body, publish_at, village_ids, channels, urgent, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, d.kind(), d.category(), d.title(), d.summary(), d.body(), ts(d.publishAt()),
					d.villageIds().toArray(new Long[0]), d.channels().toArray(new String[0]), d.urgent(), by)
			.query(Long.class).single();
	}

	/** Saves the draft's text; the post is a draft again. */
	void update(long id, Draft d) {
		jdbc.sql("""
				update portal_post set kind = ?, category = ?, title = ?, summary = ?, body = ?, publish_at = ?, village_ids = ?,
				  channels = ?, urgent = ?, status = 'draft', updated_at = now() where id = ?""")
			.params(d.kind(), d.category(), d.title(), d.summary(), d.body(), ts(d.publishAt()), d.villageIds().toArray(new Long[0]),
					d.channels().toArray(new String[0]), d.urgent(), id)
			.update();
	}

	/** The post another module keeps under {@code key}, locked. */
	java.util.Optional<Long> lockByKey(String unitCode, String key) {
		return jdbc.sql("select id from portal_post where unit_code = ? and source_key = ? for update").params(unitCode, key).query(Long.class)
			.optional();
	}

	void keep(long id, String key) {
		jdbc.sql("update portal_post set source_key = ? where id = ?").params(key, id).update();
	}

	boolean isPublished(long id) {
		return jdbc.sql("select status = 'published' from portal_post where id = ?").param(id).query(Boolean.class).single();
	}

	void status(long id, String status) {
		jdbc.sql("update portal_post set status = ?, updated_at = now() where id = ?").params(status, id).update();
	}

	void published(long id, Instant at, String by) {
		jdbc.sql("update portal_post set status = 'published', publish_at = ?, approved_by = ?, updated_at = now() where id = ?")
			.params(ts(at), by, id).update();
	}

	void touch(long id) {
		jdbc.sql("update portal_post set updated_at = now() where id = ?").param(id).update();
	}

	Optional<Post> lock(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from portal_post where id = ? and unit_code = ? for update").params(id, unitCode)
			.query(POST).optional();
	}

	Optional<Post> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from portal_post where id = ? and unit_code = ?").params(id, unitCode).query(POST).optional();
	}

	Optional<Post> publishedOne(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from portal_post where id = ? and unit_code = ? and " + PUBLIC_CONDITION)
			.params(id, unitCode).query(POST).optional();
	}

	Listing list(String unitCode, @Nullable String status, int offset, int limit) {
		var where = "unit_code = ?" + (status == null ? "" : " and status = ?");
		List<Object> params = new ArrayList<>(List.of(unitCode));
		if (status != null) {
			params.add(status);
		}
		return listing(where, params, "updated_at desc, id desc", new Object[0], offset, limit);
	}

	Listing published(String unitCode, @Nullable String kind, @Nullable String category, @Nullable Long villageFirst, int offset,
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
		return villageFirst == null ? listing(where.toString(), params, "publish_at desc, id desc", new Object[0], offset, limit)
				: listing(where.toString(), params, "(? = any(village_ids)) desc, publish_at desc, id desc", new Object[] { villageFirst },
						offset, limit);
	}

	/** Published posts containing every word (already cleaned), ignoring case and diacritics. */
	Listing search(String unitCode, List<String> words, int offset, int limit) {
		var where = new StringBuilder("unit_code = ? and " + PUBLIC_CONDITION);
		List<Object> params = new ArrayList<>(List.of(unitCode));
		for (var w : words) {
			where.append(" and search_folded like '%' || xaso_fold(?) || '%'");
			params.add(w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		}
		return listing(where.toString(), params, "publish_at desc, id desc", new Object[0], offset, limit);
	}

	private Listing listing(String where, List<Object> params, String order, Object[] orderParams, int offset, int limit) {
		long total = jdbc.sql("select count(*) from portal_post where " + where).params(params).query(Long.class).single();
		var items = jdbc.sql("select " + COLUMNS + " from portal_post where " + where + " order by " + order + " limit ? offset ?")
			.params(concat(concat(params, orderParams), limit, offset)).query(POST).list();
		return new Listing(items, total);
	}

	List<String> categories(String unitCode, String kind) {
		return jdbc.sql("select distinct category from portal_post where unit_code = ? and kind = ? and category <> '' and "
				+ PUBLIC_CONDITION + " order by category limit 50")
			.params(unitCode, kind).query(String.class).list();
	}

	List<SitemapEntry> sitemap(int limit) {
		return jdbc.sql("""
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
			}).list();
	}

	/** The latest change or visible publication among the commune's posts; null without any. */
	@Nullable Instant lastChanged(String unitCode) {
		var t = jdbc.sql("""
				select greatest((select max(updated_at) from portal_post where unit_code = ?),
				  (select max(publish_at) from portal_post where unit_code = ? and status = 'published' and publish_at <= now()))""")
			.params(unitCode, unitCode).query((rs, n) -> rs.getTimestamp(1)).single();
		return t == null ? null : t.toInstant();
	}

	/** Claims the next published, due, unannounced post (announced_at set now); skips those another job holds. */
	Optional<Post> claimDue() {
		return jdbc.sql("""
				update portal_post set announced_at = now() where id = (
				  select id from portal_post where status = 'published' and publish_at <= now() and announced_at is null
				  order by publish_at limit 1 for update skip locked)
				returning """ + " " + COLUMNS).query(POST).optional();
	}

	void announced(long id, String note, @Nullable Long broadcastId) {
		jdbc.sql("update portal_post set announce_note = ?, broadcast_id = coalesce(?, broadcast_id) where id = ?")
			.params(note.length() > 2000 ? note.substring(0, 2000) : note, broadcastId, id).update();
	}

	// ---- attachments

	long attachmentCount(long postId) {
		return jdbc.sql("select count(*) from portal_attachment where post_id = ?").param(postId).query(Long.class).single();
	}

	long insertAttachment(String unitCode, long postId, String title, String type, byte[] bytes, String by) {
		return jdbc.sql("""
				insert into portal_attachment (unit_code, post_id, title, content_type, bytes, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, postId, title, type, bytes, by).query(Long.class).single();
	}

	boolean deleteAttachment(long postId, long attachmentId) {
		return jdbc.sql("delete from portal_attachment where id = ? and post_id = ?").params(attachmentId, postId).update() > 0;
	}

	List<PostAttachment> attachments(String unitCode, long postId) {
		return jdbc.sql("""
				select id, post_id, title, content_type, length(bytes) from portal_attachment where post_id = ? and unit_code = ? order by id""")
			.params(postId, unitCode)
			.query((rs, n) -> new PostAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list();
	}

	Optional<AttachmentFile> attachmentFile(String unitCode, long postId, long attachmentId, boolean publicOnly) {
		return jdbc.sql("""
				select a.title, a.content_type, a.bytes from portal_attachment a join portal_post p on p.id = a.post_id
				where a.id = ? and a.post_id = ? and p.unit_code = ?""" + (publicOnly ? " and p.status = 'published' and p.publish_at <= now()" : ""))
			.params(attachmentId, postId, unitCode)
			.query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	// ---- rows

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
