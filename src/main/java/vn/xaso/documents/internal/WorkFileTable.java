package vn.xaso.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.documents.WorkFile;
import vn.xaso.documents.WorkFiles;
import vn.xaso.platform.SqlLike;

/**
 * The SQL of work files: the tables {@code work_file}, {@code work_file_document} (the documents filed
 * in an open file) and {@code work_file_record} (the frozen copies of a closed or imported file).
 */
@Component
class WorkFileTable {

	private final JdbcClient jdbc;

	WorkFileTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Actor actor, String code, String title, int year, Documents.Handler handler, String retention) {
		return jdbc.sql("""
				insert into work_file (unit_code, organ_id, code, title, year, handler_username, handler_name, retention, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(actor.unitCode(), actor.unitCode(), code, title, year, handler.username(), handler.fullName(), retention,
					actor.username())
			.query(Long.class).single();
	}

	long insertImported(Actor actor, ArchivePackage.FileMeta f) {
		return jdbc.sql("""
				insert into work_file (unit_code, organ_id, code, title, year, handler_name, retention, imported, created_by)
				values (?, ?, ?, ?, ?, ?, ?, true, ?) returning id""")
			.params(actor.unitCode(), f.organId(), f.code(), f.title(), f.year(), f.handlerName(), f.retention(), actor.username())
			.query(Long.class).single();
	}

	boolean exists(String unit, String organ, String code) {
		return jdbc.sql("select count(*) from work_file where unit_code = ? and organ_id = ? and code = ?")
			.params(unit, organ, code).query(Long.class).single() > 0;
	}

	/** The code of the work file a document is filed in, if any. */
	Optional<String> fileOf(long documentId) {
		return jdbc.sql("select w.code from work_file_document d join work_file w on w.id = d.work_file_id where d.document_id = ?")
			.param(documentId).query(String.class).optional();
	}

	void addDocument(Actor actor, long id, long documentId) {
		jdbc.sql("insert into work_file_document (work_file_id, document_id, unit_code, added_by) values (?, ?, ?, ?)")
			.params(id, documentId, actor.unitCode(), actor.username()).update();
	}

	boolean removeDocument(String unitCode, long id, long documentId) {
		return jdbc.sql("delete from work_file_document where work_file_id = ? and document_id = ? and unit_code = ?")
			.params(id, documentId, unitCode).update() > 0;
	}

	/** Copies every filed document's metadata and PDF into frozen records in chronological order. */
	void freeze(String unitCode, long id, String organ) {
		jdbc.sql("""
				insert into work_file_record (unit_code, work_file_id, ordinal, source_document_id, direction, type, register_year,
				       number, number_symbol, issued_on, organ_name, summary, signer_name, signer_title, signer_authority,
				       recipients, urgency, page_count, attachment_count, received_on, deadline, pdf, pdf_sha256)
				select d.unit_code, w.work_file_id,
				       row_number() over (order by coalesce(d.issued_on, d.original_date, d.received_on), d.received_on, d.id),
				       d.id, d.direction, d.type, d.register_year, d.number,
				       case when d.direction = 'out' then coalesce(d.number_symbol, '') else d.original_number end,
				       case when d.direction = 'out' then d.issued_on else d.original_date end,
				       case when d.direction = 'out' then :organ else d.issuer end,
				       d.summary, d.signer_name, d.signer_title, d.signer_authority, d.recipients, d.urgency,
				       coalesce(d.page_count, 0), d.attachment_count, d.received_on, d.deadline, d.pdf, encode(sha256(d.pdf), 'hex')
				from work_file_document w join document d on d.id = w.document_id
				where w.work_file_id = :id and w.unit_code = :unit and d.pdf is not null""")
			.param("organ", organ).param("id", id).param("unit", unitCode).update();
	}

	void insertRecord(String unitCode, long id, ArchivePackage.Entry e, byte[] pdf) {
		jdbc.sql("""
				insert into work_file_record (unit_code, work_file_id, ordinal, direction, type, register_year, number,
				       number_symbol, issued_on, organ_name, summary, signer_name, signer_title, signer_authority, recipients,
				       urgency, page_count, attachment_count, received_on, deadline, pdf, pdf_sha256)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(unitCode, id, e.ordinal(), e.direction(), e.type().name(), e.registerYear(), e.number(), e.numberSymbol(),
					e.issuedOn(), e.organName(), e.summary(), e.signerName(), e.signerTitle(), e.signerAuthority(), e.recipients(),
					e.urgency(), e.pageCount(), e.attachmentCount(), e.receivedOn(), e.deadline(), pdf, ArchivePackage.sha256(pdf))
			.update();
	}

	void close(Actor actor, long id) {
		jdbc.sql("update work_file set status = 'closed', closed_at = now(), closed_by = ? where id = ? and unit_code = ?")
			.params(actor.username(), id, actor.unitCode()).update();
	}

	List<ArchivePackage.Entry> entries(String unitCode, long id) {
		return jdbc.sql(RECORD_SELECT + " where work_file_id = ? and unit_code = ? order by ordinal").params(id, unitCode)
			.query(WorkFileTable::entry).list();
	}

	Optional<byte[]> recordPdf(String unitCode, long id, int ordinal) {
		return jdbc.sql("select pdf from work_file_record where work_file_id = ? and ordinal = ? and unit_code = ?")
			.params(id, ordinal, unitCode).query(byte[].class).optional();
	}

	Optional<WorkFile> find(String unitCode, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ?").params(id, unitCode).query(WorkFileTable::map).optional()
			.map(wf -> withItems(unitCode, wf));
	}

	Optional<WorkFile> lock(String unitCode, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ? for update").params(id, unitCode).query(WorkFileTable::map)
			.optional().map(wf -> withItems(unitCode, wf));
	}

	WorkFiles.Listing list(String unitCode, List<String> words, @Nullable Integer year, @Nullable String status, int limit,
			int offset) {
		var where = new StringBuilder(" where w.unit_code = :unit");
		var params = new HashMap<String, Object>();
		params.put("unit", unitCode);
		for (int i = 0; i < words.size(); i++) {
			where.append(" and w.title_folded like '%' || xaso_fold(:w").append(i).append(") || '%'");
			params.put("w" + i, SqlLike.escape(words.get(i)));
		}
		if (year != null) {
			where.append(" and w.year = :year");
			params.put("year", year);
		}
		if (status != null) {
			where.append(" and w.status = :status");
			params.put("status", status);
		}
		long total = jdbc.sql("select count(*) from work_file w" + where).params(params).query(Long.class).single();
		var rows = jdbc.sql("""
				select w.id, w.organ_id, w.code, w.title, w.year, w.handler_name, w.retention, w.status, w.imported,
				       case when w.status = 'closed' then (select count(*) from work_file_record r where r.work_file_id = w.id)
				            else (select count(*) from work_file_document d where d.work_file_id = w.id) end as n
				from work_file w""" + where + " order by w.year desc, w.id desc limit :limit offset :offset")
			.params(params).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new WorkFiles.Row(rs.getLong("id"), rs.getString("organ_id"), rs.getString("code"),
					rs.getString("title"), rs.getInt("year"), rs.getString("handler_name"), rs.getString("retention"),
					rs.getString("status"), rs.getBoolean("imported"), rs.getLong("n")))
			.list();
		return new WorkFiles.Listing(rows, total);
	}

	/** Released or incoming documents with a PDF in no work file yet, by register number or words of the summary. */
	List<WorkFiles.Candidate> candidates(String unitCode, @Nullable Integer number, List<String> words) {
		var where = new StringBuilder(" " + """
				where d.unit_code = :unit and d.pdf is not null and (d.direction = 'in' or d.status = 'released')
				  and not exists (select 1 from work_file_document w where w.document_id = d.id)""");
		var params = new HashMap<String, Object>();
		params.put("unit", unitCode);
		if (number != null) {
			where.append(" and d.number = :number");
			params.put("number", number);
		}
		for (int i = 0; i < words.size(); i++) {
			where.append(" and d.search_folded like '%' || xaso_fold(:w").append(i).append(") || '%'");
			params.put("w" + i, SqlLike.escape(words.get(i)));
		}
		return jdbc.sql("""
				select d.id, d.direction, d.type, coalesce(case when d.direction = 'out' then d.number_symbol else d.original_number end, '') as ns,
				       d.number, coalesce(d.issued_on, d.received_on) as day, d.summary
				from document d""" + where + " order by d.created_at desc, d.id desc limit 20")
			.params(params)
			.query((rs, n) -> new WorkFiles.Candidate(rs.getLong("id"), "out".equals(rs.getString("direction")),
					DocumentType.valueOf(rs.getString("type")), rs.getString("ns"), rs.getObject("number", Integer.class),
					rs.getObject("day", LocalDate.class), rs.getString("summary")))
			.list();
	}

	/** Up to ten words of a search, split on white space. */
	static List<String> words(String q) {
		return Arrays.stream(q.strip().split("\\s+")).limit(10).toList();
	}

	private WorkFile withItems(String unitCode, WorkFile wf) {
		List<WorkFile.Item> items;
		if (wf.closed()) {
			items = jdbc.sql("""
					select id, ordinal, source_document_id, direction, type, number_symbol, number, coalesce(issued_on, received_on) as day,
					       summary, organ_name, page_count
					from work_file_record where work_file_id = ? and unit_code = ? order by ordinal""")
				.params(wf.id(), unitCode)
				.query((rs, n) -> new WorkFile.Item(rs.getInt("ordinal"), rs.getObject("source_document_id", Long.class),
						rs.getLong("id"), "out".equals(rs.getString("direction")), DocumentType.valueOf(rs.getString("type")),
						rs.getString("number_symbol"), rs.getObject("number", Integer.class), rs.getObject("day", LocalDate.class),
						rs.getString("summary"), rs.getString("organ_name"), rs.getInt("page_count")))
				.list();
		}
		else {
			var rows = jdbc.sql("""
					select d.id, d.direction, d.type, coalesce(case when d.direction = 'out' then d.number_symbol else d.original_number end, '') as ns,
					       d.number, coalesce(d.issued_on, d.original_date, d.received_on) as day, d.summary, d.issuer, coalesce(d.page_count, 0) as pages
					from work_file_document w join document d on d.id = w.document_id
					where w.work_file_id = ? and w.unit_code = ?
					order by coalesce(d.issued_on, d.original_date, d.received_on), d.received_on, d.id""")
				.params(wf.id(), unitCode)
				.query((rs, n) -> new WorkFile.Item(n + 1, rs.getLong("id"), null, "out".equals(rs.getString("direction")),
						DocumentType.valueOf(rs.getString("type")), rs.getString("ns"), rs.getObject("number", Integer.class),
						rs.getObject("day", LocalDate.class), rs.getString("summary"), rs.getString("issuer"), rs.getInt("pages")))
				.list();
			items = new ArrayList<>(rows);
		}
		return new WorkFile(wf.id(), wf.unitCode(), wf.organId(), wf.code(), wf.title(), wf.year(), wf.handlerUsername(),
				wf.handlerName(), wf.retention(), wf.status(), wf.imported(), wf.createdBy(), wf.createdAt(), wf.closedAt(), items);
	}

	private static final String SELECT = """
			select id, unit_code, organ_id, code, title, year, handler_username, handler_name, retention, status, imported,
			       created_by, created_at, closed_at
			from work_file""";

	private static final String RECORD_SELECT = """
			select ordinal, direction, type, register_year, number, number_symbol, issued_on, organ_name, summary, signer_name,
			       signer_title, signer_authority, recipients, urgency, page_count, attachment_count, received_on, deadline
			from work_file_record""";

	private static WorkFile map(ResultSet rs, int n) throws SQLException {
		var closed = rs.getTimestamp("closed_at");
		return new WorkFile(rs.getLong("id"), rs.getString("unit_code"), rs.getString("organ_id"), rs.getString("code"),
				rs.getString("title"), rs.getInt("year"), rs.getString("handler_username"), rs.getString("handler_name"),
				rs.getString("retention"), rs.getString("status"), rs.getBoolean("imported"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant(), List.of());
	}

	private static ArchivePackage.Entry entry(ResultSet rs, int n) throws SQLException {
		return new ArchivePackage.Entry(rs.getInt("ordinal"), rs.getString("direction"), DocumentType.valueOf(rs.getString("type")),
				rs.getObject("register_year", Integer.class), rs.getObject("number", Integer.class), rs.getString("number_symbol"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("organ_name"), rs.getString("summary"),
				rs.getString("signer_name"), rs.getString("signer_title"), rs.getString("signer_authority"),
				rs.getString("recipients"), rs.getString("urgency"), rs.getInt("page_count"), rs.getInt("attachment_count"),
				rs.getObject("received_on", LocalDate.class), rs.getObject("deadline", LocalDate.class));
	}
}
