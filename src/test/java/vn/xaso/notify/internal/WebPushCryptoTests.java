package vn.xaso.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** RFC 8291 Appendix A: the published example must come out byte for byte. */
class WebPushCryptoTests {

	static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
	static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
	static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
	static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
	static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
	static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
	static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
			+ "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
			+ "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

	@Test
	void matchesTheRfc8291Example() {
		var sender = WebPushCrypto.keyPair(d(AS_PRIVATE), d(AS_PUBLIC));
		var body = WebPushCrypto.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII), d(UA_PUBLIC), d(AUTH), sender, d(SALT));
		assertThat(WebPushCrypto.base64Url(body)).isEqualTo(BODY);
	}

	@Test
	void aFreshEncryptionDiffersEachTimeAndHasTheHeader() {
		var a = WebPushCrypto.encrypt("xin chào".getBytes(StandardCharsets.UTF_8), d(UA_PUBLIC), d(AUTH));
		var b = WebPushCrypto.encrypt("xin chào".getBytes(StandardCharsets.UTF_8), d(UA_PUBLIC), d(AUTH));
		assertThat(a).isNotEqualTo(b);
		assertThat(a[16]).isZero();
		assertThat(a[18]).isEqualTo((byte) 0x10); // rs = 4096
		assertThat(a[20]).isEqualTo((byte) 65);
	}

	@Test
	void refusesKeysThatAreNotP256PointsAndTooLongMessages() {
		var offCurve = d(UA_PUBLIC).clone();
		offCurve[64] ^= 1;
		assertThatThrownBy(() -> WebPushCrypto.publicKey(offCurve)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WebPushCrypto.publicKey(new byte[33])).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WebPushCrypto.encrypt(new byte[WebPushCrypto.MAX_PLAINTEXT + 1], d(UA_PUBLIC), d(AUTH)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	static byte[] d(String s) {
		return Base64.getUrlDecoder().decode(s);
	}
}
