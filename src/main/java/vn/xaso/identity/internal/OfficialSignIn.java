package vn.xaso.identity.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;

/**
 * Checks an official's username, password and (when turned on) six-digit code. Wrong attempts are
 * slowed by {@link SignInThrottle} (growing waits, never a hard lock), and every refusal but "code
 * needed" and "disabled" (said only after the right password) looks the same. Looking the account up happens before we know the
 * unit, so it runs with system scope; everything after runs in the account's own unit.
 */
@Component
public class OfficialSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(OfficialSignIn.class);

	private final OfficialRepository officials;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final Units units;
	private final Clock clock;
	private final String dummyHash;
	private final SignInThrottle throttle;

	OfficialSignIn(OfficialRepository officials, PasswordEncoder encoder, ApplicationEventPublisher events, TransactionTemplate tx,
			Units units, SignInThrottle throttle, Optional<Clock> clock) {
		this.officials = officials;
		this.throttle = throttle;
		this.encoder = encoder;
		this.events = events;
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
		var username = SignInThrottle.normalise(String.valueOf(authentication.getName()));
		var password = String.valueOf(authentication.getCredentials());
		var details = authentication.getDetails() instanceof SignInDetails d ? d : null;
		var code = details == null ? null : details.code();
		var address = details == null ? "unknown" : details.remoteAddress();
		var now = clock.instant();
		// While a wait runs, the password is not even checked, and the answer is the generic one.
		if (throttle.waitUntil(username, address, now).isPresent()) {
			log.info("Sign-in for {} refused: must wait after failures", username);
			throw new BadCredentialsException("wait");
		}
		var found = Tenancy.callAs(UnitScope.systemWide(),
				() -> tx.execute(s -> officials.findByUsername(username)));
		if (found == null || found.isEmpty()) {
			encoder.matches(password, dummyHash); // same work as a real check: no timing hint that the name is unknown
			throttle.recordFailure(username, address, now); // counted like a known name: same answers later
			throw new BadCredentialsException("unknown");
		}
		var official = found.get();
		var passwordOk = encoder.matches(password, official.passwordHash());
		if (passwordOk && !official.active()) {
			throw new DisabledException("disabled"); // said only to whoever knows the password
		}
		if (passwordOk && official.totpEnabled() && (code == null || code.isBlank())) {
			throw new CodeRequiredException();
		}
		if (!passwordOk || (official.totpEnabled() && !Accounts.totpMatches(official.totpSecret(), code))) {
			var userWait = throttle.recordFailure(username, address, now);
			var attempts = inUnit(official.unitCode(), () -> {
				int n = officials.recordFailure(official.id(), userWait.orElse(null));
				events.publishEvent(AuditEvent.of(official.unitCode(), username, userWait.isPresent() ? "signin.throttled" : "signin.failure")
					.on("official", official.id())
					.change(null, "attempts=" + n));
				return n;
			});
			log.info("Failed sign-in for {} ({} attempts)", username, attempts);
			throw new BadCredentialsException("bad password");
		}
		throttle.recordSuccess(username);
		inUnit(official.unitCode(), () -> {
			officials.recordSuccess(official.id(), now);
			events.publishEvent(AuditEvent.of(official.unitCode(), username, "signin.success").on("official", official.id()));
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
		if ((official.roles().contains(Role.PROVINCE_VIEWER) || official.roles().contains(Role.PROVINCE_ADMIN))
				&& official.unitCode().length() == 2) {
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
