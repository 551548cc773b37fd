package vn.xaso.platform;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text helpers every module shares: folding away diacritics (for matching, file names, bank
 * names, SMS) and whole numbers in words (dates on papers, amounts on receipts, the radio announcer).
 */
public final class VietnameseText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");
	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
	private static final long BILLION = 1_000_000_000L;

	private VietnameseText() {
	}

	/** "Đường Trần Hưng Đạo" → "Duong Tran Hung Dao": diacritics removed, đ → d, case and spacing kept. */
	public static String fold(String text) {
		var noD = text.replace('đ', 'd').replace('Đ', 'D');
		return MARKS.matcher(Normalizer.normalize(noD, Normalizer.Form.NFD)).replaceAll("");
	}

	/** The search key (Java twin of SQL {@code xaso_fold}): folded, lower case, single spaces, trimmed. */
	public static String searchKey(String text) {
		return SPACES.matcher(fold(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	/**
	 * A whole number in words as it is read aloud: 21 "hai mươi mốt", 24 "hai mươi tư", 105 "một trăm linh năm",
	 * 2005 "hai nghìn không trăm linh năm", 1,500,000 "một triệu năm trăm nghìn"; negative numbers start "âm".
	 */
	public static String number(long n) {
		return words(n, true);
	}

	/** An amount as receipts write it: "Hai mươi bốn nghìn đồng" (4 is "bốn" here); 0 is "Không đồng". */
	public static String vnd(long amount) {
		if (amount < 0) {
			throw new IllegalArgumentException("Negative amount");
		}
		var words = words(amount, false);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
	}

	private static String words(long n, boolean fourAsTu) {
		if (n < 0) {
			return "âm " + words(-n, fourAsTu);
		}
		if (n == 0) {
			return "không";
		}
		if (n >= BILLION) {
			var high = words(n / BILLION, fourAsTu) + " tỷ";
			var rest = n % BILLION;
			return rest == 0 ? high : high + " " + below(rest, true, fourAsTu);
		}
		return below(n, false, fourAsTu);
	}

	/** n below one billion; {@code full} (a higher part came before) reads "không trăm", "linh". */
	private static String below(long n, boolean full, boolean fourAsTu) {
		var parts = new ArrayList<String>();
		int millions = (int) (n / 1_000_000);
		int thousands = (int) (n / 1000 % 1000);
		int units = (int) (n % 1000);
		if (millions > 0) {
			parts.add(triple(millions, full, fourAsTu) + " triệu");
			full = true;
		}
		if (thousands > 0) {
			parts.add(triple(thousands, full, fourAsTu) + " nghìn");
			full = true;
		}
		if (units > 0) {
			parts.add(triple(units, full, fourAsTu));
		}
		return String.join(" ", parts);
	}

	private static String triple(int n, boolean full, boolean fourAsTu) {
		int h = n / 100;
		int t = n / 10 % 10;
		int u = n % 10;
		var sb = new StringBuilder();
		if (h > 0 || full) {
			sb.append(DIGITS[h]).append(" trăm");
		}
		if (t == 0) {
			if (u > 0) {
				sb.append(sb.isEmpty() ? "" : " linh ").append(DIGITS[u]);
			}
			return sb.toString();
		}
		sb.append(sb.isEmpty() ? "" : " ").append(t == 1 ? "mười" : DIGITS[t] + " mươi");
		if (u == 1 && t > 1) {
			sb.append(" mốt");
		}
		else if (u == 4 && t > 1 && fourAsTu) {
			sb.append(" tư");
		}
		else if (u == 5) {
			sb.append(" lăm");
		}
		else if (u > 0) {
			sb.append(' ').append(DIGITS[u]);
		}
		return sb.toString();
	}
}
