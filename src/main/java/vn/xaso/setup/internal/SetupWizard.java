package vn.xaso.setup.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.catalog.CatalogException;
import vn.xaso.catalog.CommuneProcedures;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.Procedures;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.RegisterNumbering;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.setup.SetupCompleted;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity.HolderKind;
import vn.xaso.units.Unit;
import vn.xaso.units.UnitValidationException;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * The setup use cases, one per wizard step. Every call names the token; every change is saved at
 * once (the wizard resumes where it stopped) and checked against the {@link SetupState} aggregate.
 */
@Service
public class SetupWizard {

	public record AdminInput(String fullName, String username, String password, String passwordAgain, String phone) {
	}

	public record ServiceInput(String agencyCode, String workingHours, String bankBin, String accountNumber,
			String accountName) {
	}

	private final SetupStore store;
	private final SetupTokens tokens;
	private final SetupStartup startup;
	private final Units units;
	private final Villages villages;
	private final Accounts accounts;
	private final Dossiers dossiers;
	private final Payments payments;
	private final SigningIdentities signing;
	private final Procedures procedures;
	private final RegisterNumbering numbering;
	private final CommuneProcedures communeProcedures;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	SetupWizard(SetupStore store, SetupTokens tokens, SetupStartup startup, Units units, Villages villages, Accounts accounts,
			Dossiers dossiers, Payments payments, SigningIdentities signing, Procedures procedures, RegisterNumbering numbering,
			CommuneProcedures communeProcedures, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.numbering = numbering;
		this.communeProcedures = communeProcedures;
		this.store = store;
		this.tokens = tokens;
		this.startup = startup;
		this.units = units;
		this.villages = villages;
		this.accounts = accounts;
		this.dossiers = dossiers;
		this.payments = payments;
		this.signing = signing;
		this.procedures = procedures;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What a setup address opens: the running setup, a finished one, or nothing (wrong token). */
	public enum Access { OPEN, FINISHED, WRONG }

	public Access access(String token) {
		var state = store.find();
		if (state.isPresent() && state.get().completed()) {
			return Access.FINISHED;
		}
		return tokens.matches(token) ? Access.OPEN : Access.WRONG;
	}

	public SetupState state(String token) {
		if (!tokens.matches(token)) {
			throw new SetupException(null, "Địa chỉ cài đặt không đúng hoặc đã dùng xong.");
		}
		return store.find().orElseThrow();
	}

	public Unit unit(SetupState state) {
		return units.find(state.unitCode()).orElseThrow();
	}

	public List<Unit> searchCommunes(String q) {
		var query = q == null ? "" : q.strip();
		if (query.length() < 2 || query.length() > 100) {
			throw new SetupException("q", "Hãy gõ ít nhất 2 chữ của tên xã, có dấu hay không dấu đều được, ví dụ: yen mo.");
		}
		return units.searchCommunes(query, 20);
	}

	public String provinceName(Unit commune) {
		return units.find(commune.provinceCode()).map(Unit::name).orElse("");
	}

	/** Step 1: the commune (a confirmed choice among the search results) and its villages. */
	public void chooseCommune(String token, String unitCode, String villagesText) {
		var state = state(token);
		state.requireOpen(SetupState.COMMUNE);
		if (unitCode == null || !unitCode.matches("[0-9]{5}") || !units.isCommune(unitCode)) {
			throw new SetupException("unit", "Hãy tìm và chọn xã của mình trong danh sách.");
		}
		state.requireCommuneChangeable(unitCode);
		var names = villageLines(villagesText);
		var existing = new java.util.HashSet<String>();
		villages.list(unitCode).forEach(v -> existing.add(OfficialsFile.fold(v.name())));
		for (var line : names) {
			var type = OfficialsFile.fold(line).startsWith("to dan pho") ? "Tổ dân phố" : "Thôn";
			try {
				var folded = OfficialsFile.fold(line.replaceFirst("^(?i)(thôn|thon|tổ dân phố|to dan pho)\\s+", ""));
				if (!existing.contains(folded)) {
					Tenancy.runAs(UnitScope.of(unitCode), () -> villages.create(unitCode, line, type));
					existing.add(folded);
				}
			}
			catch (UnitValidationException e) {
				throw new SetupException("villages", "Thôn \"" + line + "\": " + e.getMessage());
			}
		}
		store.commune(unitCode, String.join("\n", names), state.stepAfter(SetupState.COMMUNE));
	}

	static List<String> villageLines(@Nullable String text) {
		var names = new LinkedHashSet<String>();
		if (text != null) {
			for (var part : text.split("[\\n;]")) {
				var name = part.strip().replaceAll("\\s+", " ");
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
		}
		if (names.size() > 300) {
			throw new SetupException("villages", "Tối đa 300 thôn, tổ dân phố mỗi lần.");
		}
		return new ArrayList<>(names);
	}

	/**
	 * Step 2: the first administrator. The account is created in the same transaction that claims the
	 * setup's single administrator slot (a guarded UPDATE on the locked row): two browsers racing here get
	 * one administrator and one clear refusal.
	 */
	public void createAdmin(String token, AdminInput in) {
		var state = state(token);
		state.requireOpen(SetupState.ADMIN);
		state.requireAdminMissing();
		if (in.password() == null || !in.password().equals(in.passwordAgain())) {
			throw new SetupException("passwordAgain", "Hai lần nhập mật khẩu không giống nhau.");
		}
		if (in.phone() == null || in.phone().isBlank()) {
			throw new SetupException("phone", "Hãy nhập số điện thoại di động của quản trị viên (để khôi phục khi quên mật khẩu).");
		}
		var unit = state.unitCode();
		try {
			inUnit(unit, () -> tx.execute(status -> {
				var locked = store.lock().orElseThrow();
				locked.requireAdminMissing();
				var username = in.username() == null ? "" : in.username().strip().toLowerCase(java.util.Locale.ROOT);
				if (!store.claimAdmin(username, locked.stepAfter(SetupState.ADMIN))) {
					throw new SetupException("username", "Quản trị viên đầu tiên vừa được tạo ở một trình duyệt khác.");
				}
				accounts.create(unit, new Accounts.NewOfficial(username, in.fullName(), "Quản trị hệ thống", in.phone(), null,
						Set.of(Role.ADMIN), null, in.password()));
				return null;
			}));
		}
		catch (AccountException e) {
			throw new SetupException(e.field() == null ? "username" : e.field(), e.getMessage());
		}
	}

	public List<vn.xaso.payments.BankChoice> banks() {
		return payments.vietQrBanks();
	}

	public String agencyCode(SetupState state) {
		return inUnit(state.unitCode(), () -> dossiers.agencyCode(state.unitCode()));
	}

	/** Step 3: the one-stop agency code, working hours, and (optionally now) the bank account for VietQR. */
	public void service(String token, ServiceInput in) {
		var state = state(token);
		state.requireOpen(SetupState.SERVICE);
		var unit = state.unitCode();
		var errors = new LinkedHashMap<String, String>();
		var hours = in.workingHours() == null ? "" : in.workingHours().strip();
		if (hours.isEmpty() || hours.length() > 200) {
			errors.put("workingHours", "Hãy ghi giờ làm việc của bộ phận một cửa (tối đa 200 ký tự).");
		}
		var admin = Caller.official(unit, state.adminUsername(), "Cài đặt", Set.of(Role.ADMIN));
		var agency = in.agencyCode() == null ? "" : in.agencyCode().strip();
		if (!agency.isEmpty()) {
			try {
				inUnit(unit, () -> {
					dossiers.setAgencyCode(admin, agency);
					return null;
				});
			}
			catch (DossierException e) {
				errors.put("agencyCode", e.getMessage());
			}
		}
		boolean bank = !blank(in.bankBin()) || !blank(in.accountNumber()) || !blank(in.accountName());
		if (bank) {
			try {
				inUnit(unit, () -> payments.setReceivingAccount(unit, nz(in.bankBin()), nz(in.accountNumber()).replace(" ", ""),
						nz(in.accountName()), state.adminUsername()));
			}
			catch (PaymentException e) {
				errors.putAll(e.errors().isEmpty() ? java.util.Map.of("bankBin", e.getMessage()) : e.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new SetupException(errors);
		}
		store.service(agency.isEmpty() ? null : agency.toUpperCase(java.util.Locale.ROOT), hours, bank,
				state.stepAfter(SetupState.SERVICE));
	}

	/**
	 * Step 3, carrying over: the last numbers written this year in the paper registers of outgoing and
	 * incoming documents (blank: start at 01). The next release takes the following number.
	 */
	public void registers(String token, String lastOutgoing, String lastIncoming) {
		var state = state(token);
		state.requireOpen(SetupState.SERVICE);
		var errors = new LinkedHashMap<String, String>();
		carryOver(state, RegisterNumbering.Register.OUTGOING, lastOutgoing, "lastOutgoing", errors);
		carryOver(state, RegisterNumbering.Register.INCOMING, lastIncoming, "lastIncoming", errors);
		if (!errors.isEmpty()) {
			throw new SetupException(errors);
		}
	}

	private void carryOver(SetupState state, RegisterNumbering.Register register, @Nullable String text, String field,
			java.util.Map<String, String> errors) {
		var value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			return;
		}
		if (!value.matches("[0-9]{1,5}")) {
			errors.put(field, "Hãy ghi số cuối cùng đã dùng trong sổ năm nay bằng chữ số, ví dụ 57; để trống nếu chưa dùng số nào.");
			return;
		}
		try {
			inUnit(state.unitCode(), () -> {
				numbering.continueAfter(state.unitCode(), register, Integer.parseInt(value), state.adminUsername());
				return null;
			});
		}
		catch (DocumentException e) {
			errors.put(field, e.getMessage());
		}
	}

	public int lastUsed(SetupState state, RegisterNumbering.Register register) {
		return inUnit(state.unitCode(), () -> numbering.lastUsed(state.unitCode(), register));
	}

	public boolean bankSet(SetupState state) {
		return inUnit(state.unitCode(), () -> payments.receivingAccount(state.unitCode()).isPresent());
	}

	/** Step 4: the organisation's signing identity from a PKCS#12 file and its password. */
	public void importSigning(String token, byte[] p12, String password) {
		var state = state(token);
		state.requireOpen(SetupState.SIGNING);
		var unit = unit(state);
		try {
			inUnit(unit.code(), () -> signing.importPkcs12(unit.code(), state.adminUsername(), HolderKind.ORGANISATION,
					"UBND " + unit.name(), null, p12, password == null ? new char[0] : password.toCharArray()));
		}
		catch (SigningException e) {
			throw new SetupException("p12", e.getMessage());
		}
		store.signing("IMPORTED", state.stepAfter(SetupState.SIGNING));
	}

	/** Step 4, "later": nothing is signed with the commune's seal until an identity is imported. */
	public void signingLater(String token) {
		var state = state(token);
		state.requireOpen(SetupState.SIGNING);
		store.signing(state.signing() == null ? "LATER" : state.signing(), state.stepAfter(SetupState.SIGNING));
	}

	public List<Procedure> nationalProcedures() {
		return procedures.search(null, null, null, 0, 100).items().stream().filter(Procedure::national).toList();
	}

	/** Step 6: the procedures the commune offers; the others are hidden from its catalogue. */
	public void chooseProcedures(String token, List<String> codes) {
		var state = state(token);
		state.requireOpen(SetupState.PROCEDURES);
		var known = nationalProcedures().stream().map(Procedure::code).toList();
		var chosen = codes.stream().filter(known::contains).distinct().toList();
		if (chosen.isEmpty()) {
			throw new SetupException("procedures", "Hãy chọn ít nhất một thủ tục để người dân nộp hồ sơ.");
		}
		try {
			inUnit(state.unitCode(), () -> {
				communeProcedures.offerOnly(state.unitCode(), chosen, state.adminUsername());
				return null;
			});
		}
		catch (CatalogException e) {
			throw new SetupException("procedures", e.getMessage());
		}
		store.procedures(String.join(",", chosen), state.stepAfter(SetupState.PROCEDURES));
	}

	/** Step 7: finish. The setup address stops working and the rest of XaSo opens. */
	public SetupCompleted complete(String token) {
		var state = state(token);
		state.requireOpen(SetupState.CHECKLIST);
		if (!state.blockers().isEmpty()) {
			throw new SetupException(null, String.join(" ", state.blockers()));
		}
		var done = tx.execute(status -> {
			if (!store.complete()) {
				throw new SetupException(null, "Hệ thống đã được cài đặt xong.");
			}
			var event = new SetupCompleted(state.unitCode(), state.adminUsername(), java.time.Instant.now());
			events.publishEvent(event);
			return event;
		});
		startup.finished();
		return done;
	}

	static <T> T inUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), work);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s.strip();
	}
}
