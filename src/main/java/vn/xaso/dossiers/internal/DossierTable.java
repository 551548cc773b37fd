package vn.xaso.dossiers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.platform.Json;

/**
 * The only SQL that reads one dossier's row or changes it ({@code dossier}); lists and counts are in
 * {@link DossierListings}. Callers run it in the right scope and transaction ({@link DossierWork}).
 */
@Component
class DossierTable {

	/** The columns a use case decides on. */
	record Row(long id, String unitCode, @Nullable String code, String procedureCode, long procedureVersionId, String procedureName,
			String workflow, String resultTemplate, Channel channel, @Nullable Long citizenId, @Nullable Long submittedByCitizen,
			String applicantName, String applicantPhone, String applicantEmail, String state, long version,
			@Nullable Instant submittedAt, @Nullable Instant receivedAt, @Nullable LocalDate dueDate, @Nullable Instant pausedAt,
			@Nullable Integer pausedDaysLeft, @Nullable String assignee, @Nullable String assigneeName, @Nullable Instant resultAt,
			long feeVnd, @Nullable Long billId, @Nullable Instant paidAt) {
	}

	/** A procedure's version as frozen on the dossier. */
	record Frozen(long versionId, String code, String name, String workflow, String resultTemplate) {

		static Frozen of(ProcedureInfo p) {
			return new Frozen(p.versionId(), p.code(), p.name(), p.workflow(), p.resultTemplate());
		}
	}

	private static final String ROW = """
			select id, unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template, channel,
			       citizen_id, submitted_by_citizen, applicant_name, applicant_phone, applicant_email, state, version, submitted_at,
			       received_at, due_date, paused_at, paused_days_left, assignee, assignee_name, result_at, fee_vnd, bill_id, paid_at
			from dossier""";

	/**
	 * The dossier of a submission, inserted as numbered: the part {@code d} of {@link NumberTable}'s one statement (after its
	 * number {@code c}; its parameters are bound there).
	 */
	static final String INSERT_NUMBERED = """
			d as (
			  insert into dossier (unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template,
			                       channel, citizen_id, submitted_by_citizen, applicant_name, applicant_cccd, applicant_phone,
			                       applicant_email, applicant_address, assisted_by, consent_by, consent_method, consent_at,
			                       consent_reference, form, state, version, submitted_at, received_at, due_date, assignee,
			                       assignee_name, digitised, fee_vnd)
			  select :unit, c.code, :procedureCode, :versionId, :procedureName, :workflow, :resultTemplate, :channel, :citizenId::bigint,
			         :submittedBy::bigint, :name, :cccd, :phone, :email, :address, :assistedBy::text, :consentBy::text,
			         :consentMethod::text, :consentAt::timestamptz, :consentReference::text, :form::jsonb, :state, :version,
			         :at::timestamptz, :receivedAt::timestamptz, :due::date, :assignee::text, :assigneeName::text, :digitised, :fee
			  from c
			  returning id, code),
			""";

	/** A citizen's draft changed into its submitted state with its number: the part {@code d} of {@link NumberTable}'s statement. */
	static final String SUBMIT_NUMBERED = """
			d as (
			  update dossier set code = c.code, procedure_version_id = :versionId, procedure_name = :procedureName,
			         workflow = :workflow, result_template = :resultTemplate, applicant_name = :name, applicant_cccd = :cccd,
			         applicant_phone = :phone, applicant_email = :email, applicant_address = :address, form = :form::jsonb,
			         state = :state, version = version + :version, submitted_at = :at::timestamptz,
			         received_at = :receivedAt::timestamptz, due_date = :due::date, assignee = :assignee::text,
			         assignee_name = :assigneeName::text, fee_vnd = :fee
			  from c where dossier.id = :id and dossier.state = 'draft'
			  returning dossier.id, dossier.code),
			""";

	private static final TypeReference<java.util.TreeMap<String, String>> FORM = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final Workflows workflows;

	DossierTable(JdbcClient jdbc, Workflows workflows) {
		this.jdbc = jdbc;
		this.workflows = workflows;
	}

	// ---------------------------------------------------------------- the aggregate, locked for a change

	/** The citizen's own dossier (or one submitted for them). */
	Dossier own(Caller citizen, long id) {
		return Dossier.of(lockOwn(citizen, id), workflows);
	}

	/** A submitted dossier of the official's unit. */
	Dossier official(Caller official, long id) {
		return Dossier.of(lockOfficial(official, id), workflows);
	}

	Dossier any(long id) {
		return Dossier.of(lockAny(id), workflows);
	}

	/** The citizen's own dossier or a submitted one of the official's unit, or one of them as the caller may change it. */
	Dossier forChange(Caller caller, long id) {
		return caller.isCitizen() ? own(caller, id) : official(caller, id);
	}

	Optional<Dossier> seenBy(Caller caller, long id) {
		return visible(caller, id).map(r -> Dossier.of(r, workflows));
	}

