package vn.xaso.setup.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.setup.internal.ProvinceStore.CheckedRow;
import vn.xaso.units.Units;

/**
 * A province administrator onboards many communes at once: the spreadsheet is checked first (a dry run that
 * stores the rows with their problems and creates nothing), then confirming creates one setup invitation per
 * commune (a one-time token, {@link #INVITE_LIFE}) and sends the link by text message and e-mail. Confirming
 * the same checked file twice invites nobody twice.
 */
@Service
public class ProvinceOnboarding {

	public static final Duration INVITE_LIFE = Duration.ofDays(30);
	static final String AGENCY = "[A-Z0-9][A-Z0-9.-]{1,19}";
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final ProvinceStore store;
	private final ProvinceCommunes communes;
	private final InvitationSender sender;
	private final Units units;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	ProvinceOnboarding(ProvinceStore store, ProvinceCommunes communes, InvitationSender sender, Units units, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.events = events;
		this.communes = communes;
		this.sender = sender;
		this.units = units;
		this.tx = new TransactionTemplate(transactions);
	}

	/** The result of confirming: how many communes were invited now (0 when this file was already confirmed). */
	public record Confirmed(long importId, int invited, boolean already) {
	}

	/** Dry run: reads and checks the file, keeps the checked rows for confirmation; nothing else changes. */
	public long check(String provinceCode, String actor, @Nullable String filename, byte[] content) {
		requireProvince(provinceCode);
		var rows = OnboardingFile.read(filename, content);
		var checked = check(provinceCode, rows.stream().map(r -> new CheckedRow(r.line(), r.communeCode(), "", r.agencyCode(),
				r.adminName(), r.phone(), r.email(), List.of(), null)).toList());
		return tx.execute(s -> store.insertImport(provinceCode, actor, checked));
	}

	/** A checked file of this province. */
	public Optional<ProvinceStore.Import> find(String provinceCode, long id) {
		return tx.execute(s -> store.findImport(id)).filter(i -> i.provinceCode().equals(provinceCode));
	}

	/**
	 * Creates the invitations of a checked file, all or none, and sends the links. The rows are checked again
	 * (a commune may have gone live since); with any problem nothing is created and the new problems are kept.
	 */
	public Confirmed confirm(String provinceCode, String actor, long importId) {
		var links = new ArrayList<InvitationSender.Link>();
		var result = tx.execute(s -> {
			var found = store.lockImport(importId).filter(i -> i.provinceCode().equals(provinceCode))
				.orElseThrow(() -> SetupException.of(null, "setup.error.checkedListMissing"));
			if (found.confirmedAt() != null) {
				return new Confirmed(importId, 0, true);
			}
			var again = check(provinceCode, found.rows());
			if (again.stream().anyMatch(r -> !r.ok())) {
				store.replaceRows(importId, again);
				return null;
			}
			var expires = Instant.now().plus(INVITE_LIFE);
			for (var row : again) {
				var token = SetupTokens.random(32);
				if (!store.invite(row.communeCode(), provinceCode, SetupTokens.hash(token), row, importId, actor, expires)) {
					throw new IllegalStateException("Commune " + row.communeCode() + " changed while inviting");
				}
				links.add(InvitationSender.Link.of(provinceCode, row, token));
			}
			store.confirmImport(importId);
			return new Confirmed(importId, again.size(), false);
		});
		if (result == null) {
			throw SetupException.of("file", "setup.error.listNoLongerValid");
		}
		sender.send(provinceCode, links);
		return result;
	}

	/**
	 * "Gửi lại": a new link for a commune still at the invitation step (the old link stops working at once), sent
	 * through the outbox again, audited. {@code currentKey} is the link the page showed ({@link ProvinceCommunes.Link#key});
	 * when it is no longer the current one (a double click, another browser) nothing happens and false is returned.
	 */
	public boolean resend(String provinceCode, String actor, String communeCode, String currentKey) {
		var links = new ArrayList<InvitationSender.Link>();
		var renewed = inProvince(units, provinceCode, () -> tx.execute(s -> {
			var invite = store.lockInvite(communeCode).filter(i -> i.provinceCode().equals(provinceCode))
				.orElseThrow(() -> SetupException.of(null, "setup.error.notInvited"));
			if (!invite.tokenHash().startsWith(currentKey) || currentKey.length() != ProvinceCommunes.KEY_LENGTH) {
				return false;
			}
			if (invite.finished() || invite.step() != 1) {
				throw SetupException.of(null, "setup.error.inviteTaken");
			}
			var token = SetupTokens.random(32);
			if (!store.renew(communeCode, SetupTokens.hash(token), actor, Instant.now().plus(INVITE_LIFE))) {
				return false;
			}
			var name = units.find(communeCode).map(vn.xaso.units.Unit::name).orElse(communeCode);
			links.add(new InvitationSender.Link(provinceCode, communeCode, name, invite.adminName(), invite.adminPhone(),
					invite.adminEmail() == null ? "" : invite.adminEmail(), token));
			events.publishEvent(AuditEvent.of(provinceCode, actor, "setup.province.invite-resent").on("commune", communeCode)
				.change(null, SetupException.vietnamese("setup.text.resentTo", PersonalData.maskPhone(invite.adminPhone()))));
			return true;
		}));
		sender.send(provinceCode, links);
		return Boolean.TRUE.equals(renewed);
	}

