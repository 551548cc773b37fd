package vn.xaso.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The EMVCo TLV / CRC layer and the VietQR payload, against published vectors. */
class VietQrTests {

	@Test
	void crcIsCcittFalse() {
		// The standard check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): "123456789" → 29B1.
		assertThat(Emv.crc16("123456789")).isEqualTo("29B1");
		assertThat(Emv.crc16("")).isEqualTo("FFFF");
	}

	/** Published example of the Go library subiz/vietqr (README): 120.000 đ to VietinBank 0011001932418, "ung ho lu lut". */
	static final String SUBIZ_EXAMPLE = "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
			+ "530370454061200005802VN62170813ung ho lu lut6304C15C";

	@Test
	void encoderReproducesAPublishedPayloadByteForByte() {
		assertThat(VietQr.payload("970415", "0011001932418", 120_000, "ung ho lu lut")).isEqualTo(SUBIZ_EXAMPLE);
	}

	@Test
	void theExampleInTheModuleDocsIsWhatTheEncoderWrites() {
		assertThat(VietQr.payload("970405", "3300201012345", 50_000, "XS0000002FQ")).isEqualTo(
				"00020101021238570010A00000072701270006970405011333002010123450208QRIBFTTA53037045405500005802VN62150811XS0000002FQ63041AD4");
	}

	@Test
	void publishedPayloadsHaveValidCrcs() {
		assertThat(Emv.crcValid(SUBIZ_EXAMPLE)).isTrue();
		// Published example of thanhtinhpas1/vietqr-parser (static QR, no amount, Vietcombank 0881000458086).
		assertThat(Emv.crcValid("00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60")).isTrue();
		// One changed character breaks it.
		assertThat(Emv.crcValid(SUBIZ_EXAMPLE.replace("120000", "130000"))).isFalse();
	}

	@Test
	void decodesWhatItEncodes() {
		var payload = VietQr.payload("970405", "3300201012345", 50_000, "XS0000001AB");
		var d = VietQr.decode(payload);
		assertThat(d.initiation()).isEqualTo("12");
		assertThat(d.bin()).isEqualTo("970405");
		assertThat(d.account()).isEqualTo("3300201012345");
		assertThat(d.service()).isEqualTo("QRIBFTTA");
		assertThat(d.currency()).isEqualTo("704");
		assertThat(d.amount()).isEqualTo("50000");
		assertThat(d.country()).isEqualTo("VN");
		assertThat(d.purpose()).isEqualTo("XS0000001AB");
		assertThat(payload).startsWith("000201010212").endsWith(Emv.crc16(payload.substring(0, payload.length() - 4)));
	}

	@Test
	void tlvParserRoundTrips() {
		var text = Emv.tlv("00", "01") + Emv.tlv("38", Emv.tlv("00", "A000000727") + Emv.tlv("01", "x".repeat(25)))
				+ Emv.tlv("62", Emv.tlv("08", "abc"));
		var top = Emv.parse(text);
		assertThat(top).containsOnlyKeys("00", "38", "62");
		var rebuilt = new StringBuilder();
		top.forEach((k, v) -> rebuilt.append(Emv.tlv(k, v)));
		assertThat(rebuilt.toString()).isEqualTo(text);
		assertThat(Emv.parse(top.get("38"))).containsEntry("01", "x".repeat(25));
		assertThat(Emv.tlv("54", "5")).isEqualTo("54015");
	}

	@Test
	void refusesMalformedInput() {
		assertThatThrownBy(() -> Emv.parse("0002")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Emv.parse("0005ab")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Emv.parse("00020100020")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Emv.tlv("62", "x".repeat(100))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VietQr.payload("97040", "123456", 1, "X")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VietQr.payload("970405", "123456", 0, "X")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VietQr.payload("970405", "123456", 1, "có dấu")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VietQr.payload("970405", "123456", 1, "X".repeat(26))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VietQr.decode(SUBIZ_EXAMPLE.substring(0, SUBIZ_EXAMPLE.length() - 1) + "D"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void transferDetailsReadBackTheAccountAndReference() {
		var payload = VietQr.payload("970405", "3300201012345", 50_000, "XS0000001AB");
		assertThat(vn.xaso.payments.TransferDetails.read(payload))
			.contains(new vn.xaso.payments.TransferDetails("970405", "3300201012345", "XS0000001AB"));
		var last = payload.charAt(payload.length() - 1);
		var wrongChecksum = payload.substring(0, payload.length() - 1) + (last == '0' ? '1' : '0');
		assertThat(vn.xaso.payments.TransferDetails.read(wrongChecksum)).isEmpty();
		assertThat(vn.xaso.payments.TransferDetails.read("not a payload")).isEmpty();
	}
}
