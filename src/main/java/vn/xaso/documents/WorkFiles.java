package vn.xaso.documents;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.documents.internal.ArchivePackage;
import vn.xaso.identity.Role;
import vn.xaso.units.Units;

/**
 * Work files (hồ sơ công việc, Nghị định 30/2020 Chương IV) of a commune, and their archive
 * packages. Any official of the unit reads them; only CLERK (văn thư) and LEADER create, file
 * documents, close, export and import ({@link AccessDeniedException} otherwise). Every change is
 * audited in the same transaction; a work file of another unit is "not found".
 */
@Service
public class WorkFiles {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Units units;
	private final Documents documents;
	private final Clock clock;

	WorkFiles(JdbcClient jdbc, AuditLog audit, Units units, Documents documents, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.units = units;
		this.documents = documents;
		this.clock = clock;
	}

	/** The fields of a new work file; {@code handler} is the username of an official of the unit. */
	public record NewWorkFile(String code, String title, String year, String handler, String retention) {
	}

	public record Row(long id, String organId, String code, String title, int year, String handlerName, String retention,
			String status, boolean imported, long documentCount) {
	}

	public record Listing(List<Row> rows, long total) {
	}

	/** A document that may be filed: released outgoing or incoming, in no work file yet. */
	public record Candidate(long id, boolean outgoing, DocumentType type, String numberSymbol, @Nullable Integer number,
			@Nullable LocalDate date, String summary) {
	}

	public static boolean canManage(Actor actor) {
		return actor.has(Role.CLERK) || actor.has(Role.LEADER);
	}

	// ---------------------------------------------------------------- changes

