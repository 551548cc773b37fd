package vn.xaso.dossiers.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.DossierFile;
import vn.xaso.dossiers.Upload;

/** The only SQL of a dossier's attachments ({@code dossier_file}): papers, scans and the signed result. */
@Component
class AttachmentTable {

	/** The files of a dossier {@code d} submitted in one go: the part {@code f} of {@link NumberTable}'s one statement. */
	static final String SUBMITTED_FILES = """
			f as (
			  insert into dossier_file (unit_code, dossier_id, name, content_type, size, sha256, content, paper_code, digitised,
			                            is_result, added_by)
			  select :unit, d.id, x.name, x.content_type, length(x.content), x.sha256, x.content, x.paper_code, :digitised, false, :actor
			  from d, unnest(:fileNames::text[], :fileTypes::text[], :fileContents::bytea[], :fileHashes::text[], :filePapers::text[])
			       with ordinality as x(name, content_type, content, sha256, paper_code, i)
			  order by x.i),
			""";

	private final JdbcClient jdbc;

	AttachmentTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Refuses when {@code adding} more files would pass {@link FileChecks#MAX_FILES}. */
	void requireRoom(long dossierId, int adding) {
		long n = jdbc.sql("select count(*) from dossier_file where dossier_id = ?").param(dossierId).query(Long.class).single();
		if (n + adding > FileChecks.MAX_FILES) {
			throw Texts.refused("file", "dossiers.error.tooManyFiles", String.valueOf(FileChecks.MAX_FILES));
		}
	}

	/** A checked upload as it is stored: its name made safe, its paper code trimmed, its digest. */
	static NumberTable.NewFile prepare(Upload upload, String type) {
		return new NumberTable.NewFile(safeName(upload), type, upload.content(), sha256(upload.content()), paperCode(upload));
	}

	private static String safeName(Upload upload) {
		return upload.name() == null || upload.name().isBlank() ? "tep"
				: DossierWork.limit(upload.name().strip().replaceAll("[\\p{Cntrl}/\\\\]", "_"), 255);
	}

	private static String paperCode(Upload upload) {
		return upload.paperCode() == null ? "" : DossierWork.limit(upload.paperCode().strip(), 60);
	}

	long insert(String unitCode, long dossierId, Upload upload, String type, boolean digitised, boolean result, String by) {
		var name = safeName(upload);
		var paper = paperCode(upload);
		return jdbc.sql("""
				insert into dossier_file (unit_code, dossier_id, name, content_type, size, sha256, content, paper_code, digitised, is_result, added_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, dossierId, name, type, upload.content().length, sha256(upload.content()), upload.content(), paper,
					digitised, result, by)
			.query(Long.class).single();
	}

	/** False if the dossier has no such file. */
	boolean delete(long dossierId, long fileId) {
		return jdbc.sql("delete from dossier_file where id = ? and dossier_id = ?").params(fileId, dossierId).update() > 0;
	}

	List<DossierFile> list(long dossierId) {
		return jdbc.sql("""
				select id, name, content_type, size, paper_code, digitised, is_result, added_by, added_at
				from dossier_file where dossier_id = ? order by id""")
			.param(dossierId)
			.query((rs, n) -> new DossierFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

	DossierFile get(long dossierId, long fileId) {
		return list(dossierId).stream().filter(f -> f.id() == fileId).findFirst().orElseThrow();
	}

	Optional<byte[]> content(long dossierId, long fileId) {
		return jdbc.sql("select content from dossier_file where id = ? and dossier_id = ?").params(fileId, dossierId)
			.query(byte[].class).optional();
	}

	/** Replaces the signed result's file (named {@code name}) with {@code content}, e.g. once it carries the seal too. */
	void replaceResult(long dossierId, String name, byte[] content) {
		jdbc.sql("update dossier_file set content = ?, size = ?, sha256 = ? where dossier_id = ? and is_result and name = ?")
			.params(content, content.length, sha256(content), dossierId, name).update();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
