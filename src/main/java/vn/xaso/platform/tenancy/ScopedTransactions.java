package vn.xaso.platform.tenancy;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a use case runs: in one transaction, in the row-level-security scope it needs — the caller's own (a signed-in
 * official's unit), the one unit a public page names, or system-wide (a citizen's own rows, every statement then
 * filtered by the citizen; trusted work across units).
 * <p>
 * Made {@link #joining} (the work joins the caller's transaction if there is one), {@link #own} (each call in a
 * transaction of its own) or {@link #ownWhenScoped} (the caller's scope joins; another scope gets a transaction of its
 * own, so that a listener's outer transaction, opened before the scope was known, is not joined).
 */
public final class ScopedTransactions {

	private final TransactionTemplate callers;
	private final TransactionTemplate scoped;

	private ScopedTransactions(PlatformTransactionManager transactions, int callers, int scoped) {
		this.callers = template(transactions, callers);
		this.scoped = template(transactions, scoped);
	}

	/** Every call joins the caller's transaction, if there is one. */
	public static ScopedTransactions joining(PlatformTransactionManager transactions) {
		return new ScopedTransactions(transactions, TransactionDefinition.PROPAGATION_REQUIRED,
				TransactionDefinition.PROPAGATION_REQUIRED);
	}

	/** Every call in a transaction of its own. */
	public static ScopedTransactions own(PlatformTransactionManager transactions) {
		return new ScopedTransactions(transactions, TransactionDefinition.PROPAGATION_REQUIRES_NEW,
				TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** {@link #inTx} joins the caller's transaction; a call in another scope runs in a transaction of its own. */
	public static ScopedTransactions ownWhenScoped(PlatformTransactionManager transactions) {
		return new ScopedTransactions(transactions, TransactionDefinition.PROPAGATION_REQUIRED,
				TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** In the caller's own scope (a signed-in official acts in their unit). */
	public <T> T inTx(Supplier<T> work) {
		return callers.execute(s -> work.get());
	}

	/** Like {@link #inTx}, for work without a result. */
	public void run(Runnable work) {
		callers.executeWithoutResult(s -> work.run());
	}

	/** In the scope of {@code unitCode} only. */
	public <T> T asUnit(String unitCode, Supplier<T> work) {
		return as(UnitScope.of(unitCode), work);
	}

	/** For a citizen's own rows (the citizen has no unit scope): system-wide, so every statement inside must filter by the citizen. */
	public <T> T asCitizen(Supplier<T> work) {
		return systemWide(work);
	}

	/** Trusted work across units (finding which unit something belongs to, a job). */
	public <T> T systemWide(Supplier<T> work) {
		return as(UnitScope.systemWide(), work);
	}

	/** In {@code scope}. */
	public <T> T as(UnitScope scope, Supplier<T> work) {
		return Tenancy.callAs(scope, () -> scoped.execute(s -> work.get()));
	}

	private static TransactionTemplate template(PlatformTransactionManager transactions, int propagation) {
		var template = new TransactionTemplate(transactions);
		template.setPropagationBehavior(propagation);
		return template;
	}
}
