package vn.xaso.setup.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * Which setup a token opens: the instance's own first-run setup (the token printed at start), or the setup of a
 * commune invited by its province (the token of its invitation link, while the invitation is current). Both run
 * the same steps ({@link SetupCommuneStep}, {@link SetupAdminStep}, {@link SetupServiceStep}, {@link SetupSigningStep},
 * {@link SetupOfficials}, {@link SetupProcedures}, {@link SetupFinishStep}); an invited commune's step 1 asks only its
 * villages, its commune being known.
 */
@Service
public class SetupWizard {

	/** What a setup address opens: the running setup, a finished one, nothing (wrong token), or a spent invitation. */
	public enum Access { OPEN, FINISHED, WRONG, EXPIRED, REPLACED }

	private final SetupStore store;
	private final SetupTokens tokens;
	private final ProvinceStore province;
	private final Units units;
	private final TransactionTemplate tx;

	SetupWizard(SetupStore store, SetupTokens tokens, ProvinceStore province, Units units, PlatformTransactionManager transactions) {
		this.store = store;
		this.tokens = tokens;
		this.province = province;
		this.units = units;
		this.tx = new TransactionTemplate(transactions);
	}

	public Access access(String token) {
		if (tokens.matches(token)) {
			return Access.OPEN;
		}
		var invite = invitation(token);
		if (invite.isPresent()) {
			var i = invite.get();
			return i.finished() ? Access.FINISHED : i.expired(java.time.Instant.now()) ? Access.EXPIRED : Access.OPEN;
		}
		if (token == null || token.length() > 100) {
			return Access.WRONG;
		}
		var hash = SetupTokens.hash(token);
		if (tx.execute(s -> province.replacedCommune(hash)).isPresent()) {
			return Access.REPLACED;
		}
		var firstRun = store.find();
		return firstRun.isPresent() && firstRun.get().completed() && store.firstRunTokenHash().filter(hash::equals).isPresent()
				? Access.FINISHED : Access.WRONG;
	}

	/** The open setup behind {@code token}; refused when the token opens nothing (any more). */
	public SetupState state(String token) {
		if (tokens.matches(token)) {
			return store.find().orElseThrow();
		}
		var invite = invitation(token).filter(i -> !i.finished() && !i.expired(java.time.Instant.now()));
		if (invite.isEmpty()) {
			throw SetupException.of(null, "setup.error.addressWrong");
		}
		var i = invite.get();
		return store.invited(i.communeCode())
			.orElseGet(() -> tx.execute(s -> store.openInvited(i.communeCode(), i.tokenHash(), i.agencyCode(), i.adminUsername())));
	}

	/** The current invitation this token is the link of (finished or not), if any. */
	public Optional<ProvinceStore.Invite> invitation(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32,64}")) {
			return Optional.empty();
		}
		return tx.execute(s -> province.byToken(SetupTokens.hash(token)));
	}

	/** The invitation of an invited commune's setup. */
	public Optional<ProvinceStore.Invite> invitation(SetupState state) {
		if (!state.invited() || state.unitCode() == null) {
			return Optional.empty();
		}
		return tx.execute(s -> province.findInvite(state.unitCode()));
	}

	public Unit unit(SetupState state) {
		return units.find(state.unitCode()).orElseThrow();
	}

	static <T> T inUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), work);
	}
}
