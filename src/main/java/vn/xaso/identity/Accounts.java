package vn.xaso.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.internal.OfficialRecord;
import vn.xaso.identity.internal.OfficialRepository;
import vn.xaso.identity.internal.PasswordPolicy;
import vn.xaso.platform.PersonalData;

/**
 * Official accounts of one unit: list, create, change roles, lock and unlock, passwords and
 * two-step sign-in codes (TOTP). Every change is written to the audit log in the same transaction.
 * Callers pass the unit they act for (an administrator's own unit); row-level security refuses
 * any other.
 */
@Service
public class Accounts {

	private static final Set<Role> PROVINCE_ROLES = EnumSet.of(Role.PROVINCE_VIEWER, Role.ADMIN, Role.NATIONAL_ADMIN,
			Role.PROVINCE_ADMIN);

	private final OfficialRepository officials;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final vn.xaso.identity.internal.SignInThrottle throttle;
	private final vn.xaso.units.Villages villages;

	Accounts(OfficialRepository officials, PasswordEncoder encoder, ApplicationEventPublisher events,
			vn.xaso.identity.internal.SignInThrottle throttle, Optional<Clock> clock, vn.xaso.units.Villages villages) {
		this.throttle = throttle;
		this.villages = villages;
		this.officials = officials;
		this.encoder = encoder;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public record NewOfficial(String username, String fullName, @Nullable String title, @Nullable String phone,
			@Nullable String email, Set<Role> roles, @Nullable String villageCode, String password) {
	}

	public record Profile(String fullName, @Nullable String title, @Nullable String phone, @Nullable String email,
			Set<Role> roles, @Nullable String villageCode) {
	}

	/** An account as shown to administrators: the phone is masked. */
	public record OfficialView(long id, String unitCode, String username, String fullName, @Nullable String title,
			String maskedPhone, @Nullable String email, Set<Role> roles, @Nullable String villageCode, boolean active,
			boolean locked, boolean totp, @Nullable Instant lastSignInAt) {
	}

	public record OfficialPage(List<OfficialView> items, long total) {
	}

	@Transactional(readOnly = true)
	public OfficialPage list(String unitCode, @Nullable String q, int offset, int limit) {
		var query = q == null || q.isBlank() ? null : q.strip();
		if (query != null && query.length() > 100) {
			throw AccountException.of("q", "identity.error.qLong");
		}
		var now = clock.instant();
		var items = officials.search(unitCode, query, offset, limit).stream().map(r -> view(r, now)).toList();
		return new OfficialPage(items, officials.count(unitCode, query));
	}

	@Transactional(readOnly = true)
	public Optional<OfficialView> find(String unitCode, long id) {
		return officials.findInUnit(unitCode, id).map(r -> view(r, clock.instant()));
	}

	/**
	 * The phone of an active official, unmasked, for sending them a text (never for display).
	 * Empty when the account is unknown, inactive or has no phone.
	 */
	@Transactional(readOnly = true)
	public Optional<String> activePhoneOf(String unitCode, String username) {
		return officials.findByUsername(username)
			.filter(o -> o.unitCode().equals(unitCode) && o.active())
			.map(OfficialRecord::phone);
	}

	/**
	 * Whether any active administrator (commune or province onboarding administrator) exists in any unit
	 * (the first-run setup opens only when none does).
	 * Reads across units: call it inside {@code Tenancy.callAs(UnitScope.systemWide(), …)}.
	 */
	@Transactional(readOnly = true)
	public boolean administratorExists() {
		return officials.anyActiveAdministrator();
	}

	/**
	 * Which of the given communes already have an active administrator (a commune that is live). Reads
	 * across units: call it in a scope that sees them (a province's communes, or system-wide).
	 */
	@Transactional(readOnly = true)
	public Set<String> unitsWithAdministrator(java.util.Collection<String> unitCodes) {
		return officials.unitsWithActiveAdministrator(unitCodes);
	}

	@Transactional
	public long create(String unitCode, NewOfficial n) {
		var username = n.username() == null ? "" : n.username().strip().toLowerCase(java.util.Locale.ROOT);
		if (!username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
			throw AccountException.of("username", "identity.error.username");
		}
		var profile = validate(unitCode, new Profile(n.fullName(), n.title(), n.phone(), n.email(), n.roles(), n.villageCode()));
		var problem = PasswordPolicy.problem(n.password(), username);
		if (problem != null) {
			throw AccountException.of("password", problem.key(), problem.args());
		}
		long id;
		try {
			id = officials.insert(unitCode, username, profile.fullName(), profile.title(), profile.phone(),
					profile.email(), encoder.encode(n.password()), profile.roles(), profile.villageCode());
		}
		catch (DuplicateKeyException e) {
			throw AccountException.of("username", "identity.error.usernameTaken", username);
		}
		events.publishEvent(AuditEvent.of(unitCode, actor(), "account.created")
			.on("official", id)
			.change(null, username + " " + profile.roles()));
		return id;
	}

	@Transactional
	public void update(String unitCode, long id, Profile changes) {
		var current = existing(unitCode, id);
		// An empty phone field means "keep it": the form never shows the stored (unmasked) number.
		var profile = validate(unitCode, changes.phone() == null
				? new Profile(changes.fullName(), changes.title(), current.phone(), changes.email(), changes.roles(), changes.villageCode())
				: changes);
		if (isSelf(id) && current.roles().contains(Role.ADMIN) && !profile.roles().contains(Role.ADMIN)) {
			throw AccountException.of("roles", "identity.error.ownAdmin");
		}
		officials.updateProfile(id, profile.fullName(), profile.title(), profile.phone(), profile.email(),
				profile.roles(), profile.villageCode());
		var action = current.roles().equals(profile.roles()) ? "account.updated" : "account.roles.changed";
		events.publishEvent(AuditEvent.of(unitCode, actor(), action)
			.on("official", id)
			.change(current.fullName() + " " + current.roles(), profile.fullName() + " " + profile.roles()));
	}

	@Transactional
	public void setActive(String unitCode, long id, boolean active) {
		var current = existing(unitCode, id);
		if (!active && isSelf(id)) {
			throw AccountException.of(null, "identity.error.ownLock");
		}
		officials.setActive(id, active);
		events.publishEvent(AuditEvent.of(unitCode, actor(), active ? "account.enabled" : "account.disabled")
			.on("official", id)
			.change("active=" + current.active(), "active=" + active));
	}

	@Transactional
	public void unlock(String unitCode, long id) {
		var current = existing(unitCode, id);
		officials.unlock(id);
		throttle.forget(current.username());
		events.publishEvent(AuditEvent.of(unitCode, actor(), "account.unlocked").on("official", id));
	}

	@Transactional
	public void resetPassword(String unitCode, long id, String newPassword) {
		var current = existing(unitCode, id);
		var problem = PasswordPolicy.problem(newPassword, current.username());
		if (problem != null) {
			throw AccountException.of("password", problem.key(), problem.args());
		}
		officials.setPassword(id, encoder.encode(newPassword));
		officials.unlock(id);
		events.publishEvent(AuditEvent.of(unitCode, actor(), "account.password.reset").on("official", id));
	}

	/** The signed-in official changes their own password; the current one must be given. */
	@Transactional
	public void changeOwnPassword(OfficialPrincipal me, String currentPassword, String newPassword) {
		var record = existing(me.unitCode(), me.id());
		if (currentPassword == null || !encoder.matches(currentPassword, record.passwordHash())) {
			throw AccountException.of("currentPassword", "identity.error.currentPassword");
		}
		var problem = PasswordPolicy.problem(newPassword, record.username());
		if (problem != null) {
			throw AccountException.of("newPassword", problem.key(), problem.args());
		}
		if (encoder.matches(newPassword, record.passwordHash())) {
			throw AccountException.of("newPassword", "identity.error.samePassword");
		}
		officials.setPassword(me.id(), encoder.encode(newPassword));
		events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "account.password.changed").on("official", me.id()));
	}

	/** A fresh secret for the authenticator app; nothing is stored until {@link #enableTotp} confirms it. */
	public String newTotpSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	@Transactional
	public void enableTotp(OfficialPrincipal me, String secret, String code) {
		if (secret == null || !secret.matches("[A-Z2-7]{32}")) {
			throw AccountException.of("code", "identity.error.totpSecret");
		}
		if (!totpMatches(secret, code)) {
			throw AccountException.of("code", "identity.error.totpCode");
		}
		officials.setTotpSecret(me.id(), secret);
		events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "account.totp.enabled").on("official", me.id()));
	}

	@Transactional
	public void disableTotp(OfficialPrincipal me, String currentPassword) {
		var record = existing(me.unitCode(), me.id());
		if (currentPassword == null || !encoder.matches(currentPassword, record.passwordHash())) {
			throw AccountException.of("currentPassword", "identity.error.currentPassword");
		}
		officials.setTotpSecret(me.id(), null);
		events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "account.totp.disabled").on("official", me.id()));
	}

	@Transactional(readOnly = true)
	public boolean totpEnabled(OfficialPrincipal me) {
		return existing(me.unitCode(), me.id()).totpEnabled();
	}

	public static boolean totpMatches(String secret, @Nullable String code) {
		if (code == null || !code.strip().matches("[0-9]{6}")) {
			return false;
		}
		var verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
		verifier.setAllowedTimePeriodDiscrepancy(1);
		return verifier.isValidCode(secret, code.strip());
	}

	private OfficialRecord existing(String unitCode, long id) {
		return officials.findInUnit(unitCode, id)
			.orElseThrow(() -> AccountException.of(null, "identity.error.notFound"));
	}

	private Profile validate(String unitCode, Profile p) {
		var fullName = p.fullName() == null ? "" : java.text.Normalizer.normalize(p.fullName().strip(), java.text.Normalizer.Form.NFC);
		if (fullName.isEmpty() || fullName.length() > 100) {
			throw AccountException.of("fullName", "identity.error.fullName");
		}
		var title = blankToNull(p.title());
		if (title != null && title.length() > 100) {
			throw AccountException.of("title", "identity.error.title");
		}
		String phone = null;
		if (blankToNull(p.phone()) != null) {
			phone = PersonalData.normalisePhone(p.phone());
			if (phone == null) {
				throw AccountException.of("phone", "identity.error.officialPhone");
			}
		}
		var email = blankToNull(p.email());
		if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw AccountException.of("email", "identity.error.email");
		}
		var roles = p.roles() == null ? Set.<Role>of() : p.roles();
		if (roles.isEmpty()) {
			throw AccountException.of("roles", "identity.error.rolesNone");
		}
		if (roles.contains(Role.PRODUCER) && roles.size() > 1) {
			throw AccountException.of("roles", "identity.error.producerOnly");
		}
		var provinceUnit = unitCode.length() == 2;
		if (provinceUnit && !PROVINCE_ROLES.containsAll(roles)) {
			throw AccountException.of("roles", "identity.error.provinceRoles");
		}
		if (roles.contains(Role.NATIONAL_ADMIN) && (!provinceUnit || !mayGrantNationalAdmin())) {
			throw AccountException.of("roles", "identity.error.nationalAdmin");
		}
		if (!provinceUnit && (roles.contains(Role.PROVINCE_VIEWER) || roles.contains(Role.PROVINCE_ADMIN))) {
			throw AccountException.of("roles", "identity.error.provinceOnly");
		}
		var village = blankToNull(p.villageCode());
		if (roles.contains(Role.VILLAGE_HEAD) && village == null) {
			throw AccountException.of("villageCode", "identity.error.villageHead");
		}
		if (village != null && !village.startsWith(unitCode + "-")) {
			throw AccountException.of("villageCode", "identity.error.villageOther");
		}
		// the village binding (issue 16: a village head sees only their village's households): a village of the unit
		var bound = village;
		if (bound != null && villages.list(unitCode).stream().noneMatch(v -> v.code().equals(bound) && v.active())) {
			throw AccountException.of("villageCode", "identity.error.villageInactive");
		}
		return new Profile(fullName, title, phone, email, EnumSet.copyOf(roles), village);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static boolean isSelf(long id) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof OfficialPrincipal p && p.id() == id;
	}

	/** The operator (no one signed in: demo loader, command line) or a national administrator. */
	private static boolean mayGrantNationalAdmin() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !(auth.getPrincipal() instanceof OfficialPrincipal p) || p.roles().contains(Role.NATIONAL_ADMIN);
	}

	static String actor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof OfficialPrincipal p) {
			return p.username();
		}
		return "system";
	}

	private static OfficialView view(OfficialRecord r, Instant now) {
		return new OfficialView(r.id(), r.unitCode(), r.username(), r.fullName(), r.title(),
				PersonalData.maskPhone(r.phone()), r.email(), r.roles(), r.villageCode(), r.active(), r.lockedAt(now),
				r.totpEnabled(), r.lastSignInAt());
	}
}
