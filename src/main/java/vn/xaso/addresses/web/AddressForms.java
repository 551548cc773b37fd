package vn.xaso.addresses.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.xaso.addresses.HolderKind;

/** The typed forms of the addresses pages; each message is a key of i18n/addresses.properties. */
final class AddressForms {

	static final String NUMBER = "^\\s*$|^\\s*-?[0-9]{1,3}([.,][0-9]{1,10})?\\s*$";

	private AddressForms() {
	}

	/** New address (or the holder's address again): who, where, the texts, and optionally a pin. */
	record AddressForm(@NotNull(message = "addresses.error.kind") @Nullable HolderKind kind,
			@Pattern(regexp = "^$|^[A-Za-z0-9._:-]{1,64}$", message = "addresses.error.holderId") @Nullable String holderId,
			@NotBlank(message = "addresses.error.village") @Nullable String villageCode,
			@Size(max = 120, message = "addresses.error.label") @Nullable String label,
			@NotBlank(message = "addresses.error.addressTextBlank") @Size(max = 300, message = "addresses.error.addressTextLong") @Nullable String addressText,
			@Pattern(regexp = "^[0-9 .-]{0,20}$", message = "addresses.error.nationalCode") @Nullable String nationalCode,
			@Pattern(regexp = NUMBER, message = "addresses.error.latNumber") @Nullable String lat,
			@Pattern(regexp = NUMBER, message = "addresses.error.lonNumber") @Nullable String lon,
			@Size(max = 40, message = "addresses.error.plusCode") @Nullable String plusCode) {
	}

	/** Place or move a pin: coordinates, or a typed plus code. */
	record PinForm(@Pattern(regexp = NUMBER, message = "addresses.error.latNumber") @Nullable String lat,
			@Pattern(regexp = NUMBER, message = "addresses.error.lonNumber") @Nullable String lon,
			@Size(max = 40, message = "addresses.error.plusCode") @Nullable String plusCode) {
	}

	/** The commune's reference point for short plus codes. */
	record ReferenceForm(@NotBlank(message = "addresses.error.latNumber") @Pattern(regexp = NUMBER, message = "addresses.error.latNumber") @Nullable String refLat,
			@NotBlank(message = "addresses.error.lonNumber") @Pattern(regexp = NUMBER, message = "addresses.error.lonNumber") @Nullable String refLon) {
	}

	/** The look-up box (GET). */
	record LookupForm(@Size(max = 40, message = "addresses.error.lookupCode") @Nullable String code) {
	}

	static @Nullable Double number(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		return Double.valueOf(s.strip().replace(',', '.'));
	}

	static String text(@Nullable String s) {
		return s == null ? "" : s;
	}

	/** The list's filters and page ({@code /addresses?village=&q=&page=}). */
	record ListQuery(@Nullable String village, @Nullable String q, @Nullable String page) {

		java.util.Map<String, String> values() {
			return vn.xaso.platform.web.Form.pairs("village", village, "q", q, "page", page);
		}
	}
}
