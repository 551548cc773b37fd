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

	/** A file's stored PDF with its title. */
	record Content(String title, byte[] pdf) {
	}

	private final JdbcClient jdbc;

	ItemTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds an item at the end of the agenda. */
	long insert(String unitCode, long meetingId, String title, String presenter) {
		return jdbc.sql("""
				insert into meeting_item (unit_code, meeting_id, position, title, presenter)
				values (?, ?, (select coalesce(max(position), 0) + 1 from meeting_item where meeting_id = ?), ?, ?) returning id""")
			.params(unitCode, meetingId, meetingId, title, presenter).query(Long.class).single();
	}

	long addFile(String unitCode, long itemId, String title, int pages, byte[] pdf, String by) {
		return jdbc.sql("insert into meeting_item_file (unit_code, item_id, title, pages, content, added_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(unitCode, itemId, title, pages, pdf, by).query(Long.class).single();
	}

	/** The agenda in order, each item with its files. */
	List<Meeting.Item> list(long meetingId) {
		var files = new LinkedHashMap<Long, List<Meeting.File>>();
		jdbc.sql("""
				select f.item_id, f.id, f.title, f.pages from meeting_item_file f join meeting_item i on i.id = f.item_id
				where i.meeting_id = ? order by f.id""").param(meetingId)
			.query(rs -> {
				files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Meeting.File(rs.getLong(2), rs.getString(3), rs.getInt(4)));
			});
		return jdbc.sql("select id, position, title, presenter, conclusion from meeting_item where meeting_id = ? order by position")
			.param(meetingId)
			.query((rs, n) -> new Meeting.Item(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					List.copyOf(files.getOrDefault(rs.getLong(1), List.of()))))
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
				select f.title, f.content from meeting_item_file f join meeting_item i on i.id = f.item_id
				where i.meeting_id = ? and f.id = ?""").params(meetingId, fileId)
			.query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2))).optional();
	}
}
