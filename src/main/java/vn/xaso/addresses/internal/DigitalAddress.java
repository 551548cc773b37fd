package vn.xaso.addresses.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import vn.xaso.addresses.AddressException;
import vn.xaso.addresses.AddressRecord;
import vn.xaso.addresses.HolderKind;

/**
 * The address aggregate: guards every change of one record. Texts are NFC and bounded, the national
 * code has 10 digits, coordinates lie in Vietnam and the plus codes always follow the coordinates (the
 * short code follows the commune's reference point). Knows whether a code changed, for the event.
 */
final class DigitalAddress {

	private final long id;
	private final String communeCode;
	private final HolderKind holderKind;
	private final String holderId;
	private String villageCode;
	private String villageName;
	private String label = "";
	private String addressText = "";
	private final @Nullable String postcode;
	private @Nullable Double lat;
	private @Nullable Double lon;
	private @Nullable String plusCode;
	private @Nullable String shortCode;
	private @Nullable String nationalCode;
	private boolean codeChanged;

	private DigitalAddress(long id, String communeCode, HolderKind holderKind, String holderId, String villageCode,
			String villageName, @Nullable String postcode) {
		this.id = id;
		this.communeCode = communeCode;
		this.holderKind = holderKind;
		this.holderId = holderId;
		this.villageCode = villageCode;
		this.villageName = villageName;
		this.postcode = postcode;
	}

	static DigitalAddress create(String communeCode, HolderKind kind, String holderId, String villageCode, String villageName,
			@Nullable String postcode) {
		if (!holderId.matches("[A-Za-z0-9._:-]{1,64}")) {
			throw new AddressException("holderId", "addresses.error.holderId");
		}
		return new DigitalAddress(0, communeCode, kind, holderId, villageCode, villageName, postcode);
	}

	static DigitalAddress of(AddressRecord r) {
		var a = new DigitalAddress(r.id(), r.communeCode(), r.holderKind(), r.holderId(), r.villageCode(), r.villageName(),
				r.postcode());
		a.label = r.label();
		a.addressText = r.addressText();
		a.lat = r.lat();
		a.lon = r.lon();
		a.plusCode = r.plusCode();
		a.shortCode = r.shortCode();
		a.nationalCode = r.nationalCode();
		return a;
	}

	void village(String code, String name) {
		this.villageCode = code;
		this.villageName = name;
	}

	void describe(@Nullable String label, @Nullable String addressText, @Nullable String nationalCode) {
		var l = clean(label);
		if (l.length() > 120) {
			throw new AddressException("label", "addresses.error.label");
		}
		var text = clean(addressText);
		if (text.isEmpty()) {
			throw new AddressException("addressText", "addresses.error.addressTextBlank");
		}
		if (text.length() > 300) {
			throw new AddressException("addressText", "addresses.error.addressTextLong");
		}
		var national = clean(nationalCode).replace(" ", "").replace(".", "").replace("-", "");
		if (!national.isEmpty() && !national.matches("[0-9]{10}")) {
			throw new AddressException("nationalCode", "addresses.error.nationalCode");
		}
		var newNational = national.isEmpty() ? null : national;
		codeChanged |= !Objects.equals(newNational, this.nationalCode);
		this.label = l;
		this.addressText = text;
		this.nationalCode = newNational;
	}

	/** Places the pin at the coordinates. */
	void pin(double lat, double lon, double @Nullable [] reference) {
		if (!Double.isFinite(lat) || !Double.isFinite(lon) || !PlusCodes.inVietnam(lat, lon)) {
			throw new AddressException("lat", "addresses.error.outsideVietnam");
		}
		var full = PlusCodes.encode(lat, lon);
		codeChanged |= !full.equals(plusCode);
		this.lat = round(lat);
		this.lon = round(lon);
		this.plusCode = full;
		this.shortCode = reference == null ? null : PlusCodes.local(full, reference[0], reference[1]);
	}

	/** Places the pin at the centre of a typed plus code (full, or short relative to the reference point). */
	void pinAtCode(String typed, double @Nullable [] reference) {
		var full = PlusCodes.full(typed, reference);
		var centre = PlusCodes.centre(full);
		if (!PlusCodes.inVietnam(centre[0], centre[1])) {
			throw new AddressException("plusCode", "addresses.error.plusCodeOutsideVietnam");
		}
		pin(centre[0], centre[1], reference);
	}

	/** The commune's reference point changed: the short code follows. */
	void reference(double @Nullable [] reference) {
		if (plusCode != null) {
			this.shortCode = reference == null ? null : PlusCodes.local(plusCode, reference[0], reference[1]);
		}
	}

	boolean codeChanged() {
		return codeChanged;
	}

	AddressRecord snapshot(long newId, Instant at) {
		return new AddressRecord(id == 0 ? newId : id, communeCode, holderKind, holderId, villageCode, villageName, label,
				addressText, postcode, lat, lon, plusCode, shortCode, nationalCode, at);
	}

	long id() {
		return id;
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	private static String clean(@Nullable String s) {
		return s == null ? "" : Normalizer.normalize(s.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
	}
}