	@Transactional
	public long create(Actor actor, NewWorkFile in) {
		requireManager(actor);
		var code = in.code() == null ? "" : in.code().strip();
		if (!code.matches("[0-9A-Za-z][0-9A-Za-z./-]{0,19}")) {
			throw new DocumentException("code", "Mã hồ sơ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch chéo, tối đa 20 ký tự (ví dụ 2026-VP-01).");
		}
		var title = text("title", in.title(), 1, 500, "Hãy ghi tiêu đề hồ sơ (1 đến 500 ký tự).");
		int year;
		try {
			year = Integer.parseInt(in.year() == null ? "" : in.year().strip());
		}
		catch (NumberFormatException e) {
			year = -1;
		}
		int thisYear = LocalDate.now(clock.withZone(Documents.VIETNAM)).getYear();
		if (year < 2000 || year > thisYear + 1) {
			throw new DocumentException("year", "Năm hình thành hồ sơ phải từ 2000 đến " + (thisYear + 1) + ".");
		}
		var handler = documents.handlers(actor).stream().filter(h -> h.username().equals(in.handler())).findFirst()
			.orElseThrow(() -> new DocumentException("handler", "Hãy chọn người lập hồ sơ trong danh sách công chức của xã."));
		if (!WorkFile.RETENTIONS.contains(in.retention())) {
			throw new DocumentException("retention", "Hãy chọn thời hạn bảo quản: 5, 10, 20, 50, 70 năm hoặc vĩnh viễn.");
		}
		if (exists(actor.unitCode(), actor.unitCode(), code)) {
			throw new DocumentException("code", "Mã hồ sơ " + code + " đã có. Hãy chọn mã khác.");
		}
		long id = jdbc.sql("""
				insert into work_file (unit_code, organ_id, code, title, year, handler_username, handler_name, retention, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(actor.unitCode(), actor.unitCode(), code, title, year, handler.username(), handler.fullName(), in.retention(),
					actor.username())
			.query(Long.class).single();
		record(actor, "work_file.created", id, null, code + ": " + title + " (" + WorkFile.retentionLabel(in.retention()) + ")");
		return id;
	}

	/** Files a document (released outgoing, or incoming) into an open work file. */
	@Transactional
	public void add(Actor actor, long id, long documentId) {
		requireManager(actor);
		var wf = lock(actor, id);
		requireOpen(wf);
		var doc = documents.find(actor, documentId)
			.orElseThrow(() -> new DocumentException("documentId", "Không tìm thấy văn bản này trong sổ của xã."));
		if (doc.outgoing() && !Document.RELEASED.equals(doc.status())) {
			throw new DocumentException("documentId", "Chỉ lập hồ sơ được văn bản đi đã phát hành hoặc văn bản đến.");
		}
		var current = jdbc.sql("select w.code from work_file_document d join work_file w on w.id = d.work_file_id where d.document_id = ?")
			.param(documentId).query(String.class).optional();
		if (current.isPresent()) {
			throw new DocumentException("documentId", "Văn bản này đã nằm trong hồ sơ " + current.get() + ". Mỗi văn bản chỉ thuộc một hồ sơ.");
		}
		jdbc.sql("insert into work_file_document (work_file_id, document_id, unit_code, added_by) values (?, ?, ?, ?)")
			.params(id, documentId, actor.unitCode(), actor.username()).update();
		record(actor, "work_file.document_added", id, null, "văn bản " + documentId + ": " + doc.summary());
	}

	@Transactional
	public void remove(Actor actor, long id, long documentId) {
		requireManager(actor);
		var wf = lock(actor, id);
		requireOpen(wf);
		int n = jdbc.sql("delete from work_file_document where work_file_id = ? and document_id = ? and unit_code = ?")
			.params(id, documentId, actor.unitCode()).update();
		if (n == 0) {
			throw new DocumentException("documentId", "Văn bản này không nằm trong hồ sơ.");
		}
		record(actor, "work_file.document_removed", id, "văn bản " + documentId, null);
	}

	/**
	 * Closes the work file: copies every document's metadata and PDF into frozen records in
	 * chronological order (date of the document, then date received), then marks it closed. From
	 * then on the database refuses any change to the file, its documents list and its records.
	 */
	@Transactional
	public void close(Actor actor, long id) {
		requireManager(actor);
		var wf = lock(actor, id);
		requireOpen(wf);
		if (wf.items().isEmpty()) {
			throw new DocumentException("", "Hồ sơ chưa có văn bản nào, chưa thể đóng.");
		}
		var organ = "Ủy ban nhân dân " + units.find(actor.unitCode()).map(u -> u.name()).orElse(actor.unitCode());
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
			.param("organ", organ).param("id", id).param("unit", actor.unitCode()).update();
		jdbc.sql("update work_file set status = 'closed', closed_at = now(), closed_by = ? where id = ? and unit_code = ?")
			.params(actor.username(), id, actor.unitCode()).update();
		record(actor, "work_file.closed", id, WorkFile.OPEN, WorkFile.CLOSED + ", " + wf.items().size() + " văn bản");
	}

	// ---------------------------------------------------------------- archive package

	/** Checks the caller may export the work file (CLERK or LEADER, closed, own unit) before streaming starts. */
	@Transactional(readOnly = true)
	public WorkFile exportable(Actor actor, long id) {
		requireManager(actor);
		var wf = find(actor, id).orElseThrow(() -> new NotFound(id));
		if (!wf.closed()) {
			throw new DocumentException("", "Chỉ xuất gói lưu trữ được hồ sơ đã đóng.");
		}
		return wf;
	}

	/**
	 * Streams the archive package of a closed work file: one PDF at a time from the database, then
	 * metadata.json and manifest-sha256.txt. Audited as {@code work_file.exported}.
	 */
	@Transactional
	public void export(Actor actor, long id, OutputStream out) {
		var wf = exportable(actor, id);
		var entries = jdbc.sql(RECORD_SELECT + " where work_file_id = ? and unit_code = ? order by ordinal")
			.params(id, actor.unitCode()).query(WorkFiles::entry).list();
		var writer = new ArchivePackage.Writer(out);
		for (var e : entries) {
			var pdf = jdbc.sql("select pdf from work_file_record where work_file_id = ? and ordinal = ? and unit_code = ?")
				.params(id, e.ordinal(), actor.unitCode()).query(byte[].class).single();
			writer.add(e.path(), pdf);
		}
		record(actor, "work_file.exported", id, null, entries.size() + " văn bản");
		writer.finish(new ArchivePackage.FileMeta(wf.id(), wf.organId(), wf.code(), wf.title(), wf.year(), wf.handlerName(),
				wf.retention(), wf.createdAt(), wf.closedAt()), entries, clock.instant(), actor.username(), actor.unitCode());
	}

	/**
	 * Imports an archive package into the caller's unit as a closed work file of archived records
	 * (same metadata, byte-identical PDFs). The package is verified completely first (see
	 * {@link ArchivePackage#read}); any problem refuses the whole package and stores nothing.
	 */
	@Transactional
	public long importArchive(Actor actor, byte[] zip) {
		requireManager(actor);
		var parsed = ArchivePackage.read(zip);
		var f = parsed.file();
		if (!f.code().matches("[0-9A-Za-z][0-9A-Za-z./-]{0,19}") || !f.organId().matches("[0-9A-Za-z]{1,20}")
				|| f.title().isBlank() || f.title().length() > 500 || f.year() < 1900 || f.year() > 2199
				|| f.handlerName().isBlank() || f.handlerName().length() > 100 || !WorkFile.RETENTIONS.contains(f.retention())) {
			throw new DocumentException("file", "metadata.json: thông tin hồ sơ (mã, tiêu đề, năm, người lập, thời hạn bảo quản) không hợp lệ.");
		}
		for (var e : parsed.entries()) {
			if (!Documents.URGENCIES.contains(e.urgency()) || e.summary().isBlank() || e.summary().length() > 500
					|| e.attachmentCount() < 0 || e.attachmentCount() > 999) {
				throw new DocumentException("file", "metadata.json: văn bản " + e.ordinal() + " có thông tin không hợp lệ.");
			}
		}
		if (exists(actor.unitCode(), f.organId(), f.code())) {
			throw new DocumentException("file", "Hồ sơ " + f.code() + " của cơ quan " + f.organId() + " đã có trong kho của xã. Không nhập lại.");
		}
		long id = jdbc.sql("""
				insert into work_file (unit_code, organ_id, code, title, year, handler_name, retention, imported, created_by)
				values (?, ?, ?, ?, ?, ?, ?, true, ?) returning id""")
			.params(actor.unitCode(), f.organId(), f.code(), f.title(), f.year(), f.handlerName(), f.retention(), actor.username())
			.query(Long.class).single();
		for (var e : parsed.entries()) {
			var pdf = parsed.pdfs().get(e.path());
			jdbc.sql("""
					insert into work_file_record (unit_code, work_file_id, ordinal, direction, type, register_year, number,
					       number_symbol, issued_on, organ_name, summary, signer_name, signer_title, signer_authority, recipients,
					       urgency, page_count, attachment_count, received_on, deadline, pdf, pdf_sha256)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(actor.unitCode(), id, e.ordinal(), e.direction(), e.type().name(), e.registerYear(), e.number(),
						e.numberSymbol(), e.issuedOn(), e.organName(), e.summary(), e.signerName(), e.signerTitle(),
						e.signerAuthority(), e.recipients(), e.urgency(), e.pageCount(), e.attachmentCount(), e.receivedOn(),
						e.deadline(), pdf, ArchivePackage.sha256(pdf))
				.update();
		}
		jdbc.sql("update work_file set status = 'closed', closed_at = now(), closed_by = ? where id = ? and unit_code = ?")
			.params(actor.username(), id, actor.unitCode()).update();
		record(actor, "work_file.imported", id, null,
				f.organId() + "." + f.year() + "." + f.code() + ": " + parsed.entries().size() + " văn bản");
		return id;
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Optional<WorkFile> find(Actor actor, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ?").params(id, actor.unitCode()).query(this::map).optional()
			.map(wf -> withItems(actor, wf));
	}

	/** The PDF of one frozen record of a closed work file. */
	@Transactional(readOnly = true)
	public Optional<byte[]> recordPdf(Actor actor, long id, int ordinal) {
		return jdbc.sql("select pdf from work_file_record where work_file_id = ? and ordinal = ? and unit_code = ?")
			.params(id, ordinal, actor.unitCode()).query(byte[].class).optional();
	}

	/** Work files of the unit, newest year first; {@code q} matches code, title and handler without diacritics. */
	@Transactional(readOnly = true)
	public Listing list(Actor actor, @Nullable String q, @Nullable Integer year, @Nullable String status, int page, int size) {
		var where = new StringBuilder(" where w.unit_code = :unit");
		var params = new HashMap<String, Object>();
		params.put("unit", actor.unitCode());
		if (q != null && !q.isBlank()) {
			if (q.length() > 200) {
				throw new DocumentException("q", "Từ khóa tìm kiếm dài quá 200 ký tự.");
			}
			var words = Arrays.stream(q.strip().split("\\s+")).limit(10).toList();
			for (int i = 0; i < words.size(); i++) {
				where.append(" and w.title_folded like '%' || xaso_fold(:w").append(i).append(") || '%'");
				params.put("w" + i, vn.xaso.platform.SqlLike.escape(words.get(i)));
			}
		}
		if (year != null) {
			where.append(" and w.year = :year");
			params.put("year", year);
		}
		if (status != null && (status.equals(WorkFile.OPEN) || status.equals(WorkFile.CLOSED))) {
			where.append(" and w.status = :status");
			params.put("status", status);
		}
		int limit = Math.max(1, Math.min(100, size));
		int offset = Math.max(0, page) * limit;
		long total = jdbc.sql("select count(*) from work_file w" + where).params(params).query(Long.class).single();
		var rows = jdbc.sql("""
				select w.id, w.organ_id, w.code, w.title, w.year, w.handler_name, w.retention, w.status, w.imported,
				       case when w.status = 'closed' then (select count(*) from work_file_record r where r.work_file_id = w.id)
				            else (select count(*) from work_file_document d where d.work_file_id = w.id) end as n
				from work_file w""" + where + " order by w.year desc, w.id desc limit :limit offset :offset")
			.params(params).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("organ_id"), rs.getString("code"), rs.getString("title"),
					rs.getInt("year"), rs.getString("handler_name"), rs.getString("retention"), rs.getString("status"),
					rs.getBoolean("imported"), rs.getLong("n")))
			.list();
		return new Listing(rows, total);
	}

	/** Documents that can be filed: matching the register number ("05", "12/QĐ-UBND") or words of the summary. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Actor actor, @Nullable String q) {
		var where = new StringBuilder(" " + """
				where d.unit_code = :unit and d.pdf is not null and (d.direction = 'in' or d.status = 'released')
				  and not exists (select 1 from work_file_document w where w.document_id = d.id)""");
		var params = new HashMap<String, Object>();
		params.put("unit", actor.unitCode());
		if (q != null && !q.isBlank()) {
			var s = q.strip();
			if (s.length() > 200) {
				throw new DocumentException("q", "Từ khóa tìm kiếm dài quá 200 ký tự.");
			}
			if (s.matches("[0-9]{1,9}")) {
				where.append(" and d.number = :number");
				params.put("number", Integer.parseInt(s));
			}
			else {
				var words = Arrays.stream(s.split("\\s+")).limit(10).toList();
				for (int i = 0; i < words.size(); i++) {
					where.append(" and d.search_folded like '%' || xaso_fold(:w").append(i).append(") || '%'");
					params.put("w" + i, vn.xaso.platform.SqlLike.escape(words.get(i)));
				}
			}
		}
		return jdbc.sql("""
				select d.id, d.direction, d.type, coalesce(case when d.direction = 'out' then d.number_symbol else d.original_number end, '') as ns,
				       d.number, coalesce(d.issued_on, d.received_on) as day, d.summary
				from document d""" + where + " order by d.created_at desc, d.id desc limit 20")
			.params(params)
			.query((rs, n) -> new Candidate(rs.getLong("id"), "out".equals(rs.getString("direction")),
					DocumentType.valueOf(rs.getString("type")), rs.getString("ns"), rs.getObject("number", Integer.class),
					rs.getObject("day", LocalDate.class), rs.getString("summary")))
			.list();
	}

	// ---------------------------------------------------------------- helpers

	/** No such work file in the caller's unit (HTTP 404). */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	public static final class NotFound extends RuntimeException {

		public NotFound(long id) {
			super("Không tìm thấy hồ sơ " + id);
		}
	}

	private boolean exists(String unit, String organ, String code) {
		return jdbc.sql("select count(*) from work_file where unit_code = ? and organ_id = ? and code = ?")
			.params(unit, organ, code).query(Long.class).single() > 0;
	}

	private WorkFile lock(Actor actor, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ? for update").params(id, actor.unitCode()).query(this::map)
			.optional().map(wf -> withItems(actor, wf)).orElseThrow(() -> new NotFound(id));
	}

	private static void requireOpen(WorkFile wf) {
		if (wf.closed()) {
			throw new DocumentException("", "Hồ sơ đã đóng: không thêm, bớt hay sửa được nữa.");
		}
	}

	private static void requireManager(Actor actor) {
		if (!canManage(actor)) {
			throw new AccessDeniedException("Chỉ văn thư và lãnh đạo UBND mới lập, đóng, xuất và nhập hồ sơ.");
		}
	}

	private void record(Actor actor, String action, long id, @Nullable String before, @Nullable String after) {
		audit.record(AuditEvent.of(actor.unitCode(), actor.username(), action).on("work_file", id).change(before, after));
	}

	private static String text(String field, @Nullable String value, int min, int max, String message) {
		var v = value == null ? "" : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC).strip();
		if (v.length() < min || v.length() > max || v.indexOf('\u0000') >= 0) {
			throw new DocumentException(field, message);
		}
		return v;
	}

	private WorkFile withItems(Actor actor, WorkFile wf) {
		List<WorkFile.Item> items;
		if (wf.closed()) {
			items = jdbc.sql("""
					select id, ordinal, source_document_id, direction, type, number_symbol, number, coalesce(issued_on, received_on) as day,
					       summary, organ_name, page_count
					from work_file_record where work_file_id = ? and unit_code = ? order by ordinal""")
				.params(wf.id(), actor.unitCode())
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
				.params(wf.id(), actor.unitCode())
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

	private WorkFile map(ResultSet rs, int n) throws SQLException {
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
