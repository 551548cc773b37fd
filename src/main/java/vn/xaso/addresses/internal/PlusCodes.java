package vn.xaso.addresses.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.google.openlocationcode.OpenLocationCode;

import vn.xaso.addresses.AddressException;

/**
 * Open Location Code (plus codes) with Google's reference implementation, and Vietnam's bounding box
 * (mainland, Hoàng Sa and Trường Sa: latitude 6.0–23.5, longitude 102.0–118.0).
 */
public final class PlusCodes {

	public static final double MIN_LAT = 6.0;
	public static final double MAX_LAT = 23.5;
	public static final double MIN_LON = 102.0;
	public static final double MAX_LON = 118.0;

	private PlusCodes() {
	}

	public static boolean inVietnam(double lat, double lon) {
		return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
	}

	/** The full 10-digit code ("7PG74XFQ+93"), a cell of about 14 × 14 m. */
	public static String encode(double lat, double lon) {
		return OpenLocationCode.encode(lat, lon, OpenLocationCode.CODE_PRECISION_NORMAL);
	}

	/** The code without as many leading digits as the reference point allows ("4XFQ+93"). */
	public static String shorten(String fullCode, double refLat, double refLon) {
		return new OpenLocationCode(fullCode).shorten(refLat, refLon).getCode();
	}

	/**
	 * The short form for the commune, as maps print it with a place name ("4XFQ+93 Xã Yên Mô"): the first
	 * 4 digits dropped when the reference point lies within 0.25° in both directions (recovery is exact
	 * within 0.5°), else null — a code far from the commune's point has no safe short form.
	 */
	public static @Nullable String local(String fullCode, double refLat, double refLon) {
		var centre = centre(fullCode);
		if (Math.abs(centre[0] - refLat) >= 0.25 || Math.abs(centre[1] - refLon) >= 0.25) {
			return null;
		}
		return fullCode.substring(4);
	}

	/** Upper case, spaces dropped; a code typed without its "+" after the 8th digit gets it back. */
	public static String normalise(String typed) {
		var code = typed.strip().replace(" ", "").toUpperCase(Locale.ROOT);
		if (code.length() == 10 && code.indexOf('+') < 0) {
			code = code.substring(0, 8) + "+" + code.substring(8);
		}
		return code;
	}

	/**
	 * The full 10-digit code of a typed code: a full code as it is (longer codes are cut to 10 digits),
	 * a short code recovered against the reference point.
	 *
	 * @throws AddressException "plusCode" when the text is no plus code, or short without a reference point
	 */
	public static String full(String typed, double @Nullable [] reference) {
		var code = normalise(typed);
		if (!OpenLocationCode.isValidCode(code) || OpenLocationCode.isPadded(code)) {
			throw new AddressException("plusCode", "addresses.error.plusCode");
		}
		OpenLocationCode olc;
		if (OpenLocationCode.isFullCode(code)) {
			olc = new OpenLocationCode(code);
		}
		else {
			if (reference == null) {
				throw new AddressException("plusCode", "addresses.error.plusCodeShortNoReference");
			}
			olc = new OpenLocationCode(code).recover(reference[0], reference[1]);
		}
		var area = olc.decode();
		return encode(area.getCenterLatitude(), area.getCenterLongitude());
	}

	/** The centre of a code's cell: {lat, lon}. */
	public static double[] centre(String fullCode) {
		var area = OpenLocationCode.decode(fullCode);
		return new double[] { area.getCenterLatitude(), area.getCenterLongitude() };
	}
}
