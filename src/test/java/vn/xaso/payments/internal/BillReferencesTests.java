package vn.xaso.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

class BillReferencesTests {

	@Test
	void referencesAreShortUniqueAndSelfChecking() {
		var seen = new HashSet<String>();
		for (long id = 1; id < 5000; id++) {
			var r = BillReferences.of(id);
			assertThat(r).hasSize(BillReferences.LENGTH).startsWith("XS").matches("[A-Z0-9]+");
			assertThat(BillReferences.isValid(r)).isTrue();
			assertThat(BillReferences.isValid(r.toLowerCase())).isTrue();
			assertThat(seen.add(r)).isTrue();
		}
		assertThat(BillReferences.of(78_364_164_095L)).hasSize(11);
	}

	@Test
	void everySingleCharacterChangeAndAdjacentSwapIsCaught() {
		var r = BillReferences.of(123_456);
		var digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		for (int i = 2; i < r.length(); i++) {
			for (char c : digits.toCharArray()) {
				if (c != r.charAt(i)) {
					var changed = r.substring(0, i) + c + r.substring(i + 1);
					assertThat(BillReferences.isValid(changed)).as(changed).isFalse();
				}
			}
			if (i + 1 < r.length() && r.charAt(i) != r.charAt(i + 1)) {
				var swapped = r.substring(0, i) + r.charAt(i + 1) + r.charAt(i) + r.substring(i + 2);
				assertThat(BillReferences.isValid(swapped)).as(swapped).isFalse();
			}
		}
	}

	@Test
	void foundInsideWhatBanksSendBack() {
		var r = BillReferences.of(42);
		assertThat(BillReferences.findIn("MBVCB.3278907687." + r + ".CT tu 0011001932418 NGUYEN VAN AN toi 3300201012345"))
			.containsExactly(r);
		assertThat(BillReferences.findIn("IBFT " + r.toLowerCase() + " thanh toan le phi")).containsExactly(r);
		// Spaces removed and text glued on both sides.
		assertThat(BillReferences.findIn("NGUYENVANAN" + r + "CHUYENTIEN")).containsExactly(r);
		// Spaces inserted inside the reference, Vietnamese letters around it.
		assertThat(BillReferences.findIn("Lệ phí " + r.substring(0, 5) + " " + r.substring(5) + " đã nộp")).containsExactly(r);
		assertThat(BillReferences.findIn("chuyen tien XS khong co ma")).isEmpty();
		assertThat(BillReferences.findIn("")).isEmpty();
	}
}
