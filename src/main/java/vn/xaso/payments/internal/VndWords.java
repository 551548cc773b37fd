package vn.xaso.payments.internal;

/**
 * Amounts in Vietnamese words as receipts and invoices write them ("Một trăm linh năm nghìn đồng").
 * Rules: groups of three digits read "trăm / mươi / đơn vị"; a group after a larger one is read in
 * full ("một triệu không trăm linh năm nghìn"); "linh" for a zero ten before a unit; "mười" for ten;
 * "mốt" for 1 after a ten of 20 or more; "lăm" for 5 after any ten; "tỷ" repeats for larger amounts
 * ("một nghìn tỷ").
 */
public final class VndWords {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
	private static final long BILLION = 1_000_000_000L;

	private VndWords() {
	}

	/** "Năm mươi nghìn đồng"; 0 is "Không đồng". */
	public static String of(long amount) {
		if (amount < 0) {
			throw new IllegalArgumentException("Negative amount");
		}
		var words = amount == 0 ? "không" : read(amount, false);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
	}

	/** {@code full}: a larger group came before, so read leading zeros ("không trăm", "linh"). */
	private static String read(long n, boolean full) {
		if (n >= BILLION) {
			var high = read(n / BILLION, full) + " tỷ";
			var low = n % BILLION;
			return low == 0 ? high : high + " " + read(low, true);
		}
		long[] groups = { n / 1_000_000, (n / 1000) % 1000, n % 1000 };
		String[] names = { "triệu", "nghìn", "" };
		var out = new StringBuilder();
		boolean before = full;
		for (int i = 0; i < 3; i++) {
			if (groups[i] == 0) {
				continue;
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(triple((int) groups[i], before));
			if (!names[i].isEmpty()) {
				out.append(' ').append(names[i]);
			}
			before = true;
		}
		return out.toString();
	}

	private static String triple(int n, boolean full) {
		int h = n / 100, t = (n / 10) % 10, u = n % 10;
		var parts = new StringBuilder();
		boolean hundreds = full || h > 0;
		if (hundreds) {
			parts.append(DIGITS[h]).append(" trăm");
		}
		if (t == 0) {
			if (u != 0 && hundreds) {
				parts.append(" linh");
			}
		}
		else if (t == 1) {
			parts.append(" mười");
		}
		else {
			parts.append(' ').append(DIGITS[t]).append(" mươi");
		}
		if (u != 0) {
			String unit;
			if (u == 1 && t >= 2) {
				unit = "mốt";
			}
			else if (u == 5 && t >= 1) {
				unit = "lăm";
			}
			else {
				unit = DIGITS[u];
			}
			parts.append(' ').append(unit);
		}
		return parts.toString().strip();
	}
}
