package vn.xaso.dossiers.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.payments.NewBill;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;

/** Dossier fees through the payments module; the bill's external reference is the dossier code. */
@Component
class PaymentsBilling implements Billing {

	private final Payments payments;

	PaymentsBilling(Payments payments) {
		this.payments = payments;
	}

	@Override
	public @Nullable Long open(String unitCode, String dossierCode, String purpose, long amountVnd, String payerName,
			@Nullable Long citizenId) {
		return payments.open(new NewBill(unitCode, dossierCode, purpose, amountVnd, payerName, citizenId)).id();
	}

	@Override
	public Optional<String> qrPayload(long billId) {
		try {
			return Optional.of(payments.vietQrPayload(billId));
		}
		catch (PaymentException e) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<byte[]> qrPng(long billId, int sizePx) {
		try {
			return Optional.of(payments.vietQrPng(billId, sizePx));
		}
		catch (PaymentException e) {
			return Optional.empty();
		}
	}
}
