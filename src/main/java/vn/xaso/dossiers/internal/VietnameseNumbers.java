package vn.xaso.dossiers.internal;

/** Numbers 0–9999 in Vietnamese words, as written for dates on civil status papers. */
final class VietnameseNumbers {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

	private VietnameseNumbers() {
	}

	static String words(int n) {
		if (n < 0 || n > 9999) {
			throw new IllegalArgumentException("0..9999: " + n);
		}
		if (n < 10) {
			return DIGITS[n];
		}
		if (n < 100) {
			return tens(n);
		}
		if (n < 1000) {
			return hundreds(n, false);
		}
		int thousands = n / 1000;
		int rest = n % 1000;
		var s = DIGITS[thousands] + " nghìn";
		return rest == 0 ? s : s + " " + hundreds(rest, true);
	}

	private static String hundreds(int n, boolean forceHundreds) {
		int h = n / 100;
		int rest = n % 100;
		var s = DIGITS[h] + " trăm";
		if (rest == 0) {
			return s;
		}
		if (rest < 10) {
			return s + " linh " + DIGITS[rest];
		}
		return s + " " + tens(rest);
	}

	private static String tens(int n) {
		int t = n / 10;
		int u = n % 10;
		var s = t == 1 ? "mười" : DIGITS[t] + " mươi";
		if (u == 0) {
			return s;
		}
		if (u == 1 && t > 1) {
			return s + " mốt";
		}
		if (u == 5) {
			return s + " lăm";
		}
		if (u == 4 && t > 1) {
			return s + " tư";
		}
		return s + " " + DIGITS[u];
	}
}
