package vn.xaso.documents;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only SQL of the handlers' reminders ({@code document_reminder}, read with the open assignments). */
@Component
class ReminderTable {

	/** An open assignment of an incoming document still being handled. */
	record Assignment(String unitCode, long documentId, String username, LocalDate deadline, String summary) {
	}

	/** A reminded assignment, for the notice on /documents. */
	record Reminded(long documentId, String summary, LocalDate deadline) {
	}

	private final JdbcClient jdbc;

	ReminderTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every open assignment due on or before {@code day}, in every visible commune. */
	List<Assignment> dueBy(LocalDate day) {
		return jdbc.sql("""
				select a.unit_code, a.document_id, a.username, a.deadline, d.summary
				from document_assignment a
				join document d on d.id = a.document_id and d.unit_code = a.unit_code
				where d.status = 'assigned' and a.deadline <= ?
				order by a.unit_code, a.deadline, a.document_id, a.username""")
			.param(day)
			.query((rs, n) -> new Assignment(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5)))
			.list();
	}

	/**
	 * Records a reminder unless one of its kind was already sent: "due soon" once per deadline, "overdue" once a day.
	 * False when it was already sent.
	 */
	boolean record(Assignment a, String kind, LocalDate today, boolean texted) {
		return jdbc.sql("""
				insert into document_reminder (unit_code, document_id, username, kind, deadline, reminded_on, texted)
				select :unit, :doc, :user, :kind, :deadline, :today, :texted
				where not exists (select 1 from document_reminder r where r.document_id = :doc and r.username = :user
				                  and r.kind = :kind and r.deadline = :deadline
				                  and (r.kind = 'due_soon' or r.reminded_on = :today))
				on conflict do nothing""")
			.param("unit", a.unitCode()).param("doc", a.documentId()).param("user", a.username()).param("kind", kind)
			.param("deadline", a.deadline()).param("today", today).param("texted", texted)
			.update() > 0;
	}

	/** The official's open assignments that were reminded, most urgent first (at most 20). */
	List<Reminded> reminded(String unitCode, String username) {
		return jdbc.sql("""
				select distinct d.id, d.summary, a.deadline from document_reminder r
				join document_assignment a on a.document_id = r.document_id and a.username = r.username and a.deadline = r.deadline
				join document d on d.id = r.document_id
				where r.unit_code = ? and r.username = ? and d.status = 'assigned' and d.unit_code = r.unit_code
				order by a.deadline, d.id limit 20""")
			.params(unitCode, username)
			.query((rs, n) -> new Reminded(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.list();
	}
}
