package vn.xaso.dossiers.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.PersonalPaper;

/** The only SQL of the citizen's personal document store ({@code personal_paper}). */
@Component
class PaperTable {

	/** A stored paper's title, type and bytes. */
	record Content(String title, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	PaperTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PersonalPaper> list(long citizenId) {
		return jdbc.sql("""
				select id, citizen_id, title, kind, content_type, size, dossier_code, added_at from personal_paper
				where citizen_id = ? order by id desc limit 500""").param(citizenId)
			.query((rs, n) -> new PersonalPaper(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	Optional<Content> get(long citizenId, long paperId) {
		return jdbc.sql("select title, content_type, content from personal_paper where id = ? and citizen_id = ?")
			.params(paperId, citizenId).query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	Optional<byte[]> content(long citizenId, long paperId) {
		return jdbc.sql("select content from personal_paper where id = ? and citizen_id = ?").params(paperId, citizenId)
			.query(byte[].class).optional();
	}

	void insertResult(String unitCode, long citizenId, String title, byte[] pdf, String dossierCode) {
		jdbc.sql("""
				insert into personal_paper (unit_code, citizen_id, title, kind, content_type, size, content, dossier_code)
				values (?, ?, ?, 'RESULT', 'application/pdf', ?, ?, ?)""")
			.params(unitCode, citizenId, title, pdf.length, pdf, dossierCode).update();
	}
}
