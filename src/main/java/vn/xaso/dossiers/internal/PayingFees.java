package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * A dossier's fee: the bill opened through the payments module when the dossier is received (or submitted in a
 * procedure fully online), its VietQR, and the payment recorded when the bill is paid ({@link FeePaidListener}).
 */
@Component
class PayingFees {

	private final DossierWork work;
	private final DossierTable table;
	private final Billing billing;
	private final Journal journal;

	PayingFees(DossierWork work, DossierTable table, Billing billing, Journal journal) {
		this.work = work;
		this.table = table;
		this.billing = billing;
		this.journal = journal;
	}

	/** Opens the bill of the procedure's fee for the dossier's form, once; none when the fee is zero. */
	@Nullable Long openBill(DossierTable.Row row, ProcedureInfo procedure, String payerName, @Nullable Long citizenId) {
		if (row.billId() != null) {
			return row.billId();
		}
		long fee = procedure.fee().applyAsLong(table.form(row.id()));
		return openBill(row.unitCode(), row.id(), java.util.Objects.requireNonNull(row.code()), procedure, fee, payerName, citizenId);
	}

	/** Opens the bill of {@code fee} for a numbered dossier; none when the fee is zero. */
	@Nullable Long openBill(String unitCode, long id, String code, ProcedureInfo procedure, long fee, String payerName,
			@Nullable Long citizenId) {
		if (fee <= 0) {
			return null;
		}
		var billId = billing.open(unitCode, code, Texts.vi("dossiers.text.billPurpose", code, DossierWork.limit(procedure.name(), 150)),
				fee, payerName, citizenId);
		table.billed(id, fee, billId);
		return billId;
	}

	Optional<String> billQrPayload(Caller caller, long dossierId) {
		return billOf(caller, dossierId).flatMap(id -> Tenancy.callAs(UnitScope.systemWide(), () -> billing.qrPayload(id)));
	}

	Optional<byte[]> billQrPng(Caller caller, long dossierId, int sizePx) {
		return billOf(caller, dossierId)
			.flatMap(id -> Tenancy.callAs(UnitScope.systemWide(), () -> billing.qrPng(id, Math.clamp(sizePx, 120, 1000))));
	}

	private Optional<Long> billOf(Caller caller, long dossierId) {
		return work.as(caller, () -> table.visible(caller, dossierId).filter(r -> r.paidAt() == null).map(DossierTable.Row::billId));
	}

	/** Records a paid fee (from the payments module's BillPaid), in a transaction of its own. Idempotent. */
	void recordPaid(String unitCode, String dossierCode, long billId, long amountVnd, boolean online, Instant paidAt) {
		work.inNewTransaction(UnitScope.of(unitCode), () -> {
			var found = table.lockByCode(unitCode, dossierCode);
			if (found.isEmpty()) {
				return null;
			}
			var dossier = table.any(found.get().id());
			if (!dossier.pay(amountVnd, online, paidAt)) {
				return null;
			}
			var r = dossier.row();
			table.paid(r.id(), paidAt, online, billId);
			var desk = Caller.official(unitCode, "system", Texts.vi(online ? "dossiers.text.bank" : "dossiers.text.cashDesk"),
					java.util.Set.of());
			var amount = String.format(java.util.Locale.ROOT, "%,d", amountVnd).replace(',', '.');
			journal.step(unitCode, r.id(), desk, "paid", r.state(), r.state(),
					Texts.vi(online ? "dossiers.text.paidOnline" : "dossiers.text.paidCash", amount), List.of());
			journal.audit(unitCode, desk, "dossier.paid", r.id(), null, amountVnd + (online ? " online" : " cash"));
			journal.publish(dossier);
			return null;
		});
	}
}