	/**
	 * Every problem of every row, as messages kept with the checked file (said in the reader's language); already
	 * invited communes get a remark (the new link replaces the old).
	 */
	List<CheckedRow> check(String provinceCode, List<CheckedRow> rows) {
		var province = units.find(provinceCode).orElseThrow();
		var states = communes.states(provinceCode);
		Map<String, Integer> communeLines = new HashMap<>();
		Map<String, Integer> agencyLines = new HashMap<>();
		var result = new ArrayList<CheckedRow>();
		for (var row : rows) {
			var problems = new ArrayList<ProvinceStore.Message>();
			ProvinceStore.Message remark = null;
			var code = row.communeCode().strip();
			var name = "";
			var unit = code.matches("[0-9]{5}") ? units.find(code).filter(u -> units.isCommune(u.code())) : Optional.<vn.xaso.units.Unit>empty();
			if (code.isEmpty()) {
				problems.add(said("setup.error.row.noCommuneCode"));
			}
			else if (unit.isEmpty()) {
				problems.add(said("setup.error.row.noSuchCommune", code));
			}
			else {
				name = unit.get().name();
				if (!provinceCode.equals(unit.get().provinceCode())) {
					var other = units.find(unit.get().provinceCode()).map(vn.xaso.units.Unit::name).orElse(unit.get().provinceCode());
					problems.add(said("setup.error.row.otherProvince", name, other, province.name()));
				}
				else {
					var state = states.get(code);
					if (state != null && state.state() == ProvinceCommunes.State.LIVE) {
						problems.add(said("setup.error.row.live", name));
					}
					else if (state != null && state.state() == ProvinceCommunes.State.HALF_WAY) {
						problems.add(said("setup.error.row.halfWay", name));
					}
					else if (state != null && state.state() == ProvinceCommunes.State.INVITED) {
						remark = said("setup.text.invitedBefore");
					}
				}
				var earlier = communeLines.putIfAbsent(code, row.line());
				if (earlier != null) {
					problems.add(said("setup.error.row.sameCommune", String.valueOf(earlier), code));
				}
			}
			var agency = row.agencyCode().strip().toUpperCase(Locale.ROOT);
			if (agency.isEmpty()) {
				problems.add(said("setup.error.row.noAgency"));
			}
			else if (!agency.matches(AGENCY) || (agency.matches("X[0-9]{5}") && !agency.equals("X" + code))) {
				problems.add(said("setup.error.row.agencyBad", agency));
			}
			else {
				var earlier = agencyLines.putIfAbsent(agency, row.line());
				if (earlier != null) {
					problems.add(said("setup.error.row.sameAgency", agency, String.valueOf(earlier)));
				}
			}
			var adminName = row.adminName().strip().replaceAll("\\s+", " ");
			if (adminName.isEmpty() || adminName.length() > 100) {
				problems.add(said("setup.error.row.noAdminName", "100"));
			}
			var phone = PersonalData.normalisePhone(row.phone());
			if (row.phone().isBlank()) {
				problems.add(said("setup.error.row.noPhone"));
			}
			else if (phone == null) {
				problems.add(said("setup.error.row.phoneBad", row.phone()));
			}
			var email = row.email().strip();
			if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
				problems.add(said("setup.error.row.emailBad", email));
			}
			result.add(new CheckedRow(row.line(), code, name, agency, adminName, phone != null ? phone : row.phone(), email,
					List.copyOf(problems), remark));
		}
		return result;
	}

	/** A problem kept with the checked file: its key and arguments. */
	private static ProvinceStore.Message said(String key, Object... args) {
		return ProvinceStore.Message.of(key, args);
	}

	private void requireProvince(String provinceCode) {
		if (provinceCode == null || units.find(provinceCode).filter(u -> u.parentCode() == null).isEmpty()) {
			throw SetupException.of(null, "setup.error.noProvince", String.valueOf(provinceCode));
		}
	}

	/** The scope a province's work runs in: the province and all its communes. */
	static UnitScope scope(Units units, String provinceCode) {
		var codes = new java.util.HashSet<>(units.communesOf(provinceCode));
		codes.add(provinceCode);
		return UnitScope.of(Set.copyOf(codes));
	}

	static <T> T inProvince(Units units, String provinceCode, java.util.function.Supplier<T> work) {
		return Tenancy.callAs(scope(units, provinceCode), work);
	}
}
