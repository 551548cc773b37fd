package vn.xaso.party.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only SQL of study materials {@code party_study} and the members' read marks {@code party_study_read}. */
@Component
class StudyTable {

	private final JdbcClient jdbc;

	StudyTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, @Nullable Long cellId, String title, int pages, byte[] pdf, String by) {
		return jdbc.sql("insert into party_study (unit_code, cell_id, title, pages, content, added_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(unitCode, cellId, title, pages, pdf, by).query(Long.class).single();
	}

	/**
	 * The materials meant for a member of {@code cellId} (the organisation's and the cell's; every cell's for the committee,
	 * {@code cellId} null), newest first, with whether {@code memberId} read each and how many the scope sees read it.
	 */
	List<PartyViews.Study> forMember(String unitCode, @Nullable Long cellId, long memberId, int limit) {
		return jdbc.sql("""
				select s.id, s.cell_id, s.title, s.pages, s.added_at,
				  exists (select 1 from party_study_read r where r.study_id = s.id and r.member_id = ?) as mine,
				  (select count(*) from party_study_read r where r.study_id = s.id) as readers
				from party_study s where s.unit_code = ? and (?::bigint is null or s.cell_id is null or s.cell_id = ?)
				order by s.added_at desc, s.id desc limit ?""")
			.params(memberId, unitCode, cellId, cellId, limit)
			.query((rs, n) -> new PartyViews.Study(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant(), rs.getBoolean(6), rs.getInt(7)))
			.list();
	}

	/** The material's cell (empty optional inside: the whole organisation's), if the scope sees it. */
	Optional<Optional<Long>> cellOf(String unitCode, long studyId) {
		return jdbc.sql("select cell_id from party_study where unit_code = ? and id = ?").params(unitCode, studyId)
			.query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1))).optional();
	}

	Optional<PartyViews.Content> content(String unitCode, long studyId) {
		return jdbc.sql("select title, content from party_study where unit_code = ? and id = ?").params(unitCode, studyId)
			.query((rs, n) -> new PartyViews.Content(rs.getString(1), rs.getBytes(2))).optional();
	}

	/** Marks it read by the member; false when they already had. */
	boolean markRead(String unitCode, long memberCellId, long studyId, long memberId) {
		return jdbc.sql("insert into party_study_read (unit_code, cell_id, study_id, member_id) values (?, ?, ?, ?) on conflict do nothing")
			.params(unitCode, memberCellId, studyId, memberId).update() == 1;
	}

	/** How many materials meant for the member they have not marked read. */
	int unread(String unitCode, long cellId, long memberId) {
		return jdbc.sql("""
				select count(*) from party_study s where s.unit_code = ? and (s.cell_id is null or s.cell_id = ?)
				and not exists (select 1 from party_study_read r where r.study_id = s.id and r.member_id = ?)""")
			.params(unitCode, cellId, memberId).query(Integer.class).single();
	}
}
