package vn.xaso.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;

/**
 * Checks an official's username, password and (when turned on) six-digit code. Five wrong
 * attempts lock the account for 15 minutes. Looking the account up happens before we know the
 * unit, so it runs with system scope; everything after runs in the account's own unit.
 */
@Component
public class OfficialSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(OfficialSignIn.class);
	public static final int LOCK_THRESHOLD = 5;
	public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final OfficialRepository officials;
	private final PasswordEncoder encoder;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Units units;
	private final Clock clock;
	private final String dummyHash;

	OfficialSignIn(OfficialRepository officials, PasswordEncoder encoder, AuditLog audit, TransactionTemplate tx,
			Units units, Optional<Clock> clock) {
		this.officials = officials;
		this.encoder = encoder;
		this.audit = audit;
		this.tx = tx;
		this.units = units;
		this.clock = clock.orElse(Clock.systemUTC());
		this.dummyHash = encoder.encode("not-a-real-password-0");
	}

	/** Thrown when the password was right but the account needs its six-digit code. */
	public static class CodeRequiredException extends AuthenticationException {

		public CodeRequiredException() {
			super("code required");
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var username = String.valueOf(authentication.getName()).strip().toLowerCase(java.util.Locale.ROOT);
		var password = String.valueOf(authentication.getCredentials());
		var code = authentication.getDetails() instanceof SignInDetails d ? d.code() : null;
		var found = Tenancy.callAs(UnitScope.systemWide(),
				() -> tx.execute(s -> officials.findByUsername(username)));
		if (found == null || found.isEmpty()) {
			encoder.matches(password, dummyHash); // same work as a real check: no timing hint that the name is unknown
			throw new BadCredentialsException("unknown");
		}
		var official = found.get();
		var now = clock.instant();
		if (!official.active()) {
			throw new DisabledException("disabled");
		}
		if (official.lockedAt(now)) {
			throw new LockedException("locked");
		}
		var passwordOk = encoder.matches(password, official.passwordHash());
		if (passwordOk && official.totpEnabled() && (code == null || code.isBlank())) {
			throw new CodeRequiredException();
		}
		if (!passwordOk || (official.totpEnabled() && !Accounts.totpMatches(official.totpSecret(), code))) {
			var attempts = inUnit(official.unitCode(), () -> {
				int n = officials.recordFailure(official.id(), LOCK_THRESHOLD, now.plus(LOCK_DURATION));
				audit.record(AuditEvent.of(official.unitCode(), username, n >= LOCK_THRESHOLD ? "signin.locked" : "signin.failure")
					.on("official", official.id())
					.change(null, "attempts=" + n));
				return n;
			});
			log.info("Failed sign-in for {} ({} attempts)", username, attempts);
			if (attempts >= LOCK_THRESHOLD) {
				throw new LockedException("locked");
			}
			throw new BadCredentialsException("bad password");
		}
		inUnit(official.unitCode(), () -> {
			officials.recordSuccess(official.id(), now);
			audit.record(AuditEvent.of(official.unitCode(), username, "signin.success").on("official", official.id()));
			return null;
		});
		var principal = principal(official);
		var authorities = official.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	private OfficialPrincipal principal(OfficialRecord official) {
		var scope = new HashSet<String>();
		scope.add(official.unitCode());
		var label = units.find(official.unitCode()).map(u -> u.name()).orElse(official.unitCode());
		if (official.roles().contains(Role.PROVINCE_VIEWER) && official.unitCode().length() == 2) {
			scope.addAll(units.communesOf(official.unitCode()));
		}
		return new OfficialPrincipal(official.id(), official.username(), official.fullName(), official.unitCode(),
				label, official.roles(), UnitScope.of(scope));
	}

	private <T> T inUnit(String unitCode, java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
