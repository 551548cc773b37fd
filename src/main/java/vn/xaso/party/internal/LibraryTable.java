package vn.xaso.party.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.platform.SqlLike;
import vn.xaso.platform.VietnameseText;

/** The only SQL of the library {@code party_document}: resolutions, directives, conclusions and instructions. */
@Component
class LibraryTable {

	record NewDocument(String unitCode, PartyViews.DocumentKind kind, String number, String title, LocalDate issuedOn, String summary,
			int pages, byte[] pdf, String by) {
	}

	private final JdbcClient jdbc;

	LibraryTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewDocument d) {
		return jdbc.sql("""
				insert into party_document (unit_code, kind, number, title, issued_on, summary, pages, content, added_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(d.unitCode(), d.kind().name(), d.number(), d.title(), Date.valueOf(d.issuedOn()), d.summary(), d.pages(), d.pdf(), d.by())
			.query(Long.class).single();
	}

	/** The commune's documents holding every word of {@code q} in number, title or summary, without diacritics; newest first. */
	List<PartyViews.Document> search(String unitCode, String q, int limit) {
		var sql = new StringBuilder("select id, kind, number, title, issued_on, summary, pages from party_document where unit_code = ?");
		var params = new ArrayList<Object>();
		params.add(unitCode);
		var key = VietnameseText.searchKey(q);
		var words = key.isEmpty() ? new String[0] : key.split(" ");
		for (int i = 0; i < Math.min(words.length, 6); i++) {
			sql.append(" and search_folded like ?");
			params.add(SqlLike.contains(words[i]));
		}
		sql.append(" order by issued_on desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new PartyViews.Document(rs.getLong(1), PartyViews.DocumentKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getInt(7)))
			.list();
	}

	Optional<PartyViews.Content> content(String unitCode, long id) {
		return jdbc.sql("select number || ' ' || title, content from party_document where unit_code = ? and id = ?").params(unitCode, id)
			.query((rs, n) -> new PartyViews.Content(rs.getString(1), rs.getBytes(2))).optional();
	}
}
