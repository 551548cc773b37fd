package vn.xaso.dossiers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.DossierShortcuts;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Queue;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Two workflow actions as one step: both run through {@link Dossiers#act} (same checks, timeline, audit, events)
 * inside one outer transaction of the official's unit, so the second failing (no specialist chosen, no return
 * method) rolls back the first and the dossier is as it was.
 */
@Service
class QuickSteps implements DossierShortcuts {

	private final Dossiers dossiers;
	private final TransactionTemplate tx;
	private final SealingResult results;

	QuickSteps(Dossiers dossiers, PlatformTransactionManager transactions, SealingResult results) {
		this.dossiers = dossiers;
		this.results = results;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public Dossier receiveAndAssign(Caller oneStop, long dossierId, long expectedVersion, @Nullable String assignee, String note) {
		if (assignee == null || assignee.isBlank()) {
			throw DossierException.of("assignee", "dossiers.error.quick.assignee");
		}
		return inUnit(oneStop, () -> {
			var received = dossiers.act(oneStop, dossierId, ActionRequest.of("receive", expectedVersion, ""));
			if (!"received".equals(received.state())) {
				return received; // a same-day procedure: receiving already put it with the receiving officer
			}
			return dossiers.act(oneStop, dossierId, new ActionRequest("assign", received.version(), note == null ? "" : note, assignee,
					null, null, null, null, List.of()));
		});
	}

	@Override
	public Dossier releaseAndReturn(Caller oneStop, long dossierId, long expectedVersion, @Nullable String returnMethod,
			@Nullable String postTrackingNumber, String note, char @Nullable [] sealPassword) {
		if (returnMethod == null || returnMethod.isBlank()) {
			throw DossierException.of("returnMethod", "dossiers.error.quick.returnMethod");
		}
		return inUnit(oneStop, () -> {
			var dossier = dossiers.find(oneStop, dossierId).orElseThrow(DossierNotFound::new);
			long version = expectedVersion;
			if ("approved".equals(dossier.state())) {
				if (sealPassword != null && sealPassword.length > 0 && !results.sealed(dossierId)) {
					results.seal(oneStop, dossierId, sealPassword);
				}
				version = dossiers.act(oneStop, dossierId, ActionRequest.of("release", expectedVersion, "")).version();
			}
			return dossiers.act(oneStop, dossierId, new ActionRequest("return", version, note == null ? "" : note, null, returnMethod,
					postTrackingNumber, null, null, List.of()));
		});
	}

	@Override
	public Optional<Long> next(Caller official, long afterId) {
		var queues = new ArrayList<Queue>();
		if (official.has(Role.ONE_STOP)) {
			queues.add(Queue.NEW);
			queues.add(Queue.RESULT_READY);
		}
		if (official.has(Role.LEADER)) {
			queues.add(Queue.AWAITING_APPROVAL);
		}
		if (official.has(Role.SPECIALIST)) {
			queues.add(Queue.MINE);
		}
		for (var queue : queues) {
			var page = dossiers.search(official, new DossierSearch(null, null, null, queue, null, null, 1, 5));
			var next = page.rows().stream().filter(r -> r.id() != afterId).findFirst();
			if (next.isPresent()) {
				return Optional.of(next.get().id());
			}
		}
		return Optional.empty();
	}

	private <T> T inUnit(Caller caller, Supplier<T> work) {
		var unit = caller.unitCode();
		if (caller.isCitizen() || unit == null || unit.isBlank()) {
			throw DossierException.of("", "dossiers.error.quick.officialsOnly");
		}
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}
}
