package vn.xaso.dossiers.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.payments.TransferDetails;

/**
 * The fee box of a dossier page: the amount, whether it is paid, the VietQR payload text to copy into a
 * banking app, and the commune's bank account written out for people who transfer by hand.
 */
@Component
class FeeView {

	private final Dossiers dossiers;

	FeeView(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	Optional<Fee> forDossier(Caller caller, Dossier dossier) {
		if (dossier.feeVnd() <= 0 && dossier.billId() == null) {
			return Optional.empty();
		}
		String payload = null;
		if (!dossier.paid()) {
			try {
				payload = dossiers.billQrPayload(caller, dossier.id()).orElse(null);
			}
			catch (RuntimeException e) {
				payload = null; // no account declared yet: the page offers cash at the counter
			}
		}
		var transfer = payload == null ? Optional.<TransferDetails>empty() : TransferDetails.read(payload);
		return Optional.of(new Fee(dossier.feeVnd(), dossier.paid(), dossier.paidOnline(), payload,
				transfer.map(TransferDetails::bin).orElse(null), transfer.map(TransferDetails::account).orElse(null), null,
				transfer.map(TransferDetails::reference).filter(r -> !r.isEmpty()).orElse(null)));
	}
}
