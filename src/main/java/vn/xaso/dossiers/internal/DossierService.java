package vn.xaso.dossiers.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.dossiers.Action;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierChanged;
import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierEvent;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierFile;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.DossierPage;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.DossierStats;
import vn.xaso.dossiers.DossierSummary;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.PersonalPaper;
import vn.xaso.dossiers.Queue;
import vn.xaso.dossiers.Receipt;
import vn.xaso.dossiers.Timeliness;
import vn.xaso.dossiers.Tracking;
import vn.xaso.dossiers.Upload;
import vn.xaso.dossiers.VerifiedResult;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.Json;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.units.Units;

/**
 * The dossier service. Each public method is one transaction in the right row-level-security scope: the
 * official's own unit, or system-wide for a citizen with every query filtered by the citizen's id.
 */
@Service
public class DossierService implements Dossiers {

	private static final Logger log = LoggerFactory.getLogger(DossierService.class);
	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
	private static final SecureRandom RANDOM = new SecureRandom();
	static final int MAX_FORM_FIELDS = 100;
	static final int MAX_FORM_VALUE = 4000;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final TransactionTemplate txNew;
	private final ProcedureCatalog catalog;
	private final Billing billing;
	private final Notifier notifier;
	private final Workflows workflows;
	private final Sla sla;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Units units;
	private final Accounts accounts;
	private final Citizens citizens;
	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final SignatureVerification verification;
	private final PublicAddress publicUrl;
	private final JsonMapper json = Json.MAPPER;

	private final DossierMetrics metrics;
	private final ResultSheets results;

	DossierService(JdbcClient jdbc, PlatformTransactionManager transactions, ProcedureCatalog catalog, Billing billing,
			Notifier notifier, Workflows workflows, Sla sla, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			Units units, Accounts accounts, Citizens citizens, SigningIdentities identities, PdfSigning signing,
			SignatureVerification verification, @Value("${xaso.dossiers.public-url:${XASO_PUBLIC_URL:}}") String publicUrl,
			DossierMetrics metrics, ResultSheets results) {
		this.jdbc = jdbc;
		this.results = results;
		this.metrics = metrics;
		this.tx = new TransactionTemplate(transactions);
		this.txNew = new TransactionTemplate(transactions);
		this.txNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.catalog = catalog;
		this.billing = billing;
		this.notifier = notifier;
		this.workflows = workflows;
		this.sla = sla;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.units = units;
		this.accounts = accounts;
		this.citizens = citizens;
		this.identities = identities;
		this.signing = signing;
		this.verification = verification;
		this.publicUrl = new PublicAddress(publicUrl);
	}

	// ================================================================ scopes

