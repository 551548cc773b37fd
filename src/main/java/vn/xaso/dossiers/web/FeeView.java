package vn.xaso.dossiers.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.Dossiers;

/**
 * The fee box of a dossier page: the amount, whether it is paid, the VietQR payload text to copy into a
 * banking app, and the commune's bank account written out for people who transfer by hand.
 */
@Component
class FeeView {

	/** One dossier's fee as the page shows it. */
	record Fee(long amountVnd, boolean paid, boolean paidOnline, @Nullable String payload, @Nullable String bankName,
			@Nullable String accountNumber, @Nullable String accountName, @Nullable String reference) {
	}

	private final Dossiers dossiers;

	FeeView(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	Optional<Fee> forDossier(Caller caller, Dossier dossier) {
		if (dossier.feeVnd() <= 0 && dossier.billId() == null) {
			return Optional.empty();
		}
		var payload = dossier.paid() ? null : dossiers.billQrPayload(caller, dossier.id()).orElse(null);
		return Optional.of(new Fee(dossier.feeVnd(), dossier.paid(), dossier.paidOnline(), payload, null, null, null, dossier.code()));
	}
}
