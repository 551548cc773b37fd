package vn.xaso.documents.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Documents;

/** The SQL of the attachment files of documents: the table {@code document_attachment}. */
@Component("documentAttachmentTable")
class AttachmentTable {

	/** An attachment's id and stored PDF. */
	record File(long id, byte[] pdf) {
	}

	private final JdbcClient jdbc;

	AttachmentTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count(String unitCode, long documentId) {
		return jdbc.sql("select count(*) from document_attachment where document_id = ? and unit_code = ?")
			.params(documentId, unitCode).query(Long.class).single();
	}

	long insert(String unitCode, long documentId, String title, byte[] pdf, String createdBy) {
		return jdbc.sql("""
				insert into document_attachment (unit_code, document_id, title, pdf, created_by) values (?, ?, ?, ?, ?) returning id""")
			.params(unitCode, documentId, title, pdf, createdBy).query(Long.class).single();
	}

	/** Deletes the attachment and gives its title, empty if there was none. */
	Optional<String> delete(String unitCode, long documentId, long attachmentId) {
		return jdbc.sql("delete from document_attachment where id = ? and document_id = ? and unit_code = ? returning title")
			.params(attachmentId, documentId, unitCode).query(String.class).optional();
	}

	List<Documents.Attachment> list(String unitCode, long documentId) {
		return jdbc.sql("""
				select id, title, octet_length(pdf), signed from document_attachment where document_id = ? and unit_code = ? order by id""")
			.params(documentId, unitCode)
			.query((rs, n) -> new Documents.Attachment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4))).list();
	}

	Optional<byte[]> pdf(String unitCode, long documentId, long attachmentId) {
		return jdbc.sql("select pdf from document_attachment where id = ? and document_id = ? and unit_code = ?")
			.params(attachmentId, documentId, unitCode).query((rs, n) -> rs.getBytes(1)).optional();
	}

	List<File> files(String unitCode, long documentId) {
		return jdbc.sql("select id, pdf from document_attachment where document_id = ? and unit_code = ? order by id")
			.params(documentId, unitCode).query((rs, n) -> new File(rs.getLong(1), rs.getBytes(2))).list();
	}

	void signed(String unitCode, long attachmentId, byte[] pdf) {
		jdbc.sql("update document_attachment set pdf = ?, signed = true where id = ? and unit_code = ?")
			.params(pdf, attachmentId, unitCode).update();
	}

	/** Copies a released document's attachments to the document delivered from it; gives how many. */
	int copy(String fromUnit, long fromDocument, String toUnit, long toDocument) {
		return jdbc.sql("""
				insert into document_attachment (unit_code, document_id, title, pdf, signed, created_by)
				select ?, ?, title, pdf, signed, 'system' from document_attachment where document_id = ? and unit_code = ? order by id""")
			.params(toUnit, toDocument, fromDocument, fromUnit).update();
	}
}
