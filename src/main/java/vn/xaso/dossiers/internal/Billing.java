package vn.xaso.dossiers.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Port to the payments module: bills for dossier fees, keyed by the dossier code. */
public interface Billing {

	/** Opens (or finds, if one exists for this reference) the bill; returns its id, or null without payments. */
	@Nullable Long open(String unitCode, String dossierCode, String purpose, long amountVnd, String payerName, @Nullable Long citizenId);

	Optional<String> qrPayload(long billId);

	Optional<byte[]> qrPng(long billId, int sizePx);
}
