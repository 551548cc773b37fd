package vn.xaso.dossiers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * How every use case runs: one transaction in the right row-level-security scope — the official's own unit,
 * or system-wide for a citizen (every query then filtered by the citizen's id) — and who may call it.
 */
@Component
class DossierWork {

	private final ScopedTransactions tx;
	private final ScopedTransactions own;
	private final Clock clock;

	DossierWork(PlatformTransactionManager transactions, Clock clock) {
		this.tx = ScopedTransactions.joining(transactions);
		this.own = ScopedTransactions.own(transactions);
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	/** In the caller's scope: the official's unit, or system-wide for a citizen. */
	<T> T as(Caller caller, Supplier<T> work) {
		if (caller.isCitizen()) {
			return system(work);
		}
		var unit = caller.unitCode();
		if (unit == null || unit.isBlank()) {
			throw new DossierNotFound();
		}
		return inUnit(unit, work);
	}

	<T> T system(Supplier<T> work) {
		return tx.systemWide(work);
	}

	<T> T inUnit(String unitCode, Supplier<T> work) {
		return tx.asUnit(unitCode, work);
	}

	/** In a transaction of its own (a listener's work after the payer's commit; a look across units). */
	<T> T inNewTransaction(UnitScope scope, Supplier<T> work) {
		return own.as(scope, work);
	}

	/** In the current transaction, if any. */
	<T> T inTransaction(Supplier<T> work) {
		return tx.inTx(work);
	}

	static void requireCitizen(Caller caller) {
		if (!caller.isCitizen()) {
			throw Texts.refused("", "dossiers.error.citizenOnly");
		}
	}

	static void requireOfficial(Caller caller) {
		if (caller.isCitizen() || caller.unitCode() == null) {
			throw Texts.refused("", "dossiers.error.officialOnly");
		}
	}

	static String limit(@org.jspecify.annotations.Nullable String s, int max) {
		if (s == null) {
			return "";
		}
		return s.length() <= max ? s : s.substring(0, max);
	}
}