	private <T> T as(Caller caller, Supplier<T> work) {
		if (caller.isCitizen()) {
			return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> work.get()));
		}
		var unit = caller.unitCode();
		if (unit == null || unit.isBlank()) {
			throw new DossierNotFound();
		}
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}

	private <T> T system(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> work.get()));
	}

	private static void requireCitizen(Caller caller) {
		if (!caller.isCitizen()) {
			throw new DossierException("", "Chỉ người dân đăng nhập bằng tài khoản của mình mới làm được việc này.");
		}
	}

	private static void requireOfficial(Caller caller) {
		if (caller.isCitizen() || caller.unitCode() == null) {
			throw new DossierException("", "Chỉ cán bộ, công chức của xã mới làm được việc này.");
		}
	}

	// ================================================================ online drafts

	@Override
	public long createDraft(Caller citizen, String unitCode, String procedureCode) {
		requireCitizen(citizen);
		var procedure = procedureFor(unitCode, procedureCode);
		if ("COUNTER_ONLY".equals(procedure.onlineMode())) {
			throw new DossierException("procedureCode", "Thủ tục \"" + procedure.name()
					+ "\" chỉ nộp trực tiếp tại bộ phận một cửa của xã, chưa nộp trực tuyến được.");
		}
		return system(() -> {
			long id = jdbc.sql("""
					insert into dossier (unit_code, procedure_code, procedure_version_id, procedure_name, workflow, result_template,
					                     channel, citizen_id, applicant_name, state)
					values (?, ?, ?, ?, ?, ?, 'ONLINE', ?, ?, 'draft') returning id""")
				.params(unitCode, procedure.code(), procedure.versionId(), procedure.name(), procedure.workflow(),
						procedure.resultTemplate(), citizen.citizenId(), limit(citizen.fullName(), 200))
				.query(Long.class).single();
			event(unitCode, id, citizen, "draft", null, "draft", "", List.of());
			return id;
		});
	}

	@Override
	public Dossier saveDraft(Caller citizen, long dossierId, Applicant applicant, Map<String, String> form) {
		requireCitizen(citizen);
		return system(() -> {
			var row = lockOwn(citizen, dossierId);
			requireDraft(row);
			var a = normalise(applicant);
			var errors = new LinkedHashMap<String, String>();
			checkSizes(a, form, errors);
			if (!a.cccd().isEmpty() && !a.cccd().matches("[0-9]{12}")) {
				errors.put("applicant.cccd", "Số CCCD gồm đúng 12 chữ số.");
			}
			if (!a.phone().isEmpty() && PersonalData.normalisePhone(a.phone()) == null) {
				errors.put("applicant.phone", "Số điện thoại di động chưa đúng (10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09).");
			}
			if (!errors.isEmpty()) {
				throw new DossierException(errors);
			}
			var phone = a.phone().isEmpty() ? "" : PersonalData.normalisePhone(a.phone());
			jdbc.sql("""
					update dossier set applicant_name = ?, applicant_cccd = ?, applicant_phone = ?, applicant_email = ?,
					       applicant_address = ?, form = ?::jsonb, version = version + 1 where id = ?""")
				.params(a.name(), a.cccd(), phone, a.email(), a.address(), toJson(form), dossierId).update();
			return load(row.id()).orElseThrow();
		});
	}

	@Override
	public DossierFile attach(Caller caller, long dossierId, Upload upload) {
		var type = FileChecks.contentType("file", upload.name(), upload.content());
		return as(caller, () -> {
			var row = caller.isCitizen() ? lockOwn(caller, dossierId) : lockOfficial(caller, dossierId);
			if (caller.isCitizen()) {
				if (!row.state().equals("draft") && !row.state().equals(Workflow.SUPPLEMENT)) {
					throw new DossierException("file", "Hồ sơ đã nộp; chỉ bổ sung được khi cán bộ yêu cầu bổ sung.");
				}
			}
			else if (workflows.get(row.workflow()).state(row.state()).isFinal()) {
				throw new DossierException("file", "Hồ sơ đã kết thúc, không thêm tệp được nữa.");
			}
			requireRoom(row.id(), 1);
			boolean digitised = !caller.isCitizen();
			long fileId = insertFile(row, upload, type, digitised, false, caller.username());
			if (digitised) {
				jdbc.sql("update dossier set digitised = true where id = ?").param(row.id()).update();
			}
			jdbc.sql("update dossier set version = version + 1 where id = ?").param(row.id()).update();
			if (!row.state().equals("draft")) {
				event(row.unitCode(), row.id(), caller, "attach", row.state(), row.state(), limit(upload.name(), 255), List.of(fileId));
			}
			return files(row.id()).stream().filter(f -> f.id() == fileId).findFirst().orElseThrow();
		});
	}

	@Override
	public DossierFile reusePaper(Caller citizen, long dossierId, long paperId) {
		requireCitizen(citizen);
		return system(() -> {
			var row = lockOwn(citizen, dossierId);
			if (!row.state().equals("draft") && !row.state().equals(Workflow.SUPPLEMENT)) {
				throw new DossierException("file", "Chỉ dùng lại giấy tờ khi đang soạn hồ sơ hoặc khi bổ sung.");
			}
			var paper = jdbc.sql("select title, content_type, content from personal_paper where id = ? and citizen_id = ?")
				.params(paperId, citizen.citizenId())
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBytes(3) }).optional()
				.orElseThrow(() -> new DossierException("paper", "Không tìm thấy giấy tờ này trong kho của bạn."));
			requireRoom(row.id(), 1);
			var title = (String) paper[0];
			var ext = switch ((String) paper[1]) {
				case "image/jpeg" -> ".jpg";
				case "image/png" -> ".png";
				default -> ".pdf";
			};
			long fileId = insertFile(row, new Upload(limit(title, 240) + ext, (byte[]) paper[2]), (String) paper[1], false, false,
					citizen.username());
			jdbc.sql("update dossier set version = version + 1 where id = ?").param(row.id()).update();
			return files(row.id()).stream().filter(f -> f.id() == fileId).findFirst().orElseThrow();
		});
	}

	@Override
	public void removeFile(Caller citizen, long dossierId, long fileId) {
		requireCitizen(citizen);
		system(() -> {
			var row = lockOwn(citizen, dossierId);
			requireDraft(row);
			int n = jdbc.sql("delete from dossier_file where id = ? and dossier_id = ?").params(fileId, row.id()).update();
			if (n == 0) {
				throw new DossierException("file", "Không tìm thấy tệp này trong hồ sơ.");
			}
			jdbc.sql("update dossier set version = version + 1 where id = ?").param(row.id()).update();
			return null;
		});
	}

	@Override
	public Receipt submitDraft(Caller citizen, long dossierId) {
		requireCitizen(citizen);
		return system(() -> {
			var row = lockOwn(citizen, dossierId);
			requireDraft(row);
			var procedure = catalog.current(row.unitCode(), row.procedureCode())
				.orElseThrow(() -> new DossierException("procedureCode", "Thủ tục này không còn nhận hồ sơ trực tuyến."));
			var d = load(row.id()).orElseThrow();
			var applicant = fromRequester(normalise(d.applicant()), d.form());
			var form = withRequester(applicant, d.form(), procedure);
			var errors = validate(procedure, applicant, form);
			checkPapers(procedure, d.files().stream().map(DossierFile::paperCode).toList(), errors);
			if (!errors.isEmpty()) {
				throw new DossierException(errors);
			}
			// the procedure version is frozen at submission
			jdbc.sql("""
					update dossier set procedure_version_id = ?, procedure_name = ?, workflow = ?, result_template = ?,
					       applicant_name = ?, applicant_cccd = ?, applicant_phone = ?, applicant_email = ?, applicant_address = ?,
					       form = ?::jsonb where id = ?""")
				.params(procedure.versionId(), procedure.name(), procedure.workflow(), procedure.resultTemplate(), applicant.name(),
						applicant.cccd(), PersonalData.normalisePhone(applicant.phone()), applicant.email(), applicant.address(),
						toJson(form), row.id())
				.update();
			return number(row.id(), row.unitCode(), procedure, Channel.ONLINE, citizen, applicant.name(), row.citizenId());
		});
	}

	@Override
	public void deleteDraft(Caller citizen, long dossierId) {
		requireCitizen(citizen);
		system(() -> {
			var row = lockOwn(citizen, dossierId);
			requireDraft(row);
			jdbc.sql("delete from dossier where id = ?").param(row.id()).update();
			return null;
		});
	}

	// ================================================================ one-shot submission

	@Override
	public Receipt submit(Caller caller, NewDossier n, List<Upload> files) {
		var channel = n.channel();
		Long owner = n.citizenId();
		if (caller.isCitizen()) {
			if (channel == Channel.COUNTER) {
				throw new DossierException("channel", "Người dân nộp trực tuyến; hồ sơ nộp trực tiếp do công chức một cửa tiếp nhận.");
			}
			if (channel == Channel.ONLINE) {
				owner = caller.citizenId();
			}
			else if (owner == null || owner.equals(caller.citizenId())) {
				throw new DossierException("citizenId", "Hãy chọn người thân mà bạn nộp hộ (tài khoản của người đó).");
			}
		}
		else {
			requireOfficial(caller);
			if (!caller.unitCode().equals(n.unitCode())) {
				throw new DossierException("unitCode", "Cán bộ chỉ tiếp nhận hồ sơ của xã mình.");
			}
			if (channel == Channel.COUNTER && !caller.has(Role.ONE_STOP)) {
				throw new DossierException("channel", "Chỉ công chức một cửa mới tiếp nhận hồ sơ trực tiếp.");
			}
			if (channel == Channel.ASSISTED && !caller.has(Role.COMMUNITY_TEAM) && !caller.has(Role.ONE_STOP)) {
				throw new DossierException("channel", "Chỉ thành viên tổ công nghệ số cộng đồng mới nộp hộ người dân.");
			}
			if (channel == Channel.ONLINE) {
				throw new DossierException("channel", "Cán bộ nộp hộ thì chọn \"Trực tuyến có hỗ trợ\"; tiếp nhận tại quầy thì chọn \"Trực tiếp\".");
			}
		}
		var procedure = procedureFor(n.unitCode(), n.procedureCode());
		if (channel != Channel.COUNTER && "COUNTER_ONLY".equals(procedure.onlineMode())) {
			throw new DossierException("procedureCode", "Thủ tục \"" + procedure.name() + "\" chỉ nộp trực tiếp tại bộ phận một cửa.");
		}
		var applicant = fromRequester(normalise(n.applicant()), n.form());
		var form = withRequester(applicant, n.form(), procedure);
		var errors = validate(procedure, applicant, form);
		if (channel == Channel.ASSISTED) {
			checkConsent(n.consent(), errors);
			if (owner == null) {
				errors.put("citizenId", "Hồ sơ nộp hộ phải gắn với tài khoản của người dân (số điện thoại đã đăng ký).");
			}
		}
		if (files.size() > FileChecks.MAX_FILES) {
			errors.put("files", "Mỗi hồ sơ có tối đa " + FileChecks.MAX_FILES + " tệp.");
		}
		var types = new ArrayList<String>();
		for (var f : files) {
			try {
				types.add(FileChecks.contentType("files", f.name(), f.content()));
			}
			catch (DossierException e) {
				errors.putIfAbsent("files", e.getMessage());
			}
		}
		checkPapers(procedure, files.stream().map(Upload::paperCode).toList(), errors);
		if (!errors.isEmpty()) {
			throw new DossierException(errors);
		}
		final Long citizenId = owner;
		return Tenancy.callAs(caller.isCitizen() ? UnitScope.systemWide() : UnitScope.of(n.unitCode()), () -> tx.execute(s -> {
			if (citizenId != null && !citizenExists(citizenId)) {
				throw new DossierException("citizenId", "Không tìm thấy tài khoản người dân này.");
			}
			var consent = n.consent();
			long id = jdbc.sql("""
					insert into dossier (unit_code, procedure_code, procedure_version_id, procedure_name, workflow, result_template,
					                     channel, citizen_id, submitted_by_citizen, applicant_name, applicant_cccd, applicant_phone,
					                     applicant_email, applicant_address, assisted_by, consent_by, consent_method, consent_at,
					                     consent_reference, form, state)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'draft') returning id""")
				.params(n.unitCode(), procedure.code(), procedure.versionId(), procedure.name(), procedure.workflow(),
						procedure.resultTemplate(), channel.name(), citizenId,
						caller.isCitizen() && channel == Channel.ASSISTED ? caller.citizenId() : null, applicant.name(),
						applicant.cccd(), PersonalData.normalisePhone(applicant.phone()), applicant.email(), applicant.address(),
						channel == Channel.ASSISTED ? caller.fullName() + " (" + caller.username() + ")" : null,
						consent == null || channel != Channel.ASSISTED ? null : consent.consentedBy().strip(),
						consent == null || channel != Channel.ASSISTED ? null : consent.method().name(),
						consent == null || channel != Channel.ASSISTED ? null : java.sql.Timestamp.from(consent.at()),
						consent == null || channel != Channel.ASSISTED ? null : limit(consent.reference().strip(), 500),
						toJson(form))
				.query(Long.class).single();
			var row = lockAny(id);
			for (int i = 0; i < files.size(); i++) {
				insertFile(row, files.get(i), types.get(i), channel == Channel.COUNTER, false, caller.username());
			}
			if (channel == Channel.COUNTER && !files.isEmpty()) {
				jdbc.sql("update dossier set digitised = true where id = ?").param(id).update();
			}
			return number(id, n.unitCode(), procedure, channel, caller, applicant.name(), citizenId);
		}));
	}

	/**
	 * Numbers the dossier and starts it: {@code <agency>-YYMMDD-NNNN} from the unit's daily sequence (row lock; a
	 * rollback returns the number), "submitted" on the timeline; at the counter it is received at once.
	 */
	private Receipt number(long id, String unitCode, ProcedureInfo procedure, Channel channel, Caller caller, String payerName,
			@Nullable Long citizenId) {
		var now = clock.instant();
		var day = LocalDate.ofInstant(now, Sla.VIETNAM);
		int seq = jdbc.sql("""
				insert into dossier_sequence (unit_code, day, last_number) values (?, ?, 1)
				on conflict (unit_code, day) do update set last_number = dossier_sequence.last_number + 1
				returning last_number""")
			.params(unitCode, day).query(Integer.class).single();
		var code = agencyCodeIn(unitCode) + "-" + YYMMDD.format(day) + "-" + String.format("%04d", seq);
		jdbc.sql("update dossier set code = ?, state = 'submitted', submitted_at = ?, version = version + 1 where id = ?")
			.params(code, java.sql.Timestamp.from(now), id).update();
		var note = channel == Channel.ASSISTED ? "Nộp hộ bởi " + caller.fullName() : "";
		event(unitCode, id, caller, "submit", null, Workflow.SUBMITTED, note, List.of());
		audit(unitCode, caller, "dossier.submitted", id, null, code + " " + procedure.code() + " " + channel);
		changed(unitCode, id, code, null, Workflow.SUBMITTED, now, channel);
		Long billId = null;
		long fee = 0;
		var state = Workflow.SUBMITTED;
		LocalDate due = null;
		if (channel == Channel.COUNTER) {
			var row = lockAny(id);
			var workflow = workflows.get(row.workflow());
			var receive = workflow.action("receive").orElseThrow();
			state = receive.to();
			due = receive(row, procedure, caller, receive, now);
			billId = openBill(row, procedure, payerName, citizenId);
		}
		else if ("FULL".equals(procedure.onlineMode())) {
			billId = openBill(lockAny(id), procedure, payerName, citizenId);
		}
		var fresh = lockAny(id);
		fee = fresh.feeVnd();
		notifyChange(fresh, "submitted");
		log.info("Dossier {} submitted in {} via {}", code, unitCode, channel);
		return new Receipt(id, code, state, now, due, billId, fee);
	}

	/** Starts the clock: received_at, due date from the procedure's processing time. */
	private LocalDate receive(Row row, ProcedureInfo procedure, Caller caller, Action action, Instant now) {
		var due = sla.due(now, procedure.slaKind(), procedure.slaAmount(), procedure.cutoff());
		jdbc.sql("update dossier set state = ?, received_at = ?, due_date = ?, version = version + 1 where id = ?")
			.params(action.to(), java.sql.Timestamp.from(now), due, row.id()).update();
		if (action.to().equals("processing")) {
			jdbc.sql("update dossier set assignee = ?, assignee_name = ? where id = ?")
				.params(caller.username(), caller.fullName(), row.id()).update();
		}
		event(row.unitCode(), row.id(), caller, action.name(), row.state(), action.to(), "Hẹn trả kết quả ngày " + Pdfs.DATE.format(due), List.of());
		audit(row.unitCode(), caller, "dossier.received", row.id(), row.state(), action.to() + " hẹn " + due);
		changed(row.unitCode(), row.id(), row.code(), row.state(), action.to(), now, row.channel());
		return due;
	}

	private @Nullable Long openBill(Row row, ProcedureInfo procedure, String payerName, @Nullable Long citizenId) {
		if (row.billId() != null) {
			return row.billId();
		}
		var form = readForm(row.id());
		long fee = procedure.fee().applyAsLong(form);
		if (fee <= 0) {
			return null;
		}
		var billId = billing.open(row.unitCode(), row.code(), "Phí, lệ phí hồ sơ " + row.code() + ": " + limit(procedure.name(), 150),
				fee, payerName, citizenId);
		jdbc.sql("update dossier set fee_vnd = ?, bill_id = ? where id = ?").params(fee, billId, row.id()).update();
		return billId;
	}

	// ================================================================ reading

	@Override
	public Optional<Dossier> find(Caller caller, long dossierId) {
		return as(caller, () -> visible(caller, dossierId).flatMap(r -> load(r.id())));
	}

	@Override
	public Optional<Dossier> findByCode(Caller caller, String code) {
		return as(caller, () -> {
			var id = jdbc.sql("select id from dossier where code = ?").param(code.strip().toUpperCase(java.util.Locale.ROOT))
				.query(Long.class).optional();
			return id.flatMap(i -> visible(caller, i)).flatMap(r -> load(r.id()));
		});
	}

	@Override
	public DossierPage mine(Caller citizen, int page, int size) {
		requireCitizen(citizen);
		int p = Math.max(1, page);
		int s = Math.clamp(size, 1, 100);
		return system(() -> {
			long total = jdbc.sql("select count(*) from dossier where citizen_id = ? or submitted_by_citizen = ?")
				.params(citizen.citizenId(), citizen.citizenId()).query(Long.class).single();
			var rows = jdbc.sql(SUMMARY + " where citizen_id = ? or submitted_by_citizen = ? order by id desc limit ? offset ?")
				.params(citizen.citizenId(), citizen.citizenId(), s, (long) (p - 1) * s).query(this::summary).list();
			return new DossierPage(rows, total, p, s);
		});
	}

	@Override
	public DossierPage search(Caller official, DossierSearch q) {
		requireOfficial(official);
		int p = Math.max(1, q.page());
		int s = Math.clamp(q.size(), 1, 100);
		var where = new StringBuilder(" where unit_code = ? and state <> 'draft'");
		var params = new ArrayList<Object>();
		params.add(official.unitCode());
		var today = sla.today();
		if (q.q() != null && !q.q().isBlank()) {
			var text = q.q().strip();
			if (text.length() > 100) {
				throw new DossierException("q", "Từ khóa tìm kiếm dài quá 100 ký tự.");
			}
			where.append(" and (code ilike ? or xaso_fold(applicant_name) like '%' || xaso_fold(?) || '%')");
			params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.add(vn.xaso.platform.SqlLike.escape(text));
		}
		if (q.procedureCode() != null && !q.procedureCode().isBlank()) {
			where.append(" and procedure_code = ?");
			params.add(q.procedureCode().strip());
		}
		if (q.state() != null && !q.state().isBlank()) {
			where.append(" and state = ?");
			params.add(q.state().strip());
		}
		if (q.receivedFrom() != null) {
			where.append(" and submitted_at >= ?");
			params.add(java.sql.Timestamp.from(q.receivedFrom().atStartOfDay(Sla.VIETNAM).toInstant()));
		}
		if (q.receivedTo() != null) {
			where.append(" and submitted_at < ?");
			params.add(java.sql.Timestamp.from(q.receivedTo().plusDays(1).atStartOfDay(Sla.VIETNAM).toInstant()));
		}
		var order = " order by submitted_at desc, id desc";
		if (q.queue() != null) {
			switch (q.queue()) {
				case NEW -> {
					where.append(" and state = 'submitted'");
					order = " order by submitted_at, id";
				}
				case MINE -> {
					where.append(" and assignee = ? and state in (" + OPEN_STATES + ")");
					params.add(official.username());
					order = URGENT_FIRST;
				}
				case DUE_SOON -> {
					where.append(" and state in (" + RUNNING_STATES + ") and due_date >= ? and due_date <= ?");
					params.add(today);
					params.add(sla.dueSoonLimit(today));
					order = " order by due_date, id";
				}
				case LATE -> {
					where.append(" and state in (" + RUNNING_STATES + ") and due_date < ?");
					params.add(today);
					order = " order by due_date, id";
				}
				case SUPPLEMENT -> {
					where.append(" and state = 'supplement_requested'");
					order = " order by submitted_at, id";
				}
				case AWAITING_APPROVAL -> {
					where.append(" and state = 'awaiting_approval'");
					order = URGENT_FIRST;
				}
				case RESULT_READY -> {
					where.append(" and state in ('approved', 'result_ready')");
					order = URGENT_FIRST;
				}
			}
		}
		var sql = where.toString();
		var finalOrder = order;
		return as(official, () -> {
			long total = jdbc.sql("select count(*) from dossier" + sql).params(params).query(Long.class).single();
			var all = new ArrayList<>(params);
			all.add(s);
			all.add((long) (p - 1) * s);
			var rows = jdbc.sql(SUMMARY + sql + finalOrder + " limit ? offset ?").params(all).query(this::summary).list();
			return new DossierPage(rows, total, p, s);
		});
	}

	/** Overdue first, then the nearest appointment date; without a date, the longest waiting first. */
	static final String URGENT_FIRST = " order by due_date nulls last, submitted_at, id";
	static final String RUNNING_STATES = "'received', 'processing', 'awaiting_approval'";
	static final String OPEN_STATES = "'submitted', 'received', 'processing', 'awaiting_approval', 'supplement_requested', 'approved', 'result_ready'";

	@Override
	public List<Action> actions(Caller caller, long dossierId) {
		if (caller.isCitizen()) {
			return List.of();
		}
		return as(caller, () -> visible(caller, dossierId).map(r -> {
			var w = workflows.get(r.workflow());
			return w.actions().stream().filter(a -> a.from().contains(r.state()))
				.filter(a -> a.roles().stream().anyMatch(caller::has))
				.filter(a -> !a.name().equals("propose") || caller.username().equals(r.assignee()) || caller.has(Role.ONE_STOP) && r.workflow().equals("same-day"))
				.filter(a -> !a.name().equals("reschedule") || reschedulable(r))
				.toList();
		}).orElse(List.of()));
	}

	private boolean reschedulable(Row r) {
		var today = sla.today();
		return r.dueDate() != null && !r.dueDate().isAfter(sla.dueSoonLimit(today));
	}

	@Override
	public byte[] file(Caller caller, long dossierId, long fileId) {
		return as(caller, () -> {
			var row = visible(caller, dossierId).orElseThrow(DossierNotFound::new);
			return jdbc.sql("select content from dossier_file where id = ? and dossier_id = ?").params(fileId, row.id())
				.query(byte[].class).optional().orElseThrow(DossierNotFound::new);
		});
	}

	// ================================================================ workflow

	@Override
	public Dossier act(Caller official, long dossierId, ActionRequest r) {
		requireOfficial(official);
		var givenNote = r.note() == null ? "" : r.note().strip();
		if (givenNote.length() > 2000) {
			throw new DossierException("note", "Ghi chú dài quá 2.000 ký tự.");
		}
		var types = new ArrayList<String>();
		for (var f : r.files()) {
			types.add(FileChecks.contentType("files", f.name(), f.content()));
		}
		return as(official, () -> {
			var note = givenNote;
			var row = lockOfficial(official, dossierId);
			if (row.version() != r.expectedVersion()) {
				throw conflict(row);
			}
			var workflow = workflows.get(row.workflow());
			var action = workflow.action(r.action())
				.orElseThrow(() -> new DossierException("action", "Thao tác không có trong quy trình của hồ sơ này."));
			if (!action.from().contains(row.state())) {
				throw new DossierException("action", "Không thể \"" + action.label() + "\" khi hồ sơ đang ở bước \""
						+ workflow.state(row.state()).label() + "\".");
			}
			if (action.roles().stream().noneMatch(official::has)) {
				throw new DossierException("action", "Bạn không có quyền \"" + action.label() + "\" hồ sơ này.");
			}
			if (action.needsNote() && note.isEmpty()) {
				throw new DossierException("note", "Hãy ghi rõ lý do hoặc nội dung cho thao tác \"" + action.label() + "\".");
			}
			if (action.needsFiles() && r.files().isEmpty()) {
				throw new DossierException("files", "Thao tác \"" + action.label() + "\" cần kèm tệp.");
			}
			if (action.name().equals("propose") && !official.username().equals(row.assignee())
					&& !(row.workflow().equals("same-day") && official.has(Role.ONE_STOP))) {
				throw new DossierException("action", "Hồ sơ đang giao cho " + (row.assigneeName() == null ? "người khác" : row.assigneeName())
						+ "; chỉ người được giao mới trình duyệt.");
			}
			requireRoom(row.id(), r.files().size());
			var fileIds = new ArrayList<Long>();
			for (int i = 0; i < r.files().size(); i++) {
				fileIds.add(insertFile(row, r.files().get(i), types.get(i), false, false, official.username()));
			}
			var now = clock.instant();
			var to = action.to().isEmpty() ? row.state() : action.to();
			switch (action.name()) {
				case "receive" -> {
					var procedure = procedureOf(row);
					receive(row, procedure, official, action, now);
					openBill(lockAny(row.id()), procedure, row.applicantName(), row.citizenId());
					notifyChange(lockAny(row.id()), "received");
					return load(row.id()).orElseThrow();
				}
				case "assign" -> {
					var username = r.assignee() == null ? "" : r.assignee().strip();
					var specialist = specialist(row.unitCode(), username);
					jdbc.sql("update dossier set assignee = ?, assignee_name = ? where id = ?")
						.params(username, specialist, row.id()).update();
					note = note.isEmpty() ? "Giao cho " + specialist : "Giao cho " + specialist + ". " + note;
				}
				case "request_supplement" -> {
					if (row.receivedAt() != null && row.dueDate() != null) {
						int left = sla.daysLeft(sla.today(), row.dueDate());
						jdbc.sql("update dossier set paused_at = ?, paused_days_left = ?, due_date = null where id = ?")
							.params(java.sql.Timestamp.from(now), left, row.id()).update();
					}
				}
				case "approve" -> approve(official, row, r.signingPassword(), now);
				case "release" -> results.requireSealed(row.id());
				case "return" -> giveBack(official, row, r.returnMethod(), r.postTrackingNumber(), now);
				case "reschedule" -> {
					reschedule(official, row, r.newDueDate(), note);
					note = "Hẹn lại ngày trả kết quả: " + Pdfs.DATE.format(r.newDueDate()) + ". Lý do: " + note;
				}
				default -> {
				}
			}
			jdbc.sql("update dossier set state = ?, version = version + 1 where id = ?").params(to, row.id()).update();
			if (to.equals("result_ready") || to.equals("refused")) {
				jdbc.sql("update dossier set result_at = coalesce(result_at, ?) where id = ? and ? = 'result_ready'")
					.params(java.sql.Timestamp.from(now), row.id(), to).update();
			}
			event(row.unitCode(), row.id(), official, action.name(), row.state(), to, note, fileIds);
			audit(row.unitCode(), official, "dossier." + action.name(), row.id(), row.state(), to + (note.isEmpty() ? "" : ": " + PersonalData.maskAll(limit(note, 200))));
			if (!to.equals(row.state())) {
				changed(row.unitCode(), row.id(), row.code(), row.state(), to, now, row.channel());
			}
			notifyChange(lockAny(row.id()), action.name());
			return load(row.id()).orElseThrow();
		});
	}

	private DossierConflict conflict(Row row) {
		var last = jdbc.sql("select actor_name, action, to_state, at from dossier_event where dossier_id = ? order by id desc limit 1")
			.param(row.id())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
					LocalDateTime.ofInstant(rs.getTimestamp(4).toInstant(), Sla.VIETNAM).format(DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")) })
			.optional();
		var w = workflows.get(row.workflow());
		if (last.isEmpty()) {
			return new DossierConflict("Hồ sơ vừa được người khác thay đổi. Hãy tải lại hồ sơ để xem trạng thái mới.");
		}
		var l = last.get();
		var label = w.action(l[1]).map(Action::label).orElse(actionLabel(l[1]));
		var state = l[2] == null || !w.states().containsKey(l[2]) ? "" : " Hồ sơ hiện ở bước \"" + w.state(l[2]).label() + "\".";
		return new DossierConflict("Hồ sơ vừa được " + l[0] + " xử lý (" + label + ") lúc " + l[3] + "." + state
				+ " Thao tác của bạn chưa được lưu; hãy tải lại hồ sơ và xem lại.");
	}

	private String specialist(String unitCode, String username) {
		if (username.isEmpty()) {
			throw new DossierException("assignee", "Hãy chọn công chức chuyên môn xử lý hồ sơ.");
		}
		var page = accounts.list(unitCode, username, 0, 50);
		return page.items().stream().filter(o -> o.username().equals(username) && o.active() && o.roles().contains(Role.SPECIALIST))
			.map(Accounts.OfficialView::fullName).findFirst()
			.orElseThrow(() -> new DossierException("assignee", "Người được chọn không phải công chức chuyên môn đang làm việc của xã."));
	}

	private void approve(Caller leader, Row row, char @Nullable [] password, Instant now) {
		if (password == null || password.length == 0) {
			throw new DossierException("signingPassword", "Hãy nhập mật khẩu chữ ký số.");
		}
		var identity = identities.list(row.unitCode()).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.OFFICIAL
					&& leader.username().equals(i.officialUsername()) && !i.expiredAt(now))
			.min(java.util.Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> new DossierException("signingPassword",
					"Bạn chưa có chữ ký số cá nhân trong hệ thống nên chưa ký được kết quả. Quản trị của xã hãy tạo hoặc nhập chữ ký số cho bạn."));
		try {
			var signer = identities.unlock(row.unitCode(), identity.id(), password);
			var token = newToken();
			var procedure = procedureOf(row);
			var d = load(row.id()).orElseThrow();
			// the result as filled and previewed (ResultSheets): refused while a field is blank; civil-status register number
			var pdf = results.forSigning(row.id(), row.unitCode(), new Pdfs.ResultData(issuer(row.unitCode()), row.resultTemplate(), row.code(),
					row.procedureName(), d.form(), procedure.labels(), d.applicant().name(), d.applicant().cccd(), "Chủ tịch",
					identity.holderName(), LocalDate.ofInstant(now, Sla.VIETNAM), publicUrl.base() + "/verify/" + token));
			var signed = signing.sign(pdf, signer,
					SignatureAppearance.personal(identity.holderName()).at(0, ResultSheets.signerBox(pdf, identity.holderName())));
			jdbc.sql("""
					update dossier set result_pdf = ?, result_signed_by = ?, result_signed_at = ?, verify_token = ?, result_at = ?
					where id = ?""")
				.params(signed, identity.holderName(), java.sql.Timestamp.from(now), token, java.sql.Timestamp.from(now), row.id()).update();
			insertFile(row, new Upload("ket-qua-" + row.code() + ".pdf", signed, "ket-qua"), "application/pdf", false, true,
					leader.username());
			log.info("Dossier {} result signed ({}), procedure {}", row.code(), row.resultTemplate(), procedure.code());
		}
		catch (SigningException e) {
			throw new DossierException("signingPassword", e.getMessage());
		}
	}

	private void giveBack(Caller official, Row row, @Nullable String method, @Nullable String tracking, Instant now) {
		var m = method == null ? "" : method.strip().toUpperCase(java.util.Locale.ROOT);
		if (!List.of("ONLINE", "COUNTER", "POST").contains(m)) {
			throw new DossierException("returnMethod", "Hãy chọn cách trả kết quả: trực tuyến, tại bộ phận một cửa hoặc qua bưu chính.");
		}
		var t = tracking == null ? "" : tracking.strip();
		if (m.equals("POST") && !t.matches("[A-Za-z0-9-]{6,30}")) {
			throw new DossierException("postTrackingNumber", "Hãy nhập mã bưu gửi (6–30 chữ cái, chữ số) để người dân theo dõi.");
		}
		if (m.equals("ONLINE") && row.citizenId() == null) {
			throw new DossierException("returnMethod", "Hồ sơ không gắn tài khoản người dân nên không trả trực tuyến được.");
		}
		jdbc.sql("update dossier set returned_at = ?, return_method = ?, post_tracking = ? where id = ?")
			.params(java.sql.Timestamp.from(now), m, m.equals("POST") ? t : null, row.id()).update();
		// the result goes to the citizen's personal document store, whatever the way it was handed over
		if (row.citizenId() != null) {
			var pdf = jdbc.sql("select result_pdf from dossier where id = ?").param(row.id()).query(byte[].class).optional();
			pdf.filter(b -> b != null && b.length > 0).ifPresent(bytes -> jdbc.sql("""
					insert into personal_paper (unit_code, citizen_id, title, kind, content_type, size, content, dossier_code)
					values (?, ?, ?, 'RESULT', 'application/pdf', ?, ?, ?)""")
				.params(row.unitCode(), row.citizenId(), limit("Kết quả: " + row.procedureName(), 300), bytes.length, bytes, row.code())
				.update());
		}
	}

	private void reschedule(Caller official, Row row, @Nullable LocalDate newDue, String reason) {
		var today = sla.today();
		if (row.dueDate() == null) {
			throw new DossierException("newDueDate", "Hồ sơ chưa có ngày hẹn trả để hẹn lại.");
		}
		if (!reschedulable(row)) {
			throw new DossierException("newDueDate", "Chỉ hẹn lại khi hồ sơ đã quá hạn hoặc sắp đến hạn (hạn trả "
					+ Pdfs.DATE.format(row.dueDate()) + ").");
		}
		if (newDue == null) {
			throw new DossierException("newDueDate", "Hãy chọn ngày hẹn trả mới.");
		}
		if (!newDue.isAfter(row.dueDate()) || newDue.isBefore(today)) {
			throw new DossierException("newDueDate", "Ngày hẹn mới phải sau ngày hẹn cũ (" + Pdfs.DATE.format(row.dueDate()) + ") và không trước hôm nay.");
		}
		if (!sla.isWorkingDay(newDue)) {
			throw new DossierException("newDueDate", "Ngày " + Pdfs.DATE.format(newDue) + " là ngày nghỉ; hãy chọn một ngày làm việc.");
		}
		if (newDue.isAfter(today.plusYears(1))) {
			throw new DossierException("newDueDate", "Ngày hẹn mới xa quá một năm.");
		}
		// the apology slip is made and stored first; only then does the due date move (same transaction)
		var pdf = Pdfs.apology(new Pdfs.ApologyData(issuer(row.unitCode()), row.code(), row.applicantName(), row.procedureName(),
				row.receivedAt() == null ? clock.instant() : row.receivedAt(), row.dueDate(), newDue, reason, leaderName(row.unitCode()), today));
		jdbc.sql("insert into dossier_apology (unit_code, dossier_id, old_due, new_due, reason, pdf, created_by) values (?, ?, ?, ?, ?, ?, ?)")
			.params(row.unitCode(), row.id(), row.dueDate(), newDue, reason, pdf, official.username()).update();
		jdbc.sql("update dossier set due_date = ? where id = ?").params(newDue, row.id()).update();
	}

	@Override
	public Dossier supplement(Caller citizen, long dossierId, String note, List<Upload> files) {
		requireCitizen(citizen);
		var n = note == null ? "" : note.strip();
		if (n.length() > 2000) {
			throw new DossierException("note", "Nội dung bổ sung dài quá 2.000 ký tự.");
		}
		if (files.isEmpty() && n.isEmpty()) {
			throw new DossierException("files", "Hãy gửi giấy tờ hoặc nội dung cán bộ yêu cầu bổ sung.");
		}
		var types = new ArrayList<String>();
		for (var f : files) {
			types.add(FileChecks.contentType("files", f.name(), f.content()));
		}
		return system(() -> {
			var row = lockOwn(citizen, dossierId);
			if (!row.state().equals(Workflow.SUPPLEMENT)) {
				throw new DossierException("", "Hồ sơ không ở bước chờ bổ sung.");
			}
			requireRoom(row.id(), files.size());
			var fileIds = new ArrayList<Long>();
			for (int i = 0; i < files.size(); i++) {
				fileIds.add(insertFile(row, files.get(i), types.get(i), false, false, citizen.username()));
			}
			// back to the step the dossier was in when the supplement was asked for
			var back = jdbc.sql("select from_state from dossier_event where dossier_id = ? and to_state = ? order by id desc limit 1")
				.params(row.id(), Workflow.SUPPLEMENT).query(String.class).optional().orElse(Workflow.SUBMITTED);
			var now = clock.instant();
			if (row.pausedAt() != null && row.pausedDaysLeft() != null) {
				var due = sla.resume(sla.today(), row.pausedDaysLeft());
				jdbc.sql("update dossier set due_date = ?, paused_at = null, paused_days_left = null where id = ?")
					.params(due, row.id()).update();
			}
			jdbc.sql("update dossier set state = ?, version = version + 1 where id = ?").params(back, row.id()).update();
			event(row.unitCode(), row.id(), citizen, "supplement", row.state(), back, n, fileIds);
			audit(row.unitCode(), citizen, "dossier.supplement", row.id(), row.state(), back);
			changed(row.unitCode(), row.id(), row.code(), row.state(), back, now, row.channel());
			return load(row.id()).orElseThrow();
		});
	}

	@Override
	public void rate(Caller citizen, long dossierId, int stars, String comment) {
		requireCitizen(citizen);
		if (stars < 1 || stars > 5) {
			throw new DossierException("stars", "Hãy chọn số sao từ 1 đến 5.");
		}
		var c = comment == null ? "" : comment.strip();
		if (c.length() > 1000) {
			throw new DossierException("comment", "Góp ý dài quá 1.000 ký tự. Hãy viết ngắn lại.");
		}
		system(() -> {
			var row = lockOwn(citizen, dossierId);
			if (!row.state().equals("returned")) {
				throw new DossierException("stars", "Bạn đánh giá được sau khi đã nhận kết quả.");
			}
			int n = jdbc.sql("update dossier set rating = ?, rating_comment = ?, rated_at = now() where id = ? and rating is null")
				.params(stars, c, row.id()).update();
			if (n == 0) {
				throw new DossierException("stars", "Bạn đã đánh giá hồ sơ này rồi. Cảm ơn bạn!");
			}
			event(row.unitCode(), row.id(), citizen, "rate", row.state(), row.state(), stars + "/5" + (c.isEmpty() ? "" : ": " + c), List.of());
			audit(row.unitCode(), citizen, "dossier.rated", row.id(), null, stars + "/5");
			return null;
		});
	}

	@Override
	public List<Action> workflow(String name) {
		return workflows.get(name).actions();
	}

	@Override
	public String stateLabel(String state) {
		if (state.equals("draft")) {
			return "Đang soạn, chưa nộp";
		}
		for (var name : Workflows.NAMES) {
			var s = workflows.get(name).states().get(state);
			if (s != null) {
				return s.label();
			}
		}
		return state;
	}

	/** Records a paid fee (from the payments module's BillPaid). Idempotent. */
	public void recordPaid(String unitCode, String dossierCode, long billId, long amountVnd, boolean online, Instant paidAt) {
		Tenancy.callAs(UnitScope.of(unitCode), () -> txNew.execute(s -> {
			var row = jdbc.sql(ROW + " where unit_code = ? and code = ? for update").params(unitCode, dossierCode).query(this::row).optional();
			if (row.isEmpty() || row.get().paidAt() != null) {
				return null;
			}
			var r = row.get();
			jdbc.sql("update dossier set paid_at = ?, paid_online = ?, bill_id = coalesce(bill_id, ?), version = version + 1 where id = ?")
				.params(java.sql.Timestamp.from(paidAt), online, billId, r.id()).update();
			var system = Caller.official(unitCode, "system", online ? "Ngân hàng (VietQR)" : "Thu tiền mặt", java.util.Set.of());
			event(unitCode, r.id(), system, "paid", r.state(), r.state(),
					String.format(java.util.Locale.ROOT, "%,d", amountVnd).replace(',', '.') + " đồng" + (online ? " qua VietQR" : " tiền mặt"), List.of());
			audit(unitCode, system, "dossier.paid", r.id(), null, amountVnd + (online ? " online" : " cash"));
			notifyChange(lockAny(r.id()), "paid");
			return null;
		}));
	}

	// ================================================================ PDFs

	@Override
	public byte[] receiptPdf(Caller caller, long dossierId) {
		return as(caller, () -> {
			var row = visible(caller, dossierId).orElseThrow(DossierNotFound::new);
			if (row.code() == null) {
				throw new DossierException("", "Hồ sơ chưa nộp nên chưa có giấy hẹn.");
			}
			var d = load(row.id()).orElseThrow();
			var procedure = procedureOf(row);
			var papers = ReceiptPapers.names(d.files(), procedure.papers());
			var time = switch (procedure.slaKind()) {
				case "SAME_DAY" -> "trong ngày làm việc";
				case "WORKING_HOURS" -> procedure.slaAmount() + " giờ làm việc";
				default -> procedure.slaAmount() + " ngày làm việc";
			};
			var receiver = jdbc.sql("select actor_name from dossier_event where dossier_id = ? and action = 'receive' order by id limit 1")
				.param(row.id()).query(String.class).optional().orElse(row.channel() == Channel.COUNTER ? "" : "Hệ thống dịch vụ công trực tuyến");
			if (receiver.isEmpty()) {
				receiver = jdbc.sql("select actor_name from dossier_event where dossier_id = ? and action = 'submit' order by id limit 1")
					.param(row.id()).query(String.class).optional().orElse("");
			}
			return Pdfs.receipt(new Pdfs.ReceiptData(issuer(row.unitCode()), row.code(), d.applicant().name(), d.applicant().address(),
					PersonalData.maskPhone(d.applicant().phone()), d.applicant().email(), row.procedureName(), papers, time,
					row.receivedAt() != null ? row.receivedAt() : row.submittedAt(), d.dueDate(),
					"Bộ phận tiếp nhận và trả kết quả, " + issuer(row.unitCode()).communeName() + " hoặc trực tuyến", receiver,
					publicUrl.base() + "/dossiers/track?code=" + row.code(), row.feeVnd()));
		});
	}

	@Override
	public Optional<byte[]> apologyPdf(Caller caller, long dossierId) {
		return as(caller, () -> visible(caller, dossierId)
			.flatMap(r -> jdbc.sql("select pdf from dossier_apology where dossier_id = ? order by id desc limit 1").param(r.id())
				.query(byte[].class).optional()));
	}

	@Override
	public Optional<byte[]> resultPdf(Caller caller, long dossierId) {
		return as(caller, () -> visible(caller, dossierId).flatMap(r -> {
			if (caller.isCitizen() && !List.of("result_ready", "returned").contains(r.state())) {
				return Optional.empty();
			}
			return jdbc.sql("select result_pdf from dossier where id = ? and result_pdf is not null").param(r.id()).query(byte[].class).optional();
		}));
	}

	@Override
	public Optional<VerifiedResult> verify(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
			return Optional.empty();
		}
		var found = system(() -> jdbc.sql("""
				select code, procedure_name, result_template, result_signed_at, result_signed_by, result_pdf from dossier
				where verify_token = ? and result_pdf is not null""").param(token)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5), rs.getBytes(6) })
			.optional());
		return found.map(o -> {
			var pdf = (byte[]) o[5];
			var title = "birth-extract".equals(o[2]) ? "Trích lục khai sinh" : Pdfs.title((String) o[2]);
			return new VerifiedResult((String) o[0], (String) o[1], title, (Instant) o[3], (String) o[4], pdf, verification.verify(pdf));
		});
	}

	// ================================================================ public tracking

	@Override
	public Optional<Tracking> track(String code, String phoneLast4) {
		var c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		var last4 = phoneLast4 == null ? "" : phoneLast4.strip();
		if (c.length() > 40 || !last4.matches("[0-9]{4}")) {
			return Optional.empty();
		}
		var found = system(() -> jdbc.sql(ROW + " where code = ?").param(c).query(this::row).optional());
		// compare in constant time whether or not the code exists, so that timing tells nothing
		var phone = found.map(Row::applicantPhone).orElse("0000000000");
		var expected = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "????";
		boolean match = MessageDigest.isEqual(expected.getBytes(), last4.getBytes()) && found.isPresent() && !phone.isEmpty();
		if (!match) {
			return Optional.empty();
		}
		var r = found.get();
		var steps = system(() -> jdbc.sql("select at, action, to_state from dossier_event where dossier_id = ? and action <> 'draft' order by id")
			.param(r.id())
			.query((rs, n) -> new Tracking.Step(rs.getTimestamp(1).toInstant(), publicStep(r.workflow(), rs.getString(2), rs.getString(3))))
			.list());
		return Optional.of(new Tracking(r.code(), r.procedureName(), r.state(), stateLabel(r.state()),
				r.receivedAt() == null ? null : LocalDate.ofInstant(r.receivedAt(), Sla.VIETNAM), r.dueDate(), timeliness(r), steps));
	}

	private String publicStep(String workflow, String action, @Nullable String to) {
		var w = workflows.get(workflow);
		return w.action(action).map(Action::label).orElse(actionLabel(action));
	}

	// ================================================================ personal store

	@Override
	public List<PersonalPaper> papers(Caller citizen) {
		requireCitizen(citizen);
		return system(() -> jdbc.sql("""
				select id, citizen_id, title, kind, content_type, size, dossier_code, added_at from personal_paper
				where citizen_id = ? order by id desc limit 500""").param(citizen.citizenId())
			.query((rs, n) -> new PersonalPaper(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list());
	}

	@Override
	public byte[] paper(Caller citizen, long paperId) {
		requireCitizen(citizen);
		return system(() -> jdbc.sql("select content from personal_paper where id = ? and citizen_id = ?").params(paperId, citizen.citizenId())
			.query(byte[].class).optional().orElseThrow(DossierNotFound::new));
	}

	// ================================================================ fees

	@Override
	public Optional<String> billQrPayload(Caller caller, long dossierId) {
		var bill = billOf(caller, dossierId);
		return bill.flatMap(id -> Tenancy.callAs(UnitScope.systemWide(), () -> billing.qrPayload(id)));
	}

	@Override
	public Optional<byte[]> billQrPng(Caller caller, long dossierId, int sizePx) {
		var bill = billOf(caller, dossierId);
		return bill.flatMap(id -> Tenancy.callAs(UnitScope.systemWide(), () -> billing.qrPng(id, Math.clamp(sizePx, 120, 1000))));
	}

	private Optional<Long> billOf(Caller caller, long dossierId) {
		return as(caller, () -> visible(caller, dossierId).filter(r -> r.paidAt() == null).map(Row::billId));
	}

	// ================================================================ reports and settings

	@Override
	public byte[] trackingBookXlsx(Caller official, LocalDate from, LocalDate to) {
		return TrackingBook.xlsx(bookRows(official, from, to), issuer(official.unitCode()).communeName(), from, to);
	}

	@Override
	public byte[] trackingBookCsv(Caller official, LocalDate from, LocalDate to) {
		return TrackingBook.csv(bookRows(official, from, to));
	}

	private List<TrackingBook.Line> bookRows(Caller official, LocalDate from, LocalDate to) {
		requireOfficial(official);
		if (to.isBefore(from)) {
			throw new DossierException("to", "Ngày cuối phải sau ngày đầu.");
		}
		if (from.plusYears(1).isBefore(to)) {
			throw new DossierException("to", "Mỗi lần xuất sổ tối đa một năm.");
		}
		return as(official, () -> jdbc.sql("""
				select code, procedure_name, applicant_name, coalesce(received_at, submitted_at), due_date, assignee_name, result_at,
				       returned_at, state, return_method, post_tracking
				from dossier where unit_code = ? and state <> 'draft' and submitted_at >= ? and submitted_at < ?
				order by submitted_at, id""")
			.params(official.unitCode(), java.sql.Timestamp.from(from.atStartOfDay(Sla.VIETNAM).toInstant()),
					java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(Sla.VIETNAM).toInstant()))
			.query((rs, n) -> new TrackingBook.Line(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getObject(5, LocalDate.class),
					rs.getString(6), instant(rs, 7), instant(rs, 8), stateLabel(rs.getString(9)), rs.getString(10), rs.getString(11)))
			.list());
	}

	@Override
	public DossierStats stats(String unitCode, LocalDate from, LocalDate to) {
		var start = java.sql.Timestamp.from(from.atStartOfDay(Sla.VIETNAM).toInstant());
		var end = java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(Sla.VIETNAM).toInstant());
		return tx.execute(s -> jdbc.sql("""
				select count(*),
				       count(*) filter (where channel in ('ONLINE', 'ASSISTED')),
				       count(*) filter (where result_at is not null and state in ('approved', 'result_ready', 'returned')),
				       count(*) filter (where result_at is not null and due_date is not null and state in ('approved', 'result_ready', 'returned')
				                        and (result_at at time zone 'Asia/Ho_Chi_Minh')::date <= due_date),
				       count(*) filter (where paid_online),
				       count(*) filter (where digitised),
				       count(*) filter (where rating is not null),
				       count(*) filter (where rating >= 4)
				from (select channel, result_at, due_date, state, paid_online, digitised, rating
				      from dossier where unit_code = :unit and state <> 'draft' and submitted_at >= :start and submitted_at < :end
				      union all -- lines carried over from the paper tracking book (TrackingBookImport)
				      select 'COUNTER', (result_date + time '12:00') at time zone 'Asia/Ho_Chi_Minh', due_date,
				             case when result_date is null then 'in_progress' else 'result_ready' end, false, false, null::int
				      from dossier_book_entry where unit_code = :unit and received_at >= :start and received_at < :end) d""")
			.param("unit", unitCode).param("start", start).param("end", end)
			.query((rs, n) -> new DossierStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getLong(7), rs.getLong(8)))
			.single());
	}

	@Override
	public String agencyCode(String unitCode) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> agencyCodeIn(unitCode)));
	}

	private String agencyCodeIn(String unitCode) {
		return jdbc.sql("select agency_code from dossier_agency where unit_code = ?").param(unitCode).query(String.class).optional()
			.orElse(defaultAgencyCode(unitCode));
	}

	/** The default agency code of a commune: "X" and its 5-digit GSO code, e.g. X14701. */
	public static String defaultAgencyCode(String unitCode) {
		return "X" + unitCode;
	}

	@Override
	public void setAgencyCode(Caller admin, String agencyCode) {
		requireOfficial(admin);
		if (!admin.has(Role.ADMIN)) {
			throw new DossierException("agencyCode", "Chỉ quản trị của xã mới đổi mã cơ quan.");
		}
		var code = agencyCode == null ? "" : agencyCode.strip().toUpperCase(java.util.Locale.ROOT);
		if (!code.matches("[A-Z0-9][A-Z0-9.-]{1,19}")) {
			throw new DossierException("agencyCode", "Mã cơ quan gồm 2–20 chữ cái in hoa không dấu, chữ số, dấu chấm hoặc gạch ngang, ví dụ 000.00.14.H45.");
		}
		if (code.matches("X[0-9]{5}") && !code.equals(defaultAgencyCode(admin.unitCode()))) {
			throw new DossierException("agencyCode", "Mã dạng X + 5 chữ số dành cho mã mặc định của các xã; hãy chọn mã khác.");
		}
		as(admin, () -> {
			var taken = Tenancy.callAs(UnitScope.systemWide(), () -> txNew.execute(s -> jdbc.sql(
					"select count(*) from dossier_agency where agency_code = ? and unit_code <> ?").params(code, admin.unitCode())
				.query(Long.class).single()));
			if (taken != null && taken > 0) {
				throw new DossierException("agencyCode", "Mã cơ quan " + code + " đã được xã khác dùng.");
			}
			var before = agencyCodeIn(admin.unitCode());
			jdbc.sql("""
					insert into dossier_agency (unit_code, agency_code, updated_by) values (?, ?, ?)
					on conflict (unit_code) do update set agency_code = excluded.agency_code, updated_by = excluded.updated_by, updated_at = now()""")
				.params(admin.unitCode(), code, admin.username()).update();
			audit(admin.unitCode(), admin, "dossier.agency_code", 0, before, code);
			return null;
		});
	}

	// ================================================================ helpers

	private ProcedureInfo procedureFor(String unitCode, String code) {
		if (unitCode == null || !unitCode.matches("[0-9]{5}") || !units.isCommune(unitCode)) {
			throw new DossierException("unitCode", "Hãy chọn xã, phường nơi nộp hồ sơ.");
		}
		if (code == null || code.isBlank() || code.length() > 30) {
			throw new DossierException("procedureCode", "Hãy chọn thủ tục.");
		}
		var p = catalog.current(unitCode, code.strip())
			.orElseThrow(() -> new DossierException("procedureCode", "Không tìm thấy thủ tục " + code.strip() + " của xã này."));
		if (!workflows.exists(p.workflow())) {
			throw new DossierException("procedureCode", "Thủ tục chưa có quy trình xử lý (" + p.workflow() + ").");
		}
		return p;
	}

	private ProcedureInfo procedureOf(Row row) {
		return catalog.version(row.procedureVersionId()).or(() -> catalog.current(row.unitCode(), row.procedureCode()))
			.orElseThrow(() -> new IllegalStateException("Procedure version " + row.procedureVersionId() + " is gone"));
	}

	/** Fills blank applicant fields from the e-form's requester fields (requesterName, requesterCccd, …). */
	static Applicant fromRequester(Applicant a, Map<String, String> form) {
		return new Applicant(or(a.name(), form.get("requesterName")), or(a.cccd(), form.get("requesterCccd")).replaceAll("\\s", ""),
				or(a.phone(), form.get("requesterPhone")), or(a.email(), form.get("requesterEmail")),
				or(a.address(), form.get("requesterAddress")));
	}

	/** The e-form with its requester fields taken from the applicant, so that the citizen types them once. */
	static Map<String, String> withRequester(Applicant a, Map<String, String> form, ProcedureInfo p) {
		var out = new LinkedHashMap<>(form);
		var values = Map.of("requesterName", a.name(), "requesterCccd", a.cccd(), "requesterPhone", a.phone(), "requesterEmail",
				a.email(), "requesterAddress", a.address());
		values.forEach((k, v) -> {
			if (p.labels().containsKey(k) && (out.get(k) == null || out.get(k).isBlank())) {
				out.put(k, v);
			}
		});
		return out;
	}

	private static String or(String value, @Nullable String fallback) {
		return value.isBlank() && fallback != null ? trim(fallback) : value;
	}

	private static Applicant normalise(Applicant a) {
		return new Applicant(trim(a.name()), trim(a.cccd()).replaceAll("\\s", ""), trim(a.phone()), trim(a.email()), trim(a.address()));
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
	}

	private static void checkSizes(Applicant a, Map<String, String> form, Map<String, String> errors) {
		if (a.name().length() > 200) {
			errors.put("applicant.name", "Họ tên dài quá 200 ký tự.");
		}
		if (a.address().length() > 500) {
			errors.put("applicant.address", "Địa chỉ dài quá 500 ký tự.");
		}
		if (a.email().length() > 254) {
			errors.put("applicant.email", "Thư điện tử dài quá 254 ký tự.");
		}
		if (form.size() > MAX_FORM_FIELDS) {
			errors.put("form", "Tờ khai có quá nhiều trường.");
		}
		form.forEach((k, v) -> {
			if (k.length() > 60 || !k.matches("[A-Za-z0-9_.-]+")) {
				errors.put("form", "Tên trường tờ khai không hợp lệ.");
			}
			else if (v != null && v.length() > MAX_FORM_VALUE) {
				errors.put("form." + k, "Nội dung dài quá " + MAX_FORM_VALUE + " ký tự.");
			}
		});
	}

	private static Map<String, String> validate(ProcedureInfo p, Applicant a, Map<String, String> form) {
		var errors = new LinkedHashMap<String, String>();
		if (a.name().length() < 2) {
			errors.put("applicant.name", "Hãy nhập họ và tên người nộp hồ sơ.");
		}
		else if (!a.name().matches("[\\p{L} .'-]+")) {
			errors.put("applicant.name", "Họ tên chỉ gồm chữ cái, dấu cách và dấu gạch nối.");
		}
		var cccdProblem = PersonalData.cccdProblem(a.cccd());
		if (a.cccd().isEmpty()) {
			errors.put("applicant.cccd", "Hãy nhập số căn cước công dân (12 chữ số).");
		}
		else if (cccdProblem != null) {
			errors.put("applicant.cccd", cccdProblem);
		}
		if (a.phone().isEmpty()) {
			errors.put("applicant.phone", "Hãy nhập số điện thoại di động để nhận thông báo và tra cứu hồ sơ.");
		}
		else if (PersonalData.normalisePhone(a.phone()) == null) {
			errors.put("applicant.phone", "Số điện thoại di động chưa đúng (10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09).");
		}
		if (!a.email().isEmpty() && !a.email().matches("[^@\\s]{1,64}@[^@\\s]+\\.[A-Za-z]{2,}")) {
			errors.put("applicant.email", "Địa chỉ thư điện tử chưa đúng, ví dụ ten@gmail.com.");
		}
		if (a.address().length() < 5) {
			errors.put("applicant.address", "Hãy nhập địa chỉ (thôn, xã, tỉnh).");
		}
		checkSizes(a, form, errors);
		p.validate().apply(form).forEach((k, v) -> errors.putIfAbsent(k.startsWith("form.") ? k : "form." + k, v));
		return errors;
	}

	private static void checkConsent(@Nullable Consent c, Map<String, String> errors) {
		if (c == null) {
			errors.put("consent", "Hãy ghi lại sự đồng ý của người dân: ai đồng ý, bằng cách nào, khi nào.");
			return;
		}
		if (c.consentedBy() == null || c.consentedBy().strip().length() < 2) {
			errors.put("consent.consentedBy", "Hãy nhập họ tên người dân đã đồng ý.");
		}
		if (c.method() == null) {
			errors.put("consent.method", "Hãy chọn cách người dân đồng ý.");
		}
		if (c.at() == null || c.at().isAfter(Instant.now().plusSeconds(300)) || c.at().isBefore(Instant.now().minusSeconds(90L * 86400))) {
			errors.put("consent.at", "Thời điểm đồng ý phải trong 90 ngày qua, không phải ngày trong tương lai.");
		}
		if (c.method() == Consent.Method.SIGNED_PAPER && (c.reference() == null || c.reference().isBlank())) {
			errors.put("consent.reference", "Hãy đính kèm hoặc ghi tên tệp giấy đồng ý đã quét.");
		}
	}

	private static void checkPapers(ProcedureInfo p, List<String> paperCodes, Map<String, String> errors) {
		var missing = p.papers().stream().filter(pp -> pp.required() && !pp.filledByForm() && !paperCodes.contains(pp.code())).toList();
		long untagged = paperCodes.stream().filter(c -> c == null || c.isBlank()).count();
		if (!missing.isEmpty() && untagged < missing.size()) {
			errors.putIfAbsent("files", "Còn thiếu giấy tờ: " + String.join("; ", missing.stream().map(ProcedureInfo.Paper::name).toList()) + ".");
		}
	}

	private boolean citizenExists(long id) {
		return citizens.exists(id);
	}

	private void requireRoom(long dossierId, int adding) {
		long n = jdbc.sql("select count(*) from dossier_file where dossier_id = ?").param(dossierId).query(Long.class).single();
		if (n + adding > FileChecks.MAX_FILES) {
			throw new DossierException("file", "Mỗi hồ sơ có tối đa " + FileChecks.MAX_FILES + " tệp.");
		}
	}

	private static void requireDraft(Row row) {
		if (!row.state().equals("draft")) {
			throw new DossierException("", "Hồ sơ đã nộp, không sửa được nữa.");
		}
	}

	private long insertFile(Row row, Upload upload, String type, boolean digitised, boolean result, String by) {
		var name = upload.name() == null || upload.name().isBlank() ? "tep" : limit(upload.name().strip().replaceAll("[\\p{Cntrl}/\\\\]", "_"), 255);
		var paper = upload.paperCode() == null ? "" : limit(upload.paperCode().strip(), 60);
		return jdbc.sql("""
				insert into dossier_file (unit_code, dossier_id, name, content_type, size, sha256, content, paper_code, digitised, is_result, added_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(row.unitCode(), row.id(), name, type, upload.content().length, sha256(upload.content()), upload.content(), paper,
					digitised, result, by)
			.query(Long.class).single();
	}

	private void event(String unitCode, long dossierId, Caller actor, String action, @Nullable String from, @Nullable String to,
			String note, List<Long> files) {
		jdbc.sql("insert into dossier_event (unit_code, dossier_id, actor, actor_name, action, from_state, to_state, note, file_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, dossierId, actor.username(), limit(actor.fullName(), 200), action, from, to, limit(note, 2000),
					files.toArray(Long[]::new))
			.update();
		metrics.report(dossierId);
	}

	private void audit(String unitCode, Caller actor, String action, long id, @Nullable String before, @Nullable String after) {
		audit.record(AuditEvent.of(unitCode, actor.username(), action).on("dossier", id).change(before, after));
	}

	private void changed(String unitCode, long id, String code, @Nullable String from, String to, Instant at, Channel channel) {
		events.publishEvent(new DossierChanged(unitCode, id, code, from, to, at, channel));
	}

	private void notifyChange(Row row, String event) {
		if (row.code() == null) {
			return;
		}
		var template = switch (event) {
			case "submitted", "received", "request_supplement", "refuse", "release", "return", "reschedule", "paid" -> event;
			default -> null;
		};
		if (template == null || row.citizenId() == null && (row.applicantEmail() == null || row.applicantEmail().isBlank())) {
			return; // nobody to tell: a counter dossier without an account or e-mail address
		}
		try {
			notifier.send(row.unitCode(), row.citizenId(), row.applicantEmail(), row.applicantPhone(), row.applicantName(),
					"notify.dossier." + template,
					Map.of("code", row.code(), "procedure", row.procedureName(), "state", stateLabel(row.state()),
							"due", row.dueDate() == null ? "" : Pdfs.DATE.format(row.dueDate())),
					"dossier:" + row.id() + ":" + template + ":" + row.version(), "/citizen/dossiers/" + row.id());
		}
		catch (RuntimeException e) {
			// a notice that cannot be queued never undoes the dossier's change
			log.warn("Dossier notice {} for {} not queued: {}", template, row.code(), e.toString());
		}
	}

	private Pdfs.Issuer issuer(@Nullable String unitCode) {
		var unit = unitCode == null ? Optional.<vn.xaso.units.Unit>empty() : units.find(unitCode);
		var name = unit.map(vn.xaso.units.Unit::name).orElse("Xã");
		var province = unit.flatMap(u -> u.parentCode() == null ? Optional.empty() : units.find(u.parentCode()))
			.map(vn.xaso.units.Unit::name).orElse("");
		return new Pdfs.Issuer(name, province, unit.map(vn.xaso.units.Unit::shortName).orElse(name));
	}

	private String leaderName(String unitCode) {
		return accounts.list(unitCode, null, 0, 200).items().stream().filter(o -> o.active() && o.roles().contains(Role.LEADER))
			.map(Accounts.OfficialView::fullName).findFirst().orElse("");
	}

	static String actionLabel(String action) {
		return switch (action) {
			case "draft" -> "Tạo hồ sơ";
			case "submit" -> "Nộp hồ sơ";
			case "attach" -> "Thêm tệp";
			case "supplement" -> "Người dân bổ sung hồ sơ";
			case "paid" -> "Đã nộp phí, lệ phí";
			case "rate" -> "Người dân đánh giá";
			default -> action;
		};
	}

	private static String newToken() {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String limit(@Nullable String s, int max) {
		if (s == null) {
			return "";
		}
		return s.length() <= max ? s : s.substring(0, max);
	}

	private String toJson(Map<String, String> form) {
		var clean = new java.util.TreeMap<String, String>();
		form.forEach((k, v) -> clean.put(k, v == null ? "" : trim(v)));
		return json.writeValueAsString(clean);
	}

	private Map<String, String> readForm(long id) {
		var text = jdbc.sql("select form::text from dossier where id = ?").param(id).query(String.class).single();
		return json.readValue(text, new TypeReference<java.util.TreeMap<String, String>>() {
		});
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	// ================================================================ rows

	record Row(long id, String unitCode, @Nullable String code, String procedureCode, long procedureVersionId, String procedureName,
			String workflow, String resultTemplate, Channel channel, @Nullable Long citizenId, @Nullable Long submittedByCitizen,
			String applicantName, String applicantPhone, String applicantEmail, String state, long version,
			@Nullable Instant submittedAt, @Nullable Instant receivedAt, @Nullable LocalDate dueDate, @Nullable Instant pausedAt,
			@Nullable Integer pausedDaysLeft, @Nullable String assignee, @Nullable String assigneeName, @Nullable Instant resultAt,
			long feeVnd, @Nullable Long billId, @Nullable Instant paidAt) {
	}

	private static final String ROW = """
			select id, unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template, channel,
			       citizen_id, submitted_by_citizen, applicant_name, applicant_phone, applicant_email, state, version, submitted_at,
			       received_at, due_date, paused_at, paused_days_left, assignee, assignee_name, result_at, fee_vnd, bill_id, paid_at
			from dossier""";

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
				rs.getString(8), Channel.valueOf(rs.getString(9)), rs.getObject(10, Long.class), rs.getObject(11, Long.class), rs.getString(12),
				rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16), instant(rs, 17), instant(rs, 18),
				rs.getObject(19, LocalDate.class), instant(rs, 20), rs.getObject(21, Integer.class), rs.getString(22), rs.getString(23),
				instant(rs, 24), rs.getLong(25), rs.getObject(26, Long.class), instant(rs, 27));
	}

	private Row lockAny(long id) {
		return jdbc.sql(ROW + " where id = ? for update").param(id).query(this::row).optional().orElseThrow(DossierNotFound::new);
	}

	private Row lockOwn(Caller citizen, long id) {
		return jdbc.sql(ROW + " where id = ? and (citizen_id = ? or submitted_by_citizen = ?) for update")
			.params(id, citizen.citizenId(), citizen.citizenId()).query(this::row).optional().orElseThrow(DossierNotFound::new);
	}

	private Row lockOfficial(Caller official, long id) {
		return jdbc.sql(ROW + " where id = ? and unit_code = ? and state <> 'draft' for update").params(id, official.unitCode())
			.query(this::row).optional().orElseThrow(DossierNotFound::new);
	}

	private Optional<Row> visible(Caller caller, long id) {
		if (caller.isCitizen()) {
			return jdbc.sql(ROW + " where id = ? and (citizen_id = ? or submitted_by_citizen = ?)")
				.params(id, caller.citizenId(), caller.citizenId()).query(this::row).optional();
		}
		return jdbc.sql(ROW + " where id = ? and unit_code = ? and state <> 'draft'").params(id, caller.unitCode()).query(this::row).optional();
	}

	private Timeliness timeliness(Row r) {
		if (r.state().equals("draft") || r.state().equals("refused")) {
			return Timeliness.NONE;
		}
		var clockState = workflows.get(r.workflow()).states().get(r.state());
		return sla.timeliness(clockState == null ? "waiting" : clockState.clock(), r.dueDate(),
				r.resultAt() == null ? null : LocalDate.ofInstant(r.resultAt(), Sla.VIETNAM), sla.today());
	}

	private static final String SUMMARY = """
			select id, code, procedure_code, procedure_name, applicant_name, channel, state, submitted_at, due_date, assignee_name,
			       workflow, result_at
			from dossier""";

	private DossierSummary summary(ResultSet rs, int n) throws SQLException {
		var state = rs.getString(7);
		var due = rs.getObject(9, LocalDate.class);
		var result = instant(rs, 12);
		var st = workflows.get(rs.getString(11)).states().get(state);
		var t = state.equals("draft") || state.equals("refused") || st == null ? Timeliness.NONE
				: sla.timeliness(st.clock(), due, result == null ? null : LocalDate.ofInstant(result, Sla.VIETNAM), sla.today());
		return new DossierSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				Channel.valueOf(rs.getString(6)), state, stateLabel(state), instant(rs, 8), due, rs.getString(10), t);
	}

	private List<DossierFile> files(long dossierId) {
		return jdbc.sql("select id, name, content_type, size, paper_code, digitised, is_result, added_by, added_at from dossier_file where dossier_id = ? order by id")
			.param(dossierId)
			.query((rs, n) -> new DossierFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

	private Optional<Dossier> load(long id) {
		return jdbc.sql("""
				select id, unit_code, code, procedure_code, procedure_version_id, procedure_name, channel, citizen_id, applicant_name,
				       applicant_cccd, applicant_phone, applicant_email, applicant_address, assisted_by, consent_by, consent_method,
				       consent_at, consent_reference, form::text, state, version, submitted_at, received_at, due_date, paused_at,
				       paused_days_left, assignee_name, result_at, returned_at, return_method, post_tracking, fee_vnd, bill_id,
				       paid_at is not null, paid_online, rating, rating_comment, verify_token, workflow
				from dossier where id = ?""").param(id).query((rs, n) -> {
			var consent = rs.getString(15) == null ? null
					: new Consent(rs.getString(15), Consent.Method.valueOf(rs.getString(16)), rs.getTimestamp(17).toInstant(),
							rs.getString(18) == null ? "" : rs.getString(18));
			Map<String, String> form = json.readValue(rs.getString(19), new TypeReference<java.util.TreeMap<String, String>>() {
			});
			var state = rs.getString(20);
			return new Dossier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
					Channel.valueOf(rs.getString(7)), rs.getObject(8, Long.class),
					new Applicant(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)),
					rs.getString(14), consent, form, state, stateLabel(state), rs.getLong(21), instant(rs, 22), instant(rs, 23),
					rs.getObject(24, LocalDate.class), instant(rs, 25), rs.getObject(26, Integer.class), rs.getString(27), instant(rs, 28),
					instant(rs, 29), rs.getString(30), rs.getString(31), rs.getLong(32), rs.getObject(33, Long.class), rs.getBoolean(34),
					rs.getBoolean(35), rs.getObject(36, Integer.class), rs.getString(37), rs.getString(38), Timeliness.NONE, List.of(), List.of());
		}).optional().map(d -> {
			var r = lockFree(d.id());
			var w = workflows.get(r.workflow());
			var evs = jdbc.sql("select id, at, actor, actor_name, action, from_state, to_state, note, file_ids from dossier_event where dossier_id = ? order by id")
				.param(d.id())
				.query((rs, n) -> new DossierEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getString(5), w.action(rs.getString(5)).map(Action::label).orElse(actionLabel(rs.getString(5))), rs.getString(6),
						rs.getString(7), rs.getString(8), ids(rs.getArray(9))))
				.list();
			return new Dossier(d.id(), d.unitCode(), d.code(), d.procedureCode(), d.procedureVersionId(), d.procedureName(), d.channel(),
					d.citizenId(), d.applicant(), d.assistedBy(), d.consent(), d.form(), d.state(), d.stateLabel(), d.version(),
					d.submittedAt(), d.receivedAt(), d.dueDate(), d.pausedAt(), d.workingDaysLeftWhenPaused(), d.assignee(), d.resultAt(),
					d.returnedAt(), d.returnMethod(), d.postTrackingNumber(), d.feeVnd(), d.billId(), d.paid(), d.paidOnline(), d.rating(),
					d.ratingComment(), d.verifyToken(), timeliness(r), evs, files(d.id()));
		});
	}

	private Row lockFree(long id) {
		return jdbc.sql(ROW + " where id = ?").param(id).query(this::row).single();
	}

	private static List<Long> ids(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		var out = new ArrayList<Long>();
		for (var o : (Object[]) array.getArray()) {
			out.add(((Number) o).longValue());
		}
		return out;
	}
}
