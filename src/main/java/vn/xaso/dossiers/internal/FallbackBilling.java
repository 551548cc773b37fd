package vn.xaso.dossiers.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** TEMPORARY: no bills until the payments module's API is merged; replaced by an adapter over Payments. */
@Component
class FallbackBilling implements Billing {

	@Override
	public @Nullable Long open(String unitCode, String dossierCode, String purpose, long amountVnd, String payerName,
			@Nullable Long citizenId) {
		return null;
	}

	@Override
	public Optional<String> qrPayload(long billId) {
		return Optional.empty();
	}

	@Override
	public Optional<byte[]> qrPng(long billId, int sizePx) {
		return Optional.empty();
	}
}
