package vn.xaso.documents.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentType;

/** The only SQL of a draft's earlier texts ({@code document_version}). */
@Component
class VersionTable {

	/** A text a draft had before one of its edits. */
	record Row(int version, DocumentType type, String summary, String body, String recipients, String signerName, String savedBy,
			Instant savedAt) {
	}

	private final JdbcClient jdbc;

	VersionTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int next(String unitCode, long documentId) {
		return jdbc.sql("select coalesce(max(version), 0) + 1 from document_version where document_id = ? and unit_code = ?")
			.params(documentId, unitCode).query(Integer.class).single();
	}

	void insert(String unitCode, long documentId, int version, Document before, String savedBy) {
		jdbc.sql("""
				insert into document_version (unit_code, document_id, version, type, summary, body, recipients, signer_name, saved_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(unitCode, documentId, version, before.type().name(), before.summary(), before.body(), before.recipients(),
					before.signerName(), savedBy)
			.update();
	}

	List<Row> list(String unitCode, long documentId) {
		return jdbc.sql("""
				select version, type, summary, body, recipients, signer_name, saved_by, saved_at from document_version
				where document_id = ? and unit_code = ? order by version desc""")
			.params(documentId, unitCode)
			.query((rs, n) -> new Row(rs.getInt(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}
}
