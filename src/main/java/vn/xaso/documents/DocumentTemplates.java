package vn.xaso.documents;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.Role;

/**
 * Drafting templates of the Phụ lục III types (Nghị định 30/2020): the body's structure ("Căn cứ …", "QUYẾT ĐỊNH:",
 * "Điều 1. …"), the usual recipients and the signer's authority and title. Stored as data in {@code document_template}:
 * a shared row per type, and optionally a commune's own row that overrides it.
 */
@Service
public class DocumentTemplates {

	/** A template; {@code own} when it is the commune's override rather than the shared one. */
	public record Template(DocumentType type, String summary, String body, String recipients, String signerAuthority,
			String signerTitle, boolean own) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	DocumentTemplates(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The template of a type for the actor's commune: its own if it has one, else the shared one. */
	@Transactional(readOnly = true)
	public Optional<Template> forType(Actor actor, DocumentType type) {
		return jdbc.sql("""
				select type, summary, body, recipients, signer_authority, signer_title, unit_code is not null
				from document_template where type = ? and (unit_code is null or unit_code = ?)
				order by unit_code nulls last limit 1""")
			.params(type.name(), actor.unitCode())
			.query((rs, n) -> new Template(DocumentType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
			.optional();
	}

	/** One template per draftable type, in the order of {@link DocumentType}. */
	@Transactional(readOnly = true)
	public List<Template> list(Actor actor) {
		return DocumentType.draftableTypes().stream().map(t -> forType(actor, t)).flatMap(Optional::stream).toList();
	}

	/** The commune's own template of a type (administrator or leader); replaces its previous one. Audited. */
	@Transactional
	public void saveOwn(Actor actor, Template t) {
		if (!actor.has(Role.ADMIN) && !actor.has(Role.LEADER)) {
			throw new AccessDeniedException(vn.xaso.platform.Refusal.bundleText("i18n/documents", "documents.error.templatesAdminOnly"));
		}
		if (t.type() == null || !t.type().draftable()) {
			throw DocumentException.of("type", "documents.error.type");
		}
		var body = t.body() == null ? "" : t.body().strip();
		if (body.isEmpty() || body.length() > 50_000 || body.indexOf('\u0000') >= 0) {
			throw DocumentException.of("body", "documents.error.templateBody");
		}
		jdbc.sql("delete from document_template where unit_code = ? and type = ?").params(actor.unitCode(), t.type().name()).update();
		jdbc.sql("""
				insert into document_template (unit_code, type, summary, body, recipients, signer_authority, signer_title, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(actor.unitCode(), t.type().name(), strip(t.summary()), body, strip(t.recipients()), strip(t.signerAuthority()),
					strip(t.signerTitle()), actor.username())
			.update();
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "document.template.saved").on("document_template", 0)
			.change(null, t.type().label()));
	}

	/**
	 * Drops the commune's own template of a type, so the shared one (the national default, never changed from here)
	 * applies again. Audited.
	 */
	@Transactional
	public void resetOwn(Actor actor, DocumentType type) {
		if (!actor.has(Role.ADMIN) && !actor.has(Role.LEADER)) {
			throw new AccessDeniedException(vn.xaso.platform.Refusal.bundleText("i18n/documents", "documents.error.templatesAdminOnly"));
		}
		int removed = jdbc.sql("delete from document_template where unit_code = ? and type = ?").params(actor.unitCode(), type.name()).update();
		if (removed > 0) {
			events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "document.template.reset").on("document_template", 0)
				.change(type.label(), null));
		}
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}
}
