package vn.xaso.dossiers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.platform.PersonalData;

/**
 * The SQL of dossier numbering: the commune's daily sequence ({@code dossier_sequence}) and its agency code
 * ({@code dossier_agency}), the two parts of {@code <agency>-YYMMDD-NNNN}; and the one statement that numbers a
 * submission, put together from the parts each table's adapter owns ({@link DossierTable#INSERT_NUMBERED},
 * {@link AttachmentTable#SUBMITTED_FILES}, {@link TimelineTable#FIRST_STEPS}, {@link MetricTable#FIRST_FACTS}: one
 * writer per table, see docs/architecture.md). That statement takes the commune's daily-number row (the row lock every submission of the commune
 * waits for, held until commit) and, with the number, writes the dossier in its final state with its files, its
 * first timeline steps and its reported facts ({@code dossier_metric}, see {@link DossierMetrics}) — so the callers
 * decide everything before it and send it last, right before the audit entries and the commit (issue 15).
 */
@Component
class NumberTable {

	/** The last daily number the {@code dossier_sequence} check allows (5 digits). */
	static final int LAST_DAILY_NUMBER = 99_999;

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	/** A file of a dossier submitted in one go, checked. */
	record NewFile(String name, String contentType, byte[] content, String sha256, String paperCode) {
	}

	/** A step on the timeline, written with the numbering. */
	record Step(String action, @Nullable String from, @Nullable String to, String note) {
	}

	/**
	 * A submission as it will be stored: the procedure version frozen on it, the applicant and form as checked, its
	 * state once numbered (submitted, or received at the counter with its appointment date), the steps and facts.
	 */
	record Submission(String unitCode, DossierTable.Frozen procedure, Channel channel, @Nullable Long citizenId,
			@Nullable Long submittedByCitizen, Applicant applicant, @Nullable String assistedBy, @Nullable Consent consent,
			String form, String state, long version, Instant at, @Nullable Instant receivedAt, @Nullable LocalDate due,
			@Nullable String assignee, @Nullable String assigneeName, boolean digitised, long feeVnd, String actor, String actorName,
			List<Step> steps, List<String> facts, List<NewFile> files) {
	}

	/** The stored dossier's id and code. */
	record Numbered(long id, String code) {
	}

	/** The commune's next number, as the dossier's code (4 digits, 5 from the 10,000th of a day). */
	private static final String NUMBER = """
			with n as (
			  insert into dossier_sequence (unit_code, day, last_number) values (:unit, :day, 1)
			  on conflict (unit_code, day) do update set last_number = dossier_sequence.last_number + 1
			  where dossier_sequence.last_number < :last
			  returning last_number),
			c as (
			  select coalesce((select agency_code from dossier_agency where unit_code = :unit), :agency) || '-' || :yymmdd || '-'
			         || case when n.last_number < 10000 then lpad(n.last_number::text, 4, '0') else n.last_number::text end as code
			  from n),
			""";

	/** The first steps and the reported facts of the dossier {@code d}, then its id and code. */
	private static final String STEPS_AND_FACTS = TimelineTable.FIRST_STEPS + MetricTable.FIRST_FACTS + "select d.id, d.code from d";

	private final JdbcClient jdbc;

	NumberTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A dossier submitted in one go: numbered and inserted once, as it will be, with its files; empty when the day's numbers are used up. */
	Optional<Numbered> insert(Submission s) {
		var files = s.files();
		var sql = NUMBER + DossierTable.INSERT_NUMBERED + AttachmentTable.SUBMITTED_FILES + STEPS_AND_FACTS;
		var a = s.applicant();
		var c = s.consent();
		var spec = bind(jdbc.sql(sql), s)
			.param("citizenId", s.citizenId()).param("submittedBy", s.submittedByCitizen())
			.param("assistedBy", s.assistedBy())
			.param("consentBy", c == null ? null : c.consentedBy().strip())
			.param("consentMethod", c == null ? null : c.method().name())
			.param("consentAt", c == null ? null : Timestamp.from(c.at()))
			.param("consentReference", c == null ? null : DossierWork.limit(c.reference().strip(), 500))
			.param("channel", s.channel().name())
			.param("name", a.name()).param("cccd", a.cccd()).param("phone", PersonalData.normalisePhone(a.phone()))
			.param("email", a.email()).param("address", a.address())
			.param("fileNames", files.stream().map(NewFile::name).toArray(String[]::new))
			.param("fileTypes", files.stream().map(NewFile::contentType).toArray(String[]::new))
			.param("fileContents", files.stream().map(NewFile::content).toArray(byte[][]::new))
			.param("fileHashes", files.stream().map(NewFile::sha256).toArray(String[]::new))
			.param("filePapers", files.stream().map(NewFile::paperCode).toArray(String[]::new));
		return spec.query((rs, n) -> new Numbered(rs.getLong(1), rs.getString(2))).optional();
	}

	/**
	 * A citizen's draft submitted: numbered and changed once into its final state (the procedure version frozen, the
	 * applicant and form as checked); empty when the day's numbers are used up.
	 */
	Optional<Numbered> submitDraft(long id, Submission s) {
		var sql = NUMBER + DossierTable.SUBMIT_NUMBERED + STEPS_AND_FACTS;
		var a = s.applicant();
		return bind(jdbc.sql(sql), s).param("id", id)
			.param("name", a.name()).param("cccd", a.cccd()).param("phone", PersonalData.normalisePhone(a.phone()))
			.param("email", a.email()).param("address", a.address())
			.query((rs, n) -> new Numbered(rs.getLong(1), rs.getString(2))).optional();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Submission s) {
		var p = s.procedure();
		var day = LocalDate.ofInstant(s.at(), Sla.VIETNAM);
		var steps = s.steps();
		return spec.param("unit", s.unitCode()).param("day", day).param("last", LAST_DAILY_NUMBER)
			.param("agency", NumberingDossier.defaultAgencyCode(s.unitCode())).param("yymmdd", YYMMDD.format(day))
			.param("procedureCode", p.code()).param("versionId", p.versionId()).param("procedureName", p.name())
			.param("workflow", p.workflow()).param("resultTemplate", p.resultTemplate())
			.param("form", s.form()).param("state", s.state()).param("version", s.version()).param("at", Timestamp.from(s.at()))
			.param("receivedAt", s.receivedAt() == null ? null : Timestamp.from(s.receivedAt())).param("due", s.due())
			.param("assignee", s.assignee()).param("assigneeName", s.assigneeName()).param("digitised", s.digitised())
			.param("fee", s.feeVnd()).param("actor", s.actor()).param("actorName", s.actorName())
			.param("actions", steps.stream().map(Step::action).toArray(String[]::new))
			.param("froms", steps.stream().map(Step::from).toArray(String[]::new))
			.param("tos", steps.stream().map(Step::to).toArray(String[]::new))
			.param("notes", steps.stream().map(Step::note).toArray(String[]::new))
			.param("facts", s.facts().toArray(String[]::new));
	}

	Optional<String> agencyCode(String unitCode) {
		return jdbc.sql("select agency_code from dossier_agency where unit_code = ?").param(unitCode).query(String.class).optional();
	}

	/** Whether another unit uses the code (run system-wide). */
	boolean takenElsewhere(String agencyCode, String unitCode) {
		return jdbc.sql("select count(*) from dossier_agency where agency_code = ? and unit_code <> ?").params(agencyCode, unitCode)
			.query(Long.class).single() > 0;
	}

	void setAgencyCode(String unitCode, String agencyCode, String by) {
		jdbc.sql("""
				insert into dossier_agency (unit_code, agency_code, updated_by) values (?, ?, ?)
				on conflict (unit_code) do update set agency_code = excluded.agency_code, updated_by = excluded.updated_by, updated_at = now()""")
			.params(unitCode, agencyCode, by).update();
	}
}
