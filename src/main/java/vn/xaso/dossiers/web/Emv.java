package vn.xaso.dossiers.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the bank BIN, account number and transfer reference back out of a VietQR (EMVCo MPM) payload, so the
 * fee box can also write them out for people who type a transfer by hand. Tag 38 holds NAPAS's GUID (00) and
 * the beneficiary (01: 00 = BIN, 01 = account); tag 62 sub-tag 08 the purpose, our bill reference.
 */
final class Emv {

	record Account(String bin, String number) {
	}

	private Emv() {
	}

	static @Nullable Account account(String payload) {
		var merchant = parse(payload).get("38");
		if (merchant == null) {
			return null;
		}
		var beneficiary = parse(merchant).get("01");
		if (beneficiary == null) {
			return null;
		}
		var fields = parse(beneficiary);
		var bin = fields.get("00");
		var number = fields.get("01");
		return bin == null || number == null ? null : new Account(bin, number);
	}

	static @Nullable String reference(String payload) {
		var additional = parse(payload).get("62");
		return additional == null ? null : parse(additional).get("08");
	}

	/** Tag-length-value pairs at one level; stops quietly at anything malformed. */
	static Map<String, String> parse(String s) {
		var out = new LinkedHashMap<String, String>();
		int i = 0;
		while (i + 4 <= s.length()) {
			var tag = s.substring(i, i + 2);
			int len;
			try {
				len = Integer.parseInt(s.substring(i + 2, i + 4));
			}
			catch (NumberFormatException e) {
				break;
			}
			if (i + 4 + len > s.length()) {
				break;
			}
			out.put(tag, s.substring(i + 4, i + 4 + len));
			i += 4 + len;
		}
		return out;
	}
}
