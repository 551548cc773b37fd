package vn.xaso.units.internal;

import java.util.Comparator;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * Vietnamese alphabetical order (a ă â b c d đ e ê …), which neither code-point order nor the
 * embedded server's C collation gives: "Ân Thi" must come before "Yên Mô".
 */
public final class VietnameseOrder {

	// A frozen collator is immutable and safe to share between threads.
	private static final Collator COLLATOR = Collator.getInstance(new ULocale("vi")).freeze();

	private VietnameseOrder() {
	}

	public static <T> Comparator<T> by(java.util.function.Function<T, String> key) {
		return (a, b) -> COLLATOR.compare(key.apply(a), key.apply(b));
	}
}
