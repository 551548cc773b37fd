package vn.xaso.payments.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EMVCo QR TLV text: each data object is a two-digit ID, a two-digit length and the value. Lengths
 * count characters; VietQR values here are ASCII, so characters and bytes agree.
 */
public final class Emv {

	private Emv() {
	}

	/** One data object; the value must be 1..99 characters. */
	public static String tlv(String id, String value) {
		if (!id.matches("[0-9]{2}")) {
			throw new IllegalArgumentException("EMV ID must be two digits: " + id);
		}
		if (value.isEmpty() || value.length() > 99) {
			throw new IllegalArgumentException("EMV value of " + id + " must be 1..99 characters, was " + value.length());
		}
		return id + (value.length() < 10 ? "0" : "") + value.length() + value;
	}

	/** Parses one level of TLV text into ID → value in order; throws on malformed text. */
	public static Map<String, String> parse(String text) {
		var out = new LinkedHashMap<String, String>();
		int i = 0;
		while (i < text.length()) {
			if (i + 4 > text.length()) {
				throw new IllegalArgumentException("Truncated EMV data object at " + i);
			}
			var id = text.substring(i, i + 2);
			var len = text.substring(i + 2, i + 4);
			if (!id.matches("[0-9]{2}") || !len.matches("[0-9]{2}")) {
				throw new IllegalArgumentException("Bad EMV ID or length at " + i);
			}
			int n = Integer.parseInt(len);
			if (i + 4 + n > text.length()) {
				throw new IllegalArgumentException("EMV value of " + id + " runs past the end");
			}
			if (out.put(id, text.substring(i + 4, i + 4 + n)) != null) {
				throw new IllegalArgumentException("Repeated EMV ID " + id);
			}
			i += 4 + n;
		}
		return out;
	}

	/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) as 4 uppercase hex digits. */
	public static String crc16(String text) {
		int crc = 0xFFFF;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			crc ^= (b & 0xFF) << 8;
			for (int k = 0; k < 8; k++) {
				crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
				crc &= 0xFFFF;
			}
		}
		return String.format("%04X", crc);
	}

	/** True when the payload ends with a "6304" CRC object whose value matches everything before it. */
	public static boolean crcValid(String payload) {
		if (payload.length() < 8 || !payload.startsWith("6304", payload.length() - 8)) {
			return false;
		}
		var expected = crc16(payload.substring(0, payload.length() - 4));
		return expected.equalsIgnoreCase(payload.substring(payload.length() - 4));
	}
}
