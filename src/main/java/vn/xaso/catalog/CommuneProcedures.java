package vn.xaso.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.catalog.internal.HiddenProcedureStore;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.units.Units;

/**
 * What one commune offers of the national catalogue: the procedures it hides (they leave its lists,
 * its procedure pages and its new dossiers) and the fee it charges where the fee is a plain amount
 * (a commune version of the procedure with the new amount). Used by setup step 6. Audited.
 */
@Service
public class CommuneProcedures {

	private final HiddenProcedureStore store;
	private final Procedures procedures;
	private final Units units;
	private final org.springframework.context.ApplicationEventPublisher events;

	CommuneProcedures(HiddenProcedureStore store, Procedures procedures, Units units,
			org.springframework.context.ApplicationEventPublisher events) {
		this.store = store;
		this.procedures = procedures;
		this.units = units;
		this.events = events;
	}

	/** Codes the commune does not offer. */
	@Transactional(readOnly = true)
	public Set<String> hidden(String unitCode) {
		return store.hidden(commune(unitCode));
	}

	/**
	 * The commune offers exactly {@code offered} among the national procedures: every other national
	 * code is hidden, every offered one shown again. Saying the same twice changes nothing.
	 */
	@Transactional
	public void offerOnly(String unitCode, Collection<String> offered, String actor) {
		var unit = commune(unitCode);
		var national = procedures.search(null, null, null, 0, 100).items().stream().filter(Procedure::national)
			.map(Procedure::code).toList();
		var hidden = new ArrayList<String>();
		var shown = new ArrayList<String>();
		for (var code : national) {
			if (offered.contains(code)) {
				if (store.show(unit, code)) {
					shown.add(code);
				}
			}
			else if (store.hide(unit, code, actor)) {
				hidden.add(code);
			}
		}
		if (!hidden.isEmpty() || !shown.isEmpty()) {
			events.publishEvent(AuditEvent.of(unit, actor, "catalog.procedures.offered").on("unit", unit)
				.change(hidden.isEmpty() ? null : vi("catalog.text.hidden", String.join(", ", hidden)),
						shown.isEmpty() ? null : vi("catalog.text.shownAgain", String.join(", ", shown))));
			events.publishEvent(new ProcedureChanged(unit, null));
		}
	}

	/**
	 * Offers one national procedure again ({@code offered}) or stops offering it, from the administrator's
	 * catalogue page after setup. Audited; saying the same twice changes nothing and returns false.
	 */
	@Transactional
	public boolean setOffered(String unitCode, String code, boolean offered, String actor) {
		var unit = commune(unitCode);
		var p = inForce(unit, code);
		if (!p.national()) {
			throw CatalogException.of("code", "catalog.error.hideOwn");
		}
		boolean changed = offered ? store.show(unit, p.code()) : store.hide(unit, p.code(), actor);
		if (changed) {
			events.publishEvent(AuditEvent.of(unit, actor, offered ? "catalog.procedure.offered-again" : "catalog.procedure.hidden")
				.on("procedure", p.code())
				.change(vi(offered ? "catalog.text.stateHidden" : "catalog.text.stateOffered"),
						vi(offered ? "catalog.text.offeredAgain" : "catalog.text.hidden", p.code() + " " + p.name())));
			events.publishEvent(new ProcedureChanged(unit, p.code()));
		}
		return changed;
	}

	/** A Vietnamese text of the catalog bundle, for what the audit log keeps. */
	private static String vi(String key, Object... args) {
		return vn.xaso.platform.Refusal.bundleText(CatalogException.BUNDLE, key, args);
	}

	/** The version the commune would use, hidden or not (its own newest, else the national newest). */
	@Transactional(readOnly = true)
	public Procedure inForce(String unitCode, String code) {
		var versions = procedures.history(commune(unitCode), code);
		if (versions.isEmpty()) {
			throw CatalogException.of("code", "catalog.error.noProcedure", code);
		}
		return versions.get(0);
	}

	/** The amount a fee is written as, when it is one plain amount (per copy or per case); else null. */
	public static @Nullable Long plainAmount(FeeSchedule fee) {
		return switch (fee) {
			case FeeSchedule.Fixed f -> f.vndPerCopy();
			case FeeSchedule.PerCase c -> c.vnd();
			default -> null;
		};
	}

	/**
	 * Sets the commune's amount for a procedure whose fee is one plain amount, by publishing a commune
	 * version with it; nothing is published when the amount is unchanged.
	 */
	@Transactional
	public boolean setFee(String unitCode, String code, long vnd, String actor) {
		var unit = commune(unitCode);
		if (vnd < 0 || vnd > 100_000_000L) {
			throw CatalogException.of("fee", "catalog.error.feeRange");
		}
		var p = inForce(unit, code);
		var now = plainAmount(p.fees());
		if (now == null) {
			throw CatalogException.of("fee", "catalog.error.feeNotFixed", p.name());
		}
		if (now == vnd) {
			return false;
		}
		FeeSchedule fee = switch (p.fees()) {
			case FeeSchedule.PerCase c -> new FeeSchedule.PerCase(vnd, c.unit());
			default -> new FeeSchedule.Fixed(vnd);
		};
		var d = ProcedureDraft.of(p);
		procedures.publish(unit, new ProcedureDraft(d.code(), d.name(), d.field(), d.processingTime(), fee, d.papers(),
				d.form(), d.onlineMode(), d.resultTemplate(), d.legalBasis(), d.workflow(), d.sources()), actor);
		return true;
	}

	private String commune(String unitCode) {
		var code = unitCode == null ? "" : unitCode.strip();
		if (!code.matches("[0-9]{5}") || !units.isCommune(code)) {
			throw CatalogException.of("unit", "catalog.error.unit", code);
		}
		if (!Tenancy.current().sees(code)) {
			throw CatalogException.of("unit", "catalog.error.notYourUnit");
		}
		return code;
	}
}
