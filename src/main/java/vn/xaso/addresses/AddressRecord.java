package vn.xaso.addresses;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One digital address record, field by field.
 *
 * @param postcode the commune's 5-digit postcode; null for the few communes without one yet
 * @param plusCode full 10-digit Open Location Code ("7PG74XFQ+93"); null until a pin is placed
 * @param shortCode the plus code shortened against the commune's reference point ("4XFQ+93"); null without pin or reference
 * @param nationalCode the national 10-digit digital address code (địa chỉ số) when known
 */
public record AddressRecord(long id, String communeCode, HolderKind holderKind, String holderId, String villageCode,
		String villageName, String label, String addressText, @Nullable String postcode, @Nullable Double lat,
		@Nullable Double lon, @Nullable String plusCode, @Nullable String shortCode, @Nullable String nationalCode,
		Instant updatedAt) {

	public boolean pinned() {
		return plusCode != null;
	}
}
