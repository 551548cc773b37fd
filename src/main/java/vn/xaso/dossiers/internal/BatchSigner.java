package vn.xaso.dossiers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import vn.xaso.audit.AuditEvent;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.BatchSigning;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;

/**
 * {@link BatchSigning}: checks the password once against the leader's own signing identity, then signs each
 * dossier through {@link Dossiers#act} ("approve", the version the leader reviewed) in its own transaction.
 */
@Service
class BatchSigner implements BatchSigning {

	private static final Logger log = LoggerFactory.getLogger(BatchSigner.class);
	static final int MOST = 50;

	private final Dossiers dossiers;
	private final SigningIdentities identities;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SigningGrants grants;

	BatchSigner(Dossiers dossiers, SigningIdentities identities, ApplicationEventPublisher events, Clock clock) {
		this.dossiers = dossiers;
		this.identities = identities;
		this.events = events;
		this.clock = clock;
		this.grants = new SigningGrants(clock, Duration.ofMinutes(GRANT_MINUTES));
	}

	@Override
	public List<Outcome> sign(Caller leader, String sessionKey, List<Item> items, char @Nullable [] password) {
		if (leader.isCitizen() || leader.unitCode() == null || !leader.has(Role.LEADER)) {
			throw DossierException.of("", "dossiers.error.batch.leaderOnly");
		}
		if (items.isEmpty()) {
			throw DossierException.of("pick", "dossiers.error.batch.nonePicked");
		}
		if (items.size() > MOST) {
			throw DossierException.of("pick", "dossiers.error.batch.tooMany", String.valueOf(MOST));
		}
		var key = key(leader, sessionKey);
		char[] secret;
		if (password != null && password.length > 0) {
			check(leader, password);
			secret = password.clone();
			grants.grant(key, password);
		}
		else {
			secret = grants.password(key).orElseThrow(() -> DossierException.of("signingPassword", "dossiers.error.batch.password",
					String.valueOf(GRANT_MINUTES)));
		}
		var unique = new LinkedHashMap<Long, Item>();
		items.forEach(i -> unique.putIfAbsent(i.dossierId(), i));
		var outcomes = new ArrayList<Outcome>();
		try {
			for (var item : unique.values()) {
				outcomes.add(signOne(leader, item, secret, unique.size()));
			}
		}
		finally {
			Arrays.fill(secret, '\0');
		}
		long signed = outcomes.stream().filter(Outcome::signed).count();
		Tenancy.runAs(UnitScope.of(leader.unitCode()), () -> events.publishEvent(AuditEvent.of(leader.unitCode(), leader.username(),
				"dossier.batch_sign").change(null, signed + "/" + outcomes.size() + " signed")));
		log.info("Batch signing by {}: {} of {} signed", leader.username(), signed, outcomes.size());
		return outcomes;
	}

	private Outcome signOne(Caller leader, Item item, char[] secret, int size) {
		try {
			var after = dossiers.act(leader, item.dossierId(), new ActionRequest("approve", item.expectedVersion(),
					DossierException.vietnamese("dossiers.batch.timelineNote", String.valueOf(size)), null, null, null, secret.clone(), null, List.of()));
			return new Outcome(item.dossierId(), after.code(), true, DossierException.vietnamese("dossiers.batch.signed", after.stateLabel()));
		}
		catch (DossierConflict e) {
			var now = dossiers.find(leader, item.dossierId());
			var code = now.map(d -> d.code()).orElse(null);
			boolean alreadySigned = now.map(d -> d.resultAt() != null && d.events().stream().anyMatch(ev -> "approve".equals(ev.action())))
				.orElse(false);
			return new Outcome(item.dossierId(), code, false, alreadySigned ? DossierException.vietnamese("dossiers.batch.alreadySigned") : e.getMessage());
		}
		catch (DossierNotFound e) {
			return new Outcome(item.dossierId(), null, false, DossierException.vietnamese("dossiers.batch.notFound"));
		}
		catch (DossierException e) {
			var code = dossiers.find(leader, item.dossierId()).map(d -> d.code()).orElse(null);
			return new Outcome(item.dossierId(), code, false, String.join(" ", e.errors().values()));
		}
	}

	/** Opens the leader's own signing identity once: a wrong password stops the batch before anything is signed. */
	private void check(Caller leader, char[] password) {
		var unit = leader.unitCode();
		Instant now = clock.instant();
		Tenancy.runAs(UnitScope.of(unit), () -> {
			var identity = identities.list(unit).stream()
				.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.OFFICIAL
						&& leader.username().equals(i.officialUsername()) && !i.expiredAt(now))
				.min(java.util.Comparator.comparing(SigningIdentity::id))
				.orElseThrow(() -> DossierException.of("signingPassword", "dossiers.error.batch.noIdentity"));
			try {
				identities.unlock(unit, identity.id(), password);
			}
			catch (SigningException e) {
				throw new DossierException("signingPassword", e.getMessage());
			}
		});
	}

	@Override
	public Optional<Instant> grantUntil(Caller leader, String sessionKey) {
		return grants.until(key(leader, sessionKey));
	}

	@Override
	public void endGrant(Caller leader, String sessionKey) {
		grants.end(key(leader, sessionKey));
	}

	@PreDestroy
	void stop() {
		grants.stop();
	}

	private static String key(Caller leader, String sessionKey) {
		return leader.unitCode() + "|" + leader.username() + "|" + sessionKey;
	}
}
