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
 * <li>A page of a search is found in one of two ways, chosen by how common its words are among the register's
 * {@link #PROBE} newest documents (one cheap walk of the newest-first index {@code document_unit_created}, which
 * already gives the page when the words are very common). Common words (two matches or more there): walk that index
 * newest first, checking the words on each row, until the page is full. Rare words: read all their matches from the
 * word index and keep the newest. Each statement alone gives the exact page (a walk only counts when it filled the
 * page; otherwise the word index answers), so the choice changes the cost, never the rows. Left to itself, the
 * planner reads a common word's matches from the word index too, and that index is slow exactly for common words:
 * "quyet dinh khai sinh" has 2,468 matches of 100,000, but its AND reads the postings of "dinh" (96,699 documents)
 * and "quyet" (74,021): 13 ms of backend CPU against 3-5 ms for walking 937 rows until 21 match (issue 15,
 * docs/performance.md).</li>
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
	private static final String SELECT = "select d.id, d.direction, d.type, d.status, d.summary, d.number_symbol, d.number, "
			+ "coalesce(d.issued_on, d.received_on) as day, d.issuer, d.deadline, d.urgency";
	/** How many of the newest documents a search first looks at, and how many matches there make its words common. */
	static final int PROBE = 300;
	static final int COMMON_IN_PROBE = 2;

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
		var text = s.q() == null || s.q().isBlank() ? "" : text(s.q(), "d", params);
		int size = Math.max(1, Math.min(100, s.size()));
		int page = Math.max(0, s.page());
		long offset = (long) page * size;
		if (!text.isEmpty() && offset + size + 1 <= Integer.MAX_VALUE) {
			var rows = textPage(where, text, text(s.q(), "w", params), params, offset, size);
			if (!rows.isEmpty() || offset == 0) {
				// A search counts only what it has seen: exact on its last page, "more than" before it.
				boolean beyond = rows.size() > size;
				var shown = beyond ? rows.subList(0, size) : rows;
				return new Documents.Listing(List.copyOf(shown), offset + shown.size(), beyond);
			}
			return counted(List.of(), where + text, params, offset, size);
		}
		var rows = new ArrayList<>(rows(SELECT + " from document d" + where + text + " order by d.created_at desc, d.id desc limit "
				+ (size + 1) + " offset " + offset, params));
		boolean beyond = rows.size() > size;
		if (beyond) {
			rows.removeLast();
		}
		return counted(rows, where + text, params, offset, size);
	}

	/**
	 * The page of a text search (and one row more), chosen by how common its words are among the newest documents
	 * (see the class comment). Each statement alone gives the right page; the probe only picks the cheap one.
	 */
	private List<Documents.Row> textPage(String where, String text, String walkText, Map<String, Object> params, long offset,
			int size) {
		int needed = (int) (offset + size + 1);
		var probe = rows(walk(where, walkText, PROBE, needed, 0), params);
		if (probe.size() == needed) {
			return probe.subList((int) offset, needed); // very common words: the newest documents alone fill the page
		}
		if (probe.size() >= COMMON_IN_PROBE) {
			// common words: walk newest first until the page is full, at most about four times as far as the probe
			// says is needed; only if that is not enough (the words thin out further back) read them all
			long budget = Math.min(Integer.MAX_VALUE, 4L * needed * PROBE / probe.size());
			var walked = rows(walk(where, walkText, (int) budget, size + 1, offset), params);
			if (walked.size() > size) {
				return walked;
			}
		}
		// rare words: all their matches from the word index, then the newest of them
		return rows("with m as materialized (select d.id, d.direction, d.type, d.status, d.summary, d.number_symbol, d.number, "
				+ "d.issued_on, d.received_on, d.issuer, d.deadline, d.urgency, d.created_at from document d" + where + text + ") "
				+ SELECT.replace("d.", "m.") + " from m order by m.created_at desc, m.id desc limit " + (size + 1) + " offset " + offset, params);
	}

	/**
	 * The newest {@code budget} documents of the register (its newest-first index, read in order and only as far as
	 * needed), of which those matching the words: the words are checked on these rows, never in the word index.
	 */
	private static String walk(String where, String text, int budget, int limit, long offset) {
		return SELECT.replace("d.", "w.") + " from (select d.id, d.direction, d.type, d.status, d.summary, d.number_symbol, "
				+ "d.number, d.issued_on, d.received_on, d.issuer, d.deadline, d.urgency, d.created_at, d.search_words, "
				+ "d.search_folded from document d" + where + " order by d.created_at desc, d.id desc limit " + budget + ") w where true"
				+ text + " order by w.created_at desc, w.id desc limit " + limit + " offset " + offset;
	}

	/** The rows and the register's total counted up to {@link #CAP} (at least past the current page). */
	private Documents.Listing counted(List<Documents.Row> rows, String where, Map<String, Object> params, long offset, int size) {
		long bound = Math.max(CAP, offset + size);
		long counted = jdbc.sql("select count(*) from (select 1 from document d" + where + " limit :bound) capped")
			.params(params).param("bound", bound + 1).query(Long.class).single();
		boolean more = counted > bound;
		return new Documents.Listing(List.copyOf(rows), more ? bound : counted, more);
	}

	private List<Documents.Row> rows(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params)
			.query((rs, n) -> new Documents.Row(rs.getLong("id"), "out".equals(rs.getString("direction")),
					DocumentType.valueOf(rs.getString("type")), rs.getString("status"), rs.getString("summary"),
					rs.getString("number_symbol"), rs.getObject("number", Integer.class),
					rs.getObject("day", LocalDate.class), rs.getString("issuer"), rs.getObject("deadline", LocalDate.class),
					rs.getString("urgency")))
			.list();
	}

	private String where(String unitCode, String username, Documents.Search s, Map<String, Object> params) {
		var where = new StringBuilder(" where d.unit_code = :unit");
		params.put("unit", unitCode);
		if (s.outgoing() != null) {
			where.append(" and d.direction = :dir");
			params.put("dir", s.outgoing() ? "out" : "in");
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
	private static String text(String q, String alias, Map<String, Object> params) {
		var where = new StringBuilder();
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
				where.append(" and ").append(alias).append(".search_folded like '%' || xaso_fold(:w").append(i).append(") || '%'");
				params.put("w" + i, SqlLike.escape(term));
			}
		}
		var query = tsquery(words);
		if (query != null) {
			// a constant, so the plan knows how common the words are; safe: letters, digits and marks only (WORD)
			where.append(" and ").append(alias).append(".search_words @@ to_tsquery('simple'::regconfig, xaso_fold('").append(query.replace("'", "''")).append("'))");
		}
		return where.toString();
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
