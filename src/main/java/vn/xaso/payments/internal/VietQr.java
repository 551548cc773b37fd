package vn.xaso.payments.internal;

import java.util.Map;

/**
 * The VietQR dynamic payload for a transfer to a bank account (NAPAS "VietQR" specification, built
 * on EMVCo QR Code Specification for Payment Systems, merchant-presented mode). See
 * docs/modules/payments.md for the fields and where each rule comes from.
 */
public final class VietQr {

	/** NAPAS application identifier (AID) in ID 38 sub-ID 00. */
	public static final String NAPAS_GUID = "A000000727";
	/** Service code for a transfer to an account ("QR IBFT to account"). */
	public static final String SERVICE_TO_ACCOUNT = "QRIBFTTA";
	/** Service code for a transfer to a card number (not used here; listed for the parser). */
	public static final String SERVICE_TO_CARD = "QRIBFTTC";

	private VietQr() {
	}

	/**
	 * @param bin the beneficiary bank's 6-digit NAPAS BIN
	 * @param account the beneficiary account number (digits)
	 * @param amountVnd whole đồng, > 0
	 * @param purpose the transfer content for ID 62 sub-ID 08: ASCII letters/digits/space, ≤ 25 characters
	 */
	public static String payload(String bin, String account, long amountVnd, String purpose) {
		if (!bin.matches("[0-9]{6}")) {
			throw new IllegalArgumentException("BIN must be 6 digits");
		}
		if (!account.matches("[0-9A-Za-z]{1,19}")) {
			throw new IllegalArgumentException("Account must be 1..19 letters or digits");
		}
		if (amountVnd <= 0 || String.valueOf(amountVnd).length() > 13) {
			throw new IllegalArgumentException("Amount out of range");
		}
		if (!purpose.matches("[A-Za-z0-9 ]{1,25}")) {
			throw new IllegalArgumentException("Purpose must be 1..25 ASCII letters, digits or spaces");
		}
		var beneficiary = Emv.tlv("00", bin) + Emv.tlv("01", account);
		var merchant = Emv.tlv("00", NAPAS_GUID) + Emv.tlv("01", beneficiary) + Emv.tlv("02", SERVICE_TO_ACCOUNT);
		var body = Emv.tlv("00", "01") // payload format indicator
				+ Emv.tlv("01", "12") // point of initiation: 12 = dynamic (one payment, amount fixed)
				+ Emv.tlv("38", merchant)
				+ Emv.tlv("53", "704") // ISO 4217 VND
				+ Emv.tlv("54", Long.toString(amountVnd))
				+ Emv.tlv("58", "VN")
				+ Emv.tlv("62", Emv.tlv("08", purpose))
				+ "6304";
		return body + Emv.crc16(body);
	}

	/** What a payer's banking app reads from a VietQR payload. */
	public record Decoded(String initiation, String bin, String account, String service, String currency,
			String amount, String country, String purpose) {
	}

	/** Decodes a VietQR account-transfer payload; throws IllegalArgumentException when malformed or the CRC is wrong. */
	public static Decoded decode(String payload) {
		if (!Emv.crcValid(payload)) {
			throw new IllegalArgumentException("CRC does not match");
		}
		Map<String, String> top = Emv.parse(payload);
		if (!"01".equals(top.get("00"))) {
			throw new IllegalArgumentException("Payload format indicator must be 01");
		}
		var merchant = Emv.parse(require(top, "38"));
		if (!NAPAS_GUID.equals(merchant.get("00"))) {
			throw new IllegalArgumentException("Not a NAPAS VietQR");
		}
		var beneficiary = Emv.parse(require(merchant, "01"));
		var additional = top.containsKey("62") ? Emv.parse(top.get("62")) : Map.<String, String>of();
		return new Decoded(require(top, "01"), require(beneficiary, "00"), require(beneficiary, "01"),
				merchant.getOrDefault("02", ""), require(top, "53"), top.getOrDefault("54", ""), require(top, "58"),
				additional.getOrDefault("08", ""));
	}

	private static String require(Map<String, String> map, String id) {
		var v = map.get(id);
		if (v == null) {
			throw new IllegalArgumentException("Missing EMV ID " + id);
		}
		return v;
	}
}
