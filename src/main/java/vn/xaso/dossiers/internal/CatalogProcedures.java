package vn.xaso.dossiers.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.springframework.stereotype.Component;

import vn.xaso.catalog.FeeInput;
import vn.xaso.catalog.FormField;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.ProcedureChanged;
import vn.xaso.catalog.Procedures;

/**
 * The catalogue module's procedures as the dossier core sees them, kept in memory: reading a procedure and parsing its
 * e-form took a transaction and 15 % of a submission's Java time (issue 15). A published version never changes, so
 * versions are kept until the memory bound; the version in force for a commune is forgotten when the catalogue says
 * it changed ({@link ProcedureChanged}, at once and again after that transaction ends) and re-read after
 * {@link #CURRENT_FOR} at the latest (a change published by another replica).
 */
@Component
class CatalogProcedures implements ProcedureCatalog {

	static final Duration CURRENT_FOR = Duration.ofSeconds(60);
	private static final int MAX_KEPT = 10_000;

	private record Kept(Optional<ProcedureInfo> info, long readAt) {
	}

	private final Procedures procedures;
	private final Map<String, Kept> current = new ConcurrentHashMap<>();
	private final Map<Long, ProcedureInfo> versions = new ConcurrentHashMap<>();

	CatalogProcedures(Procedures procedures) {
		this.procedures = procedures;
	}

	@Override
	public Optional<ProcedureInfo> current(String unitCode, String code) {
		var key = unitCode + "|" + code;
		var kept = current.get(key);
		if (kept != null && System.nanoTime() - kept.readAt() < CURRENT_FOR.toNanos()) {
			return kept.info();
		}
		var info = procedures.current(unitCode, code).map(CatalogProcedures::info);
		if (current.size() >= MAX_KEPT) {
			current.clear();
		}
		current.put(key, new Kept(info, System.nanoTime()));
		info.ifPresent(i -> keep(i));
		return info;
	}

	@Override
	public Optional<ProcedureInfo> version(long versionId) {
		var kept = versions.get(versionId);
		if (kept != null) {
			return Optional.of(kept);
		}
		var info = procedures.version(versionId).map(CatalogProcedures::info);
		info.ifPresent(i -> keep(i));
		return info;
	}

	private void keep(ProcedureInfo info) {
		if (versions.size() >= MAX_KEPT) {
			versions.clear();
		}
		versions.put(info.versionId(), info);
	}

	/** Forgets the versions in force now, and once more when the change's transaction has ended. */
	@EventListener
	void on(ProcedureChanged changed) {
		current.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					current.clear();
				}
			});
		}
	}

	static ProcedureInfo info(Procedure p) {
		var labels = new LinkedHashMap<String, String>();
		for (FormField f : p.form().fields()) {
			labels.put(f.name(), f.label());
		}
		return new ProcedureInfo(p.versionId(), p.code(), p.name(), p.field(), p.processingTime().amount(),
				p.processingTime().kind().name(), p.processingTime().cutoff(), form -> p.fees().amountVnd(feeInput(form)),
				p.papers().stream().map(r -> new ProcedureInfo.Paper(r.code(), r.name(), r.required(), r.filledByForm())).toList(),
				form -> p.form().problems(form), p.onlineMode().name(), p.resultTemplate(), p.workflow(), p.ownerUnit(),
				Map.copyOf(labels));
	}

	/**
	 * Pages of one copy and number of copies, read from the e-form when it asks for them (else 1 and 1).
	 * The form is validated first (the fields' min/max); a value that is not a whole number in range is
	 * refused here too rather than silently billed as 1: the fee is always for the quantity shown.
	 */
	static FeeInput feeInput(Map<String, String> form) {
		return new FeeInput(number("pages", form.get("pages")), number("copies", form.get("copies")));
	}

	private static int number(String name, String value) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		if (!value.strip().matches("[0-9]{1,9}")) {
			throw new IllegalArgumentException(Texts.vi("dossiers.error.feeNumber", name, value.strip()));
		}
		return Integer.parseInt(value.strip());
	}
}
