package vn.xaso.meetings.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.Meeting;

/** SQL for the agenda: {@code meeting_item} and its PDFs {@code meeting_item_file}. */
@Component
class ItemTable {

	/** A file's stored PDF with its title, its item's confidentiality, its series and version. */
	record Content(String title, byte[] pdf, long itemId, boolean confidential, long series, int version, int pages) {
	}

	/**
	 * A conclusion of a meeting whose minutes both the chair and the secretary signed, as the direct-task form offers it;
	 * {@code tasked}: a task was already given from it.
	 */
	record Conclusion(long itemId, long meetingId, String meetingTitle, java.time.LocalDate day, String text, boolean tasked) {
	}

	private static final String CONCLUSIONS = """
			select i.id, m.id, m.title, (m.starts_at at time zone 'Asia/Ho_Chi_Minh')::date, i.conclusion,
			  exists (select 1 from meeting_task t where t.item_id = i.id)
			from meeting_item i join meeting m on m.id = i.meeting_id join meeting_minutes n on n.meeting_id = m.id
			where i.unit_code = ? and i.conclusion is not null and n.chair_signed_at is not null and n.secretary_signed_at is not null""";

	private static Conclusion conclusion(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Conclusion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class), rs.getString(5),
				rs.getBoolean(6));
	}

	/** The unit's conclusions of meetings with signed minutes, the latest meetings first. */
	List<Conclusion> signedConclusions(String unitCode, int limit) {
		return jdbc.sql(CONCLUSIONS + " order by m.starts_at desc, i.position limit ?").params(unitCode, limit).query(ItemTable::conclusion)
			.list();
	}

	/** One such conclusion of the unit (anything else: empty). */
	Optional<Conclusion> signedConclusion(String unitCode, long itemId) {
		return jdbc.sql(CONCLUSIONS + " and i.id = ?").params(unitCode, itemId).query(ItemTable::conclusion).optional();
	}

	private final JdbcClient jdbc;

	ItemTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds an item at the end of the agenda. */
	long insert(String unitCode, long meetingId, String title, String presenter, boolean confidential) {
		return jdbc.sql("""
				insert into meeting_item (unit_code, meeting_id, position, title, presenter, confidential)
				values (?, ?, (select coalesce(max(position), 0) + 1 from meeting_item where meeting_id = ?), ?, ?, ?) returning id""")
			.params(unitCode, meetingId, meetingId, title, presenter, confidential).query(Long.class).single();
	}

	/** A new document of the item (version 1 of its own series). */
	long addFile(String unitCode, long itemId, String title, int pages, byte[] pdf, String by) {
		return jdbc.sql("insert into meeting_item_file (unit_code, item_id, title, pages, content, added_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(unitCode, itemId, title, pages, pdf, by).query(Long.class).single();
	}

	/** A new version of a document (its series), same title; the earlier versions stay. */
	long addVersion(String unitCode, Content of, int pages, byte[] pdf, String by) {
		return jdbc.sql("""
				insert into meeting_item_file (unit_code, item_id, title, pages, content, added_by, series, version)
				values (?, ?, ?, ?, ?, ?, ?, (select max(version) + 1 from meeting_item_file where coalesce(series, id) = ?)) returning id""")
			.params(unitCode, of.itemId(), of.title(), pages, pdf, by, of.series(), of.series()).query(Long.class).single();
	}

	/** The agenda in order, each item with its documents (newest version first, the earlier ones under it). */
	List<Meeting.Item> list(long meetingId) {
		var series = new LinkedHashMap<Long, List<Meeting.File>>();
		var itemOf = new LinkedHashMap<Long, Long>();
		jdbc.sql("""
				select f.item_id, f.id, f.title, f.pages, f.version, f.added_by, f.added_at, coalesce(f.series, f.id) as series
				from meeting_item_file f join meeting_item i on i.id = f.item_id
				where i.meeting_id = ? order by coalesce(f.series, f.id), f.version desc""").param(meetingId)
			.query(rs -> {
				itemOf.put(rs.getLong(8), rs.getLong(1));
				series.computeIfAbsent(rs.getLong(8), k -> new ArrayList<>()).add(new Meeting.File(rs.getLong(2), rs.getString(3), rs.getInt(4),
						rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), List.of()));
			});
		var files = new LinkedHashMap<Long, List<Meeting.File>>();
		series.forEach((key, versions) -> {
			var newest = versions.getFirst();
			files.computeIfAbsent(itemOf.get(key), k -> new ArrayList<>()).add(new Meeting.File(newest.id(), newest.title(), newest.pages(),
					newest.version(), newest.addedBy(), newest.addedAt(), List.copyOf(versions.subList(1, versions.size()))));
		});
		return jdbc.sql("select id, position, title, presenter, conclusion, confidential from meeting_item where meeting_id = ? order by position")
			.param(meetingId)
			.query((rs, n) -> new Meeting.Item(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getBoolean(6), List.copyOf(files.getOrDefault(rs.getLong(1), List.of()))))
			.list();
	}

	boolean belongs(long meetingId, long itemId) {
		return jdbc.sql("select count(*) from meeting_item where meeting_id = ? and id = ?").params(meetingId, itemId)
			.query(Integer.class).single() == 1;
	}

	void conclude(long itemId, @Nullable String conclusion) {
		jdbc.sql("update meeting_item set conclusion = ? where id = ?").params(conclusion, itemId).update();
	}

	Optional<Content> file(long meetingId, long fileId) {
		return jdbc.sql("""
				select f.title, f.content, f.item_id, i.confidential, coalesce(f.series, f.id), f.version, f.pages
				from meeting_item_file f join meeting_item i on i.id = f.item_id
				where i.meeting_id = ? and f.id = ?""").params(meetingId, fileId)
			.query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2), rs.getLong(3), rs.getBoolean(4), rs.getLong(5), rs.getInt(6),
					rs.getInt(7)))
			.optional();
	}

	/** The newest version's id in the file's series. */
	long newest(long series) {
		return jdbc.sql("select id from meeting_item_file where coalesce(series, id) = ? order by version desc limit 1").param(series).query(Long.class).single();
	}

	/** Whether the item is confidential (false when it is not the meeting's). */
	boolean confidential(long meetingId, long itemId) {
		return jdbc.sql("select confidential from meeting_item where meeting_id = ? and id = ?").params(meetingId, itemId)
			.query(Boolean.class).optional().orElse(false);
	}

	/** A page image of the file made earlier, if any. */
	Optional<byte[]> page(long fileId, int page, String kind) {
		return jdbc.sql("select png from meeting_file_page where file_id = ? and page = ? and kind = ?").params(fileId, page, kind)
			.query(byte[].class).optional();
	}

	void keepPage(String unitCode, long fileId, int page, String kind, byte[] png) {
		jdbc.sql("insert into meeting_file_page (unit_code, file_id, page, kind, png) values (?, ?, ?, ?, ?) on conflict do nothing")
			.params(unitCode, fileId, page, kind, png).update();
	}
}
