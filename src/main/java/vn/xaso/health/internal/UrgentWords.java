package vn.xaso.health.internal;

import java.util.List;

import vn.xaso.platform.VietnameseText;

/**
 * Danger signs that must not wait for a doctor's answer: when a question names one, the citizen is told at once to
 * call 115 (cấp cứu). Matched without diacritics and case, on whole words, so "kho tho" and "khó thở" both count.
 */
public final class UrgentWords {

	static final List<String> SIGNS = List.of("dau nguc", "tuc nguc", "chay mau", "ra mau", "non ra mau", "kho tho", "ngat tho",
			"kho the", "tho gap", "co giat", "ngat xiu", "bat tinh", "hon me", "dot quy", "meo mieng", "liet nua nguoi",
			"sot cao co giat", "ngo doc", "uong nham", "bong nang", "sot xuat huyet", "tim tai", "tu tu", "muon chet");

	private UrgentWords() {
	}

	public static boolean urgent(String text) {
		var folded = " " + VietnameseText.searchKey(text) + " ";
		return SIGNS.stream().anyMatch(sign -> folded.contains(" " + sign + " "));
	}
}
