package vn.xaso.documents.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.platform.SqlLike;

/**
 * The registers' list and search (issue 15: milliseconds over 100,000 documents).
 * <ul>
 * <li>A word of letters and digits is looked up in {@code search_words}, the folded text's words with their own
 * GIN index (exact answers, no re-check of candidate rows); the last word also matches as a prefix ("khai si"
 * finds "khai sinh") when it has two letters or more. A term with punctuation (a number symbol such as
 * {@code 12/QĐ-UBND}) keeps the substring match on {@code search_folded} and its trigram index.</li>
 * <li>The words are written into the statement as a constant (they are letters and digits only, checked here), so
 * PostgreSQL plans each search knowing how common its words are: a common word walks the register's newest-first
 * index until the page is full, a rare one reads its few rows from the word index.</li>
 * <li>The register's total is counted only up to {@link #CAP} (past the current page): a register of 100,000
 * documents reads at most about a thousand entries of its newest-first index per page, and the page says
 * "hơn 1.000".</li>
 * <li>A search counts only the rows it has seen (one more than the page, to know whether a next page exists): exact
 * on its last page, "more than 20" before. Counting all the matches of a common word (in most documents) reads
 * its whole index entry, several times the cost of the page.</li>
 * </ul>
 * Called by {@link Documents#search}, inside its read-only transaction and the caller's unit scope.
 */
public final class DocumentSearch {

	/** Totals above this are shown as "more than" (plus the rows up to the current page). */
	public static final int CAP = 1000;

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	/** Letters (not modifier letters, which unaccent may turn into an apostrophe), combining marks, decimal digits. */
	private static final Pattern WORD = Pattern.compile("[\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lo}\\p{Mn}\\p{Nd}]+");
	private static final int MAX_TERMS = 10;

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;
	private final Clock clock;

