package vn.xaso.dossiers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.dossiers.Caller;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * "Xoá hồ sơ thử": removing the dossiers an administrator submitted while trying XaSo ("Thử nộp một hồ sơ", marked
 * {@code dossier.test} by {@link TestDossierMarks}). Only test dossiers are ever listed or removed — a real dossier
 * never, even when its id is posted — and among them only those that cannot have become real work: submitted in the
 * last {@link #WINDOW}, no bill or payment, no result approved, signed or returned. Each removal is audited with the
 * code, procedure and reason (no personal data). The code numbers they used are not reused: a removed test
 * dossier's number stays accounted for by its audit entry (dossiers.test-removed, with the code), so the daily
 * numbering keeps no unexplained gap and never a duplicate. SQL in {@link TestDossierTable}, {@link DossierTable} and {@link ApologyTable}.
 */
@Service
public class TestDossierRemoval {

	public static final Duration WINDOW = Duration.ofDays(30);

	/** A test dossier that may be removed, as listed to the administrator. */
	public record Candidate(long id, String code, String procedure, String applicant, String state, Instant submittedAt) {
	}

	private final TestDossierTable table;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final DossierMetrics metrics;
	private final DossierTable dossiers;
	private final ApologyTable apologies;

	TestDossierRemoval(TestDossierTable table, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
			DossierMetrics metrics, DossierTable dossiers, ApologyTable apologies) {
		this.dossiers = dossiers;
		this.apologies = apologies;
		this.metrics = metrics;
		this.table = table;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	public List<Candidate> candidates(Caller admin) {
		var unit = requireAdmin(admin);
		return in(unit, () -> table.removable(unit, since(), 200));
	}

	/**
	 * Removes the chosen test dossiers, all or none: every id must still be a removable test dossier. Returns how many
	 * were removed (0 when they were removed already — a double submit).
	 */
	public int remove(Caller admin, Collection<Long> ids, String reason, boolean confirmed) {
		var unit = requireAdmin(admin);
		var why = reason == null ? "" : reason.strip();
		if (ids.isEmpty()) {
			throw Texts.refused("ids", "dossiers.error.testRemoval.none");
		}
		if (why.length() < 5 || why.length() > 300) {
			throw Texts.refused("reason", "dossiers.error.testRemoval.reason");
		}
		if (!confirmed) {
			throw Texts.refused("confirm", "dossiers.error.testRemoval.confirm");
		}
		return in(unit, () -> {
			int existing = table.lockChosen(unit, ids);
			var removable = table.removableAmong(unit, since(), ids);
			if (removable.size() != existing) {
				throw Texts.refused("ids", "dossiers.error.testRemoval.notTest", String.valueOf(WINDOW.toDays()));
			}
			for (var d : removable) {
				metrics.withdraw(d.id()); // the dashboards' counters forget it too (−1 for each fact reported)
				apologies.deleteOf(d.id());
				dossiers.deleteTest(unit, d.id());
				events.publishEvent(AuditEvent.of(unit, admin.username(), "dossiers.test-removed").on("dossier", d.code())
					.change(d.code() + " — " + d.procedure(), Texts.vi("dossiers.text.testRemoved", why)));
			}
			return removable.size();
		});
	}

	private Instant since() {
		return clock.instant().minus(WINDOW);
	}

	private static String requireAdmin(Caller caller) {
		if (caller.isCitizen() || caller.unitCode() == null || !caller.roles().contains(Role.ADMIN)) {
			throw Texts.refused("ids", "dossiers.error.testRemoval.adminOnly");
		}
		return caller.unitCode();
	}

	private <T> T in(String unit, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}
}
