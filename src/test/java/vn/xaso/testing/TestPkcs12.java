package vn.xaso.testing;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;

import vn.xaso.signing.internal.Certificates;

/** A .p12 file as a CA delivers it to a commune: an RSA key and its certificate under a password, made in the test. */
public final class TestPkcs12 {

	private TestPkcs12() {
	}

	public static byte[] make(String holder, String password) throws Exception {
		var keys = Certificates.rsaKeyPair();
		var certificate = Certificates.selfIssued(holder, holder, keys, Duration.ofDays(730));
		var store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("ubnd", keys.getPrivate(), password.toCharArray(), new Certificate[] { certificate });
		var out = new ByteArrayOutputStream();
		store.store(out, password.toCharArray());
		return out.toByteArray();
	}
}
