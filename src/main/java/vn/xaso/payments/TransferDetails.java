package vn.xaso.payments;

import java.util.Optional;

import vn.xaso.payments.internal.VietQr;

/**
 * What a VietQR payload tells someone who types the transfer by hand: the bank's BIN, the account number and
 * the transfer content (our bill reference; empty when the payload carries none).
 */
public record TransferDetails(String bin, String account, String reference) {

	/** Reads a VietQR (EMVCo MPM, NAPAS) payload; empty when it is malformed or its checksum is wrong. */
	public static Optional<TransferDetails> read(String vietQrPayload) {
		try {
			var d = VietQr.decode(vietQrPayload);
			return Optional.of(new TransferDetails(d.bin(), d.account(), d.purpose()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
