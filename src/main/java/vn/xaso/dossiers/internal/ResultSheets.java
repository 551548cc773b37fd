package vn.xaso.dossiers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.Results;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.Json;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.units.Units;

/**
 * Results filled before signing (see {@link Results}); also what {@link ApprovingResult} signs at approval:
 * {@link #forSigning} merges the specialist's entries over the e-form, refuses a result with blanks, and gives the
 * civil-status entry its register number (per commune, register and year) if it has none yet.
 */
@Service
class ResultSheets implements Results {

	private static final String ROW = """
			select id, unit_code, code, procedure_version_id, procedure_name, result_template, state, workflow, form::text,
			       applicant_name, applicant_cccd, result_pdf is not null, result_signed_by from dossier""";

	private record Row(long id, String unitCode, String code, long versionId, String procedureName, String template, String state,
			String workflow, Map<String, String> form, String applicantName, String applicantCccd, boolean signed,
			@Nullable String signedBy) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final ProcedureCatalog catalog;
	private final Workflows workflows;
	private final Units units;
	private final Accounts accounts;
	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final AuditLog audit;
	private final Clock clock;
	private final PublicAddress publicUrl;
	private final JsonMapper json = Json.MAPPER;

	ResultSheets(JdbcClient jdbc, PlatformTransactionManager transactions, ProcedureCatalog catalog, Workflows workflows, Units units,
			Accounts accounts, SigningIdentities identities, PdfSigning signing, AuditLog audit, Clock clock,
			@Value("${xaso.dossiers.public-url:${XASO_PUBLIC_URL:}}") String publicUrl) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.catalog = catalog;
		this.workflows = workflows;
		this.units = units;
		this.accounts = accounts;
		this.identities = identities;
		this.signing = signing;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = new PublicAddress(publicUrl);
	}

	@Override
	public Sheet sheet(Caller official, long dossierId) {
		return as(official, () -> sheet(official, row(official, dossierId, false)));
	}

	@Override
	public Sheet save(Caller official, long dossierId, Map<String, String> entries) {
		return as(official, () -> {
			var row = row(official, dossierId, true);
			if (!editable(official, row)) {
				throw new DossierException("", "Chỉ công chức đang giải quyết hồ sơ điền kết quả, trước khi trình lãnh đạo ký.");
			}
			var errors = new LinkedHashMap<String, String>();
			var clean = new TreeMap<String, String>(entries(row.id()));
			for (var field : ResultFields.of(row.template())) {
				if (!entries.containsKey(field.key())) {
					continue; // not on the form sent: keep what was there (and the e-form's value)
				}
				var value = entries.get(field.key()) == null ? "" : entries.get(field.key()).strip();
				if (value.length() > 300) {
					errors.put(field.key(), field.label() + ": dài quá 300 ký tự.");
				}
				if (field.kind().equals("DATE") && !value.isEmpty() && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
					errors.put(field.key(), field.label() + ": hãy chọn ngày theo dạng ngày/tháng/năm.");
				}
				if (vn.xaso.platform.Blanks.in(value).isPresent()) {
					errors.put(field.key(), field.label() + ": còn chỗ trống \"" + vn.xaso.platform.Blanks.in(value).get()
							+ "\"; hãy điền nội dung thật.");
				}
				if (field.kind().equals("SEX") && !value.isEmpty() && !List.of("Nam", "Nữ").contains(value)) {
					errors.put(field.key(), field.label() + ": hãy chọn Nam hoặc Nữ.");
				}
				clean.put(field.key(), value);
			}
			if (!errors.isEmpty()) {
				throw new DossierException(errors);
			}
			jdbc.sql("""
					insert into dossier_result (dossier_id, unit_code, fields, filled_by, filled_at) values (?, ?, ?::jsonb, ?, now())
					on conflict (dossier_id) do update set fields = excluded.fields, filled_by = excluded.filled_by, filled_at = now()""")
				.params(row.id(), row.unitCode(), json.writeValueAsString(clean), official.username()).update();
			var merged = ResultFields.merge(row.template(), row.form(), clean);
			if (ResultFields.missing(row.template(), merged).isEmpty()) {
				registerNumber(row);
			}
			audit.record(AuditEvent.of(row.unitCode(), official.username(), "dossier.result.filled").on("dossier", row.id())
				.change(null, ResultFields.missing(row.template(), merged).isEmpty() ? "đủ" : "còn thiếu"));
			return sheet(official, row);
		});
	}

	@Override
	public byte[] preview(Caller official, long dossierId) {
		return as(official, () -> {
			var row = row(official, dossierId, false);
			var leader = accounts.list(row.unitCode(), null, 0, 200).items().stream()
				.filter(o -> o.active() && o.roles().contains(Role.LEADER)).map(Accounts.OfficialView::fullName).findFirst().orElse("");
			var base = new Pdfs.ResultData(issuer(row.unitCode()), row.template(), row.code(), row.procedureName(), row.form(), labels(row),
					row.applicantName(), row.applicantCccd(), "Chủ tịch", leader, LocalDate.now(clock.withZone(Sla.VIETNAM)),
					publicUrl.base() + "/verify");
			var entries = entries(row.id());
			var number = jdbc.sql("select register_number from dossier_result where dossier_id = ?").param(row.id())
				.query((rs, n) -> (Integer) rs.getObject(1)).optional().orElse(null);
			return Pdfs.result(with(base, ResultFields.merge(row.template(), row.form(), entries), number == null ? null : format(number)));
		});
	}

	/**
	 * The PDF the leader signs now (in the caller's transaction): refused with a plain message naming the blank
	 * fields, or when the rendered result still shows a "…" blank.
	 */
	byte[] forSigning(long dossierId, String unitCode, Pdfs.ResultData base) {
		var row = jdbc.sql(ROW + " where id = ? and unit_code = ?").params(dossierId, unitCode).query(this::row).single();
		var merged = ResultFields.merge(row.template(), base.form(), entries(row.id()));
		var missing = ResultFields.missing(row.template(), merged);
		if (!missing.isEmpty()) {
			throw new DossierException("signingPassword", "Chưa ký được: kết quả còn để trống " + String.join(", ", missing)
					+ ". Công chức giải quyết hồ sơ hãy điền đủ ở trang \"Điền kết quả\" (/dossiers/" + dossierId + "/result) rồi trình ký lại.");
		}
		var number = registerNumber(row);
		var pdf = Pdfs.result(with(base, merged, number == null ? null : format(number)));
		var rendered = text(pdf);
		if (vn.xaso.platform.Blanks.in(rendered).isPresent()) {
			throw new DossierException("signingPassword", "Chưa ký được: kết quả còn chỗ trống ở dòng \""
					+ vn.xaso.platform.Blanks.where(rendered) + "\". Hãy xem trước và điền đủ kết quả ở trang \"Điền kết quả\" (/dossiers/"
					+ dossierId + "/result).");
		}
		return pdf;
	}

	@Override
	public void seal(Caller official, long dossierId, char[] password) {
		as(official, () -> {
			var row = row(official, dossierId, true);
			if (!canSeal(official, row)) {
				throw new DossierException("password", official.has(Role.CLERK) || official.has(Role.ONE_STOP)
						? "Chỉ đóng dấu được kết quả đã được lãnh đạo ký và chưa đóng dấu."
						: "Chỉ văn thư hoặc công chức một cửa đóng dấu kết quả.");
			}
			if (password == null || password.length == 0) {
				throw new DossierException("password", "Hãy nhập mật khẩu chữ ký số của cơ quan.");
			}
			var organisation = identities.list(row.unitCode()).stream()
				.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.ORGANISATION && !i.expiredAt(clock.instant()))
				.min(java.util.Comparator.comparing(SigningIdentity::id))
				.orElseThrow(() -> new DossierException("password", "Xã chưa có chữ ký số của cơ quan (còn hạn) nên chưa đóng dấu được."));
			try {
				var signer = identities.unlock(row.unitCode(), organisation.id(), password);
				var pdf = jdbc.sql("select result_pdf from dossier where id = ?").param(row.id()).query(byte[].class).single();
				var box = row.signedBy() == null ? null : SignerBox.find(pdf, row.signedBy());
				var sealed = signing.sign(pdf, signer, SignatureAppearance.organisation(organisation.holderName()).at(0, box));
				jdbc.sql("update dossier set result_pdf = ? where id = ?").params(sealed, row.id()).update();
				jdbc.sql("update dossier_file set content = ?, size = ?, sha256 = ? where dossier_id = ? and is_result and name = ?")
					.params(sealed, sealed.length, sha256(sealed), row.id(), "ket-qua-" + row.code() + ".pdf").update();
				jdbc.sql("""
						insert into dossier_result (dossier_id, unit_code, sealed_by, sealed_at) values (?, ?, ?, now())
						on conflict (dossier_id) do update set sealed_by = excluded.sealed_by, sealed_at = now()""")
					.params(row.id(), row.unitCode(), official.username()).update();
				audit.record(AuditEvent.of(row.unitCode(), official.username(), "dossier.result.sealed").on("dossier", row.id())
					.change(null, "ký số cơ quan: " + organisation.holderName()));
			}
			catch (SigningException e) {
				throw new DossierException("password", e.getMessage());
			}
			return null;
		});
	}

	@Override
	public List<AwaitingSeal> awaitingSeal(Caller official) {
		return as(official, () -> jdbc.sql("""
				select d.id, d.code, d.procedure_name, d.applicant_name, d.result_signed_at from dossier d
				left join dossier_result r on r.dossier_id = d.id
				where d.unit_code = ? and d.state in ('approved', 'result_ready') and d.result_pdf is not null and r.sealed_at is null
				order by d.result_signed_at nulls last, d.id limit 200""").param(official.unitCode())
			.query((rs, n) -> new AwaitingSeal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list());
	}

	/**
	 * Seal before the desk (issue 21): a signed result goes out to the desk only with the commune's seal, like any
	 * released document. Called by {@link ReleasingResult} at "release", in its transaction.
	 */
	void requireSealed(long dossierId) {
		boolean signed = jdbc.sql("select result_pdf is not null from dossier where id = ?").param(dossierId).query(Boolean.class).single();
		boolean sealed = jdbc.sql("select sealed_at is not null from dossier_result where dossier_id = ?").param(dossierId)
			.query(Boolean.class).optional().orElse(false);
		if (signed && !sealed) {
			throw new DossierException("", "Chưa chuyển kết quả ra bộ phận trả kết quả được: kết quả chưa được đóng dấu. Văn thư hoặc "
					+ "công chức một cửa hãy đóng dấu ở trang \"Kết quả chờ đóng dấu\" (/dossiers/seal), hoặc nhập mật khẩu chữ ký số của cơ quan "
					+ "khi bấm \"Trả kết quả\".");
		}
	}

	boolean sealed(long dossierId) {
		return jdbc.sql("select sealed_at is not null from dossier_result where dossier_id = ?").param(dossierId)
			.query(Boolean.class).optional().orElse(false);
	}

	/** Personal signature box for the leader's signature on {@code pdf}. */
	static SignatureAppearance.@Nullable Box signerBox(byte[] pdf, String signerName) {
		return SignerBox.find(pdf, signerName);
	}

	// ---------------------------------------------------------------- helpers

	private Sheet sheet(Caller official, Row row) {
		var entries = entries(row.id());
		var merged = ResultFields.merge(row.template(), row.form(), entries);
		var lines = new ArrayList<Line>();
		boolean father = !merged.getOrDefault("fatherName", "").isBlank();
		for (var f : ResultFields.of(row.template())) {
			var value = merged.getOrDefault(f.key(), "");
			lines.add(new Line(f.key(), f.label(), f.kind(), value, f.kind().equals("DATE") ? Pdfs.formatDate(value) : value,
					!f.key().equals("fatherName") && (!f.fatherOnly() || father)));
		}
		var register = jdbc.sql("select register_book, register_year, register_number, sealed_by from dossier_result where dossier_id = ?")
			.param(row.id()).query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2), rs.getObject(3), rs.getString(4) })
			.optional().orElse(new Object[4]);
		var book = ResultFields.book(row.template());
		return new Sheet(row.id(), row.code(), row.procedureName(), row.template(), row.state(),
				workflows.get(row.workflow()).state(row.state()).label(), lines, ResultFields.missing(row.template(), merged),
				book == null ? null : ResultFields.bookName(book), (Integer) register[1], (Integer) register[2], editable(official, row),
				row.signed(), register[3] != null, canSeal(official, row), (String) register[3]);
	}

	private static boolean editable(Caller official, Row row) {
		return (official.has(Role.SPECIALIST) || official.has(Role.ONE_STOP)) && List.of("received", "processing").contains(row.state());
	}

	private boolean canSeal(Caller official, Row row) {
		if (!(official.has(Role.CLERK) || official.has(Role.ONE_STOP)) || !row.signed()
				|| !List.of("approved", "result_ready").contains(row.state())) {
			return false;
		}
		return jdbc.sql("select sealed_at is null from dossier_result where dossier_id = ?").param(row.id()).query(Boolean.class)
			.optional().orElse(true);
	}

	/** The entry's register number, taken from the commune's register for the year when it has none yet. */
	private @Nullable Integer registerNumber(Row row) {
		var book = ResultFields.book(row.template());
		if (book == null) {
			return null;
		}
		var existing = jdbc.sql("select register_number from dossier_result where dossier_id = ? and register_number is not null")
			.param(row.id()).query(Integer.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		int year = LocalDate.now(clock.withZone(Sla.VIETNAM)).getYear();
		int number = jdbc.sql("""
				insert into civil_status_register (unit_code, book, year, last_number) values (?, ?, ?, 1)
				on conflict (unit_code, book, year) do update set last_number = civil_status_register.last_number + 1
				returning last_number""").params(row.unitCode(), book, year).query(Integer.class).single();
		jdbc.sql("""
				insert into dossier_result (dossier_id, unit_code, register_book, register_year, register_number) values (?, ?, ?, ?, ?)
				on conflict (dossier_id) do update set register_book = excluded.register_book, register_year = excluded.register_year,
				       register_number = excluded.register_number""").params(row.id(), row.unitCode(), book, year, number).update();
		return number;
	}

	static String format(int number) {
		return number < 10 ? "0" + number : Integer.toString(number);
	}

	private static Pdfs.ResultData with(Pdfs.ResultData d, Map<String, String> form, @Nullable String number) {
		return new Pdfs.ResultData(d.issuer(), d.template(), d.code(), d.procedureName(), form, d.fieldLabels(), d.applicantName(),
				d.applicantCccd(), d.signerTitle(), d.signerName(), d.date(), d.verifyUrl(), number);
	}

	private Map<String, String> entries(long dossierId) {
		var text = jdbc.sql("select fields::text from dossier_result where dossier_id = ?").param(dossierId).query(String.class).optional();
		return text.map(t -> (Map<String, String>) json.readValue(t, new TypeReference<TreeMap<String, String>>() {
		})).orElse(Map.of());
	}

	private Map<String, String> labels(Row row) {
		return catalog.version(row.versionId()).map(ProcedureInfo::labels).orElse(Map.of());
	}

	private Pdfs.Issuer issuer(String unitCode) {
		var unit = units.find(unitCode);
		var name = unit.map(vn.xaso.units.Unit::name).orElse("Xã");
		var province = unit.flatMap(u -> u.parentCode() == null ? java.util.Optional.empty() : units.find(u.parentCode()))
			.map(vn.xaso.units.Unit::name).orElse("");
		return new Pdfs.Issuer(name, province, unit.map(vn.xaso.units.Unit::shortName).orElse(name));
	}

	private Row row(Caller official, long dossierId, boolean lock) {
		if (official.isCitizen()) {
			throw new DossierNotFound();
		}
		return jdbc.sql(ROW + " where id = ? and unit_code = ? and state <> 'draft'" + (lock ? " for update" : ""))
			.params(dossierId, official.unitCode()).query(this::row).optional().orElseThrow(DossierNotFound::new);
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Map<String, String> form = json.readValue(rs.getString(9), new TypeReference<TreeMap<String, String>>() {
		});
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8), form, rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getString(13));
	}

	private <T> T as(Caller caller, Supplier<T> work) {
		var unit = caller.unitCode();
		if (caller.isCitizen() || unit == null || unit.isBlank()) {
			throw new DossierNotFound();
		}
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}

	private static String text(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
