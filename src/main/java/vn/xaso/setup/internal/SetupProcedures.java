package vn.xaso.setup.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.catalog.CatalogException;

import vn.xaso.catalog.CommuneProcedures;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.Procedures;
import vn.xaso.platform.VietnameseText;

/**
 * Setup step 6: which national procedures the commune offers (the others are hidden from its
 * catalogue) and, where a fee is one plain amount, the amount the commune charges.
 */
@Service
public class SetupProcedures {

	/** One line of step 6: the national procedure, whether the commune offers it, its fee there. */
	public record Row(Procedure procedure, boolean offered, @Nullable Long amount, String feeText) {

		public String feeField() {
			return "fee-" + procedure.code();
		}
	}

	private final SetupWizard wizard;
	private final SetupStore store;
	private final Procedures procedures;
	private final CommuneProcedures commune;

	SetupProcedures(SetupWizard wizard, SetupStore store, Procedures procedures, CommuneProcedures commune) {
		this.wizard = wizard;
		this.store = store;
		this.procedures = procedures;
		this.commune = commune;
	}

	public List<Procedure> nationalProcedures() {
		return procedures.search(null, null, null, 0, 100).items().stream().filter(Procedure::national).toList();
	}

	public List<Row> rows(String token) {
		var state = wizard.state(token);
		var unit = state.unitCode();
		var hidden = SetupWizard.inUnit(unit, () -> commune.hidden(unit));
		var rows = new ArrayList<Row>();
		for (var p : nationalProcedures()) {
			var inForce = SetupWizard.inUnit(unit, () -> commune.inForce(unit, p.code()));
			boolean offered = state.procedures() == null ? !hidden.contains(p.code()) : state.procedureCodes().contains(p.code());
			rows.add(new Row(p, offered, CommuneProcedures.plainAmount(inForce.fees()), inForce.fees().describe()));
		}
		return rows;
	}

	/**
	 * Saves step 6: the offered codes and the fee amounts typed for them ({@code fee-<code>} → "8.000").
	 * Amounts are checked first; nothing is changed when one is wrong.
	 */
	public void choose(String token, List<String> codes, Map<String, String> fees) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.PROCEDURES);
		var amounts = new LinkedHashMap<String, Long>();
		var errors = new SetupException.Errors();
		for (var row : rows(token)) {
			var typed = fees.get(row.feeField());
			if (typed == null || row.amount() == null || !codes.contains(row.procedure().code())) {
				continue;
			}
			// dots, spaces and "đ" or "đồng" after the amount (folded: with or without accents)
			var digits = VietnameseText.searchKey(typed).replaceAll("[.\\s]|d$|dong$", "").strip();
			if (!digits.matches("[0-9]{1,9}")) {
				errors.add(row.feeField(), "setup.error.fee", row.procedure().name());
				continue;
			}
			amounts.put(row.procedure().code(), Long.parseLong(digits));
		}
		if (!errors.isEmpty()) {
			throw errors.refusal();
		}
		var unit = state.unitCode();
		for (var e : amounts.entrySet()) {
			try {
				SetupWizard.inUnit(unit, () -> commune.setFee(unit, e.getKey(), e.getValue(), state.adminUsername()));
			}
			catch (CatalogException ex) {
				throw SetupException.quoting("fee-" + e.getKey(), ex);
			}
		}
		chooseProcedures(token, codes);
	}

	/** The procedures the commune offers; the others are hidden from its catalogue. */
	public void chooseProcedures(String token, List<String> codes) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.PROCEDURES);
		var known = nationalProcedures().stream().map(Procedure::code).toList();
		var chosen = codes.stream().filter(known::contains).distinct().toList();
		if (chosen.isEmpty()) {
			throw SetupException.of("procedures", "setup.error.noProcedure");
		}
		try {
			SetupWizard.inUnit(state.unitCode(), () -> {
				commune.offerOnly(state.unitCode(), chosen, state.adminUsername());
				return null;
			});
		}
		catch (CatalogException e) {
			throw SetupException.quoting("procedures", e);
		}
		store.procedures(state.id(), String.join(",", chosen), state.stepAfter(SetupState.PROCEDURES));
	}
}