	// ---------------------------------------------------------------- reading one row

	Row lockAny(long id) {
		return jdbc.sql(ROW + " where id = ? for update").param(id).query(DossierTable::row).optional().orElseThrow(DossierNotFound::new);
	}

	Row lockOwn(Caller citizen, long id) {
		return jdbc.sql(ROW + " where id = ? and (citizen_id = ? or submitted_by_citizen = ?) for update")
			.params(id, citizen.citizenId(), citizen.citizenId()).query(DossierTable::row).optional().orElseThrow(DossierNotFound::new);
	}

	Row lockOfficial(Caller official, long id) {
		return jdbc.sql(ROW + " where id = ? and unit_code = ? and state <> 'draft' for update").params(id, official.unitCode())
			.query(DossierTable::row).optional().orElseThrow(DossierNotFound::new);
	}

	/** The citizen's own dossier, or a submitted one of the official's unit. */
	Optional<Row> visible(Caller caller, long id) {
		if (caller.isCitizen()) {
			return jdbc.sql(ROW + " where id = ? and (citizen_id = ? or submitted_by_citizen = ?)")
				.params(id, caller.citizenId(), caller.citizenId()).query(DossierTable::row).optional();
		}
		return jdbc.sql(ROW + " where id = ? and unit_code = ? and state <> 'draft'").params(id, caller.unitCode())
			.query(DossierTable::row).optional();
	}

	Row get(long id) {
		return jdbc.sql(ROW + " where id = ?").param(id).query(DossierTable::row).single();
	}

	Optional<Row> byCode(String code) {
		return jdbc.sql(ROW + " where code = ?").param(code).query(DossierTable::row).optional();
	}

	Optional<Row> lockByCode(String unitCode, String code) {
		return jdbc.sql(ROW + " where unit_code = ? and code = ? for update").params(unitCode, code).query(DossierTable::row).optional();
	}

	Optional<Long> idOf(String code) {
		return jdbc.sql("select id from dossier where code = ?").param(code).query(Long.class).optional();
	}

	Map<String, String> form(long id) {
		var text = jdbc.sql("select form::text from dossier where id = ?").param(id).query(String.class).single();
		return Json.MAPPER.readValue(text, FORM);
	}

	/** A draft's content as the citizen left it: the applicant, the form and the papers attached (in order). */
	record Draft(Applicant applicant, Map<String, String> form, java.util.List<String> paperCodes) {
	}

	Draft draft(long id) {
		return jdbc.sql("""
				select applicant_name, applicant_cccd, applicant_phone, applicant_email, applicant_address, form::text,
				       array(select paper_code from dossier_file f where f.dossier_id = d.id order by f.id)
				from dossier d where id = ?""").param(id)
			.query((rs, n) -> new Draft(new Applicant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
					form(rs.getString(6)), java.util.List.of((String[]) rs.getArray(7).getArray())))
			.single();
	}

	String applicantCccd(long id) {
		return jdbc.sql("select applicant_cccd from dossier where id = ?").param(id).query(String.class).single();
	}

	/** A signed result found by its verification token. */
	record Signed(String code, String procedureName, String resultTemplate, Instant signedAt, String signedBy, byte[] pdf) {
	}