	public DocumentSearch(JdbcClient jdbc, WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** One page of the register for {@code unitCode} as seen by {@code username}, newest first. */
	public Documents.Listing search(String unitCode, String username, Documents.Search s) {
		var params = new HashMap<String, Object>();
		var where = where(unitCode, username, s, params);
		boolean text = s.q() != null && !s.q().isBlank();
		int size = Math.max(1, Math.min(100, s.size()));
		int page = Math.max(0, s.page());
		long offset = (long) page * size;
		var rows = new ArrayList<>(jdbc.sql("""
				select d.id, d.direction, d.type, d.status, d.summary, d.number_symbol, d.number,
				       coalesce(d.issued_on, d.received_on) as day, d.issuer, d.deadline, d.urgency
				from document d""" + where + " order by d.created_at desc, d.id desc limit :limit offset :offset")
			.params(params).param("limit", size + 1).param("offset", offset)
			.query((rs, n) -> new Documents.Row(rs.getLong("id"), "out".equals(rs.getString("direction")),
					DocumentType.valueOf(rs.getString("type")), rs.getString("status"), rs.getString("summary"),
					rs.getString("number_symbol"), rs.getObject("number", Integer.class),
					rs.getObject("day", LocalDate.class), rs.getString("issuer"), rs.getObject("deadline", LocalDate.class),
					rs.getString("urgency")))
			.list());
		boolean beyond = rows.size() > size;
		if (beyond) {
			rows.removeLast();
		}
		if (text && (!rows.isEmpty() || offset == 0)) {
			// A common word is in most documents: its index entries cost more to read than the whole page, and the
			// page (newest first) is found by walking the register until it is full. So a search counts only what
			// it has seen: exact on its last page, "more than" before it.
			return new Documents.Listing(List.copyOf(rows), offset + rows.size(), beyond);
		}
		long bound = Math.max(CAP, offset + size);
		long counted = jdbc.sql("select count(*) from (select 1 from document d" + where + " limit :bound) capped")
			.params(params).param("bound", bound + 1).query(Long.class).single();
		boolean more = counted > bound;
		return new Documents.Listing(List.copyOf(rows), more ? bound : counted, more);
	}

	private String where(String unitCode, String username, Documents.Search s, Map<String, Object> params) {
		var where = new StringBuilder(" where d.unit_code = :unit");
		params.put("unit", unitCode);
		if (s.outgoing() != null) {
			where.append(" and d.direction = :dir");
			params.put("dir", s.outgoing() ? "out" : "in");
		}
		if (s.q() != null && !s.q().isBlank()) {
			text(s.q(), where, params);
		}
		if (s.type() != null) {
			where.append(" and d.type = :type");
			params.put("type", s.type().name());
		}
		if (s.status() != null && !s.status().isBlank()) {
			where.append(" and d.status = :status");
			params.put("status", s.status());
		}
		if (s.from() != null) {
			where.append(" and coalesce(d.issued_on, d.received_on, (d.created_at at time zone 'Asia/Ho_Chi_Minh')::date) >= :from");
			params.put("from", s.from());
		}
		if (s.to() != null) {
			where.append(" and coalesce(d.issued_on, d.received_on, (d.created_at at time zone 'Asia/Ho_Chi_Minh')::date) <= :to");
			params.put("to", s.to());
		}
		if (s.handler() != null && !s.handler().isBlank()) {
			where.append(" and exists (select 1 from document_assignment a where a.document_id = d.id and a.username = :handler)");
			params.put("handler", s.handler());
		}
		var today = LocalDate.now(clock.withZone(VIETNAM));
		if ("mine".equals(s.view())) {
			where.append(" and d.status = 'assigned' and exists (select 1 from document_assignment a where a.document_id = d.id and a.username = :me)");
			params.put("me", username);
		}
		else if ("dueSoon".equals(s.view())) {
			where.append(" and d.status = 'assigned' and d.deadline between :today and :soon");
			params.put("today", today);
			params.put("soon", calendar.addWorkingDays(today, 3));
		}
		else if ("overdue".equals(s.view())) {
			where.append(" and d.status = 'assigned' and d.deadline < :today");
			params.put("today", today);
		}
		return where.toString();
	}

	/** Words into {@code search_words}, terms with punctuation into a substring match (see the class comment). */
	private static void text(String q, StringBuilder where, Map<String, Object> params) {
		if (q.length() > 200) {
			throw DocumentException.of("q", "documents.error.searchLong");
		}
		var terms = Arrays.stream(Normalizer.normalize(q, Normalizer.Form.NFC).strip().split("\\s+")).limit(MAX_TERMS).toList();
		var words = new ArrayList<String>();
		for (int i = 0; i < terms.size(); i++) {
			var term = terms.get(i);
			if (WORD.matcher(term).matches()) {
				words.add(term);
			}
			else {
				where.append(" and d.search_folded like '%' || xaso_fold(:w").append(i).append(") || '%'");
				params.put("w" + i, SqlLike.escape(term));
			}
		}
		var query = tsquery(words);
		if (query != null) {
			// a constant, so the plan knows how common the words are; safe: letters, digits and marks only (WORD)
			where.append(" and d.search_words @@ to_tsquery('simple'::regconfig, xaso_fold('").append(query.replace("'", "''")).append("'))");
		}
	}

	/**
	 * {@code 'quyet' & 'dinh' & 'khai' & 'sinh':*} for the words (each of {@link #WORD} only, so no quote or operator
	 * can appear); the last one is a prefix when it has two characters or more. Null when there are none.
	 */
	static @Nullable String tsquery(List<String> words) {
		if (words.isEmpty()) {
			return null;
		}
		var query = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			var word = words.get(i);
			if (!WORD.matcher(word).matches()) {
				throw new IllegalArgumentException("not a word: " + word);
			}
			if (i > 0) {
				query.append(" & ");
			}
			query.append('\'').append(word).append('\'');
			if (i == words.size() - 1 && word.codePointCount(0, word.length()) >= 2) {
				query.append(":*");
			}
		}
		return query.toString();
	}
}
