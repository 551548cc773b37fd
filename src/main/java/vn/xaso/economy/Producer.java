package vn.xaso.economy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A producer of the commune: household business, cooperative (HTX) or enterprise. {@code verifiedBy}/{@code verifiedAt}
 * say who of the commune checked it and when (unverified producers are not shown in the shop); {@code bankBin},
 * {@code accountNumber}, {@code accountName}: their own account for VietQR payments (none: cash on delivery only);
 * {@code username}: their own account (role PRODUCER), once the commune gave one.
 */
public record Producer(long id, String unitCode, Kind kind, String name, @Nullable String taxCode, String contactName,
		String phone, String address, @Nullable String description, @Nullable String bankBin, @Nullable String accountNumber,
		@Nullable String accountName, @Nullable String username, @Nullable String verifiedBy, @Nullable Instant verifiedAt) {

	/** Labels: economy.kind.NAME. */
	public enum Kind { HOUSEHOLD, COOPERATIVE, ENTERPRISE }

	public boolean verified() {
		return verifiedAt != null;
	}

	/** Whether buyers can pay by VietQR into the producer's own account. */
	public boolean takesVietQr() {
		return bankBin != null && accountNumber != null && accountName != null;
	}
}