	Optional<Signed> signed(String verifyToken) {
		return jdbc.sql("""
				select code, procedure_name, result_template, result_signed_at, result_signed_by, result_pdf from dossier
				where verify_token = ? and result_pdf is not null""").param(verifyToken)
			.query((rs, n) -> new Signed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
					rs.getBytes(6)))
			.optional();
	}

	Optional<byte[]> resultPdf(long id) {
		return jdbc.sql("select result_pdf from dossier where id = ? and result_pdf is not null").param(id).query(byte[].class).optional();
	}

	/** Who signed the dossier's result ("" when not recorded), when it has a signed result. */
	Optional<String> resultSigner(long id) {
		return jdbc.sql("select coalesce(result_signed_by, '') from dossier where id = ? and result_pdf is not null").param(id)
			.query(String.class).optional();
	}

	// ---------------------------------------------------------------- creating and deleting

	long insertDraft(String unitCode, Frozen p, long citizenId, String applicantName) {
		return jdbc.sql("""
				insert into dossier (unit_code, procedure_code, procedure_version_id, procedure_name, workflow, result_template,
				                     channel, citizen_id, applicant_name, state)
				values (?, ?, ?, ?, ?, ?, 'ONLINE', ?, ?, 'draft') returning id""")
			.params(unitCode, p.code(), p.versionId(), p.name(), p.workflow(), p.resultTemplate(), citizenId, applicantName)
			.query(Long.class).single();
	}

	/** Marks a dossier of the commune as a test one ({@link TestDossierMarks}). */
	void markTest(String unitCode, long id) {
		jdbc.sql("update dossier set test = true where id = ? and unit_code = ?").params(id, unitCode).update();
	}

	/** Deletes a test dossier of the commune (its files, timeline and the like go with it by foreign key); never a real one. */
	int deleteTest(String unitCode, long id) {
		return jdbc.sql("delete from dossier where id = ? and unit_code = ? and test").params(id, unitCode).update();
	}

	void delete(long id) {
		jdbc.sql("delete from dossier where id = ?").param(id).update();
	}

	// ---------------------------------------------------------------- changes

	void saveDraft(long id, Applicant a, String phone, Map<String, String> form) {
		jdbc.sql("""
				update dossier set applicant_name = ?, applicant_cccd = ?, applicant_phone = ?, applicant_email = ?,
				       applicant_address = ?, form = ?::jsonb, version = version + 1 where id = ?""")
			.params(a.name(), a.cccd(), phone, a.email(), a.address(), json(form), id).update();
	}

	void received(long id, String state, Instant at, LocalDate due) {
		jdbc.sql("update dossier set state = ?, received_at = ?, due_date = ?, version = version + 1 where id = ?")
			.params(state, Timestamp.from(at), due, id).update();
	}

	void assign(long id, String username, String name) {
		jdbc.sql("update dossier set assignee = ?, assignee_name = ? where id = ?").params(username, name, id).update();
	}

	void pause(long id, Instant at, int daysLeft) {
		jdbc.sql("update dossier set paused_at = ?, paused_days_left = ?, due_date = null where id = ?")
			.params(Timestamp.from(at), daysLeft, id).update();
	}

	void resume(long id, LocalDate due) {
		jdbc.sql("update dossier set due_date = ?, paused_at = null, paused_days_left = null where id = ?").params(due, id).update();
	}

	void moveTo(long id, String state) {
		jdbc.sql("update dossier set state = ?, version = version + 1 where id = ?").params(state, id).update();
	}

	void resultAt(long id, Instant at) {
		jdbc.sql("update dossier set result_at = coalesce(result_at, ?) where id = ?").params(Timestamp.from(at), id).update();
	}

	void signed(long id, byte[] pdf, String signedBy, String token, Instant at) {
		jdbc.sql("""
				update dossier set result_pdf = ?, result_signed_by = ?, result_signed_at = ?, verify_token = ?, result_at = ?
				where id = ?""")
			.params(pdf, signedBy, Timestamp.from(at), token, Timestamp.from(at), id).update();
	}

	/** The signed result replaced by the same PDF with one more signature (the commune's seal). */
	void resultResigned(long id, byte[] pdf) {
		jdbc.sql("update dossier set result_pdf = ? where id = ?").params(pdf, id).update();
	}

	void returned(long id, Instant at, String method, @Nullable String postTracking) {
		jdbc.sql("update dossier set returned_at = ?, return_method = ?, post_tracking = ? where id = ?")
			.params(Timestamp.from(at), method, postTracking, id).update();
	}

	void due(long id, LocalDate due) {
		jdbc.sql("update dossier set due_date = ? where id = ?").params(due, id).update();
	}

	/** The rating, once: false if the dossier was rated already. */
	boolean rate(long id, int stars, String comment) {
		return jdbc.sql("update dossier set rating = ?, rating_comment = ?, rated_at = now() where id = ? and rating is null")
			.params(stars, comment, id).update() > 0;
	}

	void paid(long id, Instant at, boolean online, long billId) {
		jdbc.sql("update dossier set paid_at = ?, paid_online = ?, bill_id = coalesce(bill_id, ?), version = version + 1 where id = ?")
			.params(Timestamp.from(at), online, billId, id).update();
	}

	void billed(long id, long feeVnd, @Nullable Long billId) {
		jdbc.sql("update dossier set fee_vnd = ?, bill_id = ? where id = ?").params(feeVnd, billId, id).update();
	}

	void digitised(long id) {
		jdbc.sql("update dossier set digitised = true where id = ?").param(id).update();
	}

	void touched(long id) {
		jdbc.sql("update dossier set version = version + 1 where id = ?").param(id).update();
	}

	static String json(Map<String, String> form) {
		var clean = new java.util.TreeMap<String, String>();
		form.forEach((k, v) -> clean.put(k, v == null ? "" : Applicants.trim(v)));
		return Json.MAPPER.writeValueAsString(clean);
	}

	static Map<String, String> form(String json) {
		return Json.MAPPER.readValue(json, FORM);
	}

	static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
				rs.getString(8), Channel.valueOf(rs.getString(9)), rs.getObject(10, Long.class), rs.getObject(11, Long.class), rs.getString(12),
				rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16), instant(rs, 17), instant(rs, 18),
				rs.getObject(19, LocalDate.class), instant(rs, 20), rs.getObject(21, Integer.class), rs.getString(22), rs.getString(23),
				instant(rs, 24), rs.getLong(25), rs.getObject(26, Long.class), instant(rs, 27));
	}
}
