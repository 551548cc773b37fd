package vn.xaso.addresses;

import org.jspecify.annotations.Nullable;

/**
 * A holder's address got a plus code or a national code, or one of them changed (a pin moved).
 * Community counts "households with an address code" from it.
 */
public record AddressCodeAssigned(long recordId, String communeCode, HolderKind holderKind, String holderId,
		@Nullable String plusCode, @Nullable String nationalCode) {
}
