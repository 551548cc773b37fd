package vn.xaso.signing.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.signing.Signer;
import vn.xaso.signing.SigningException;

/** A signer over a JCA private key: a key read from a PKCS#12 file, or a handle to a key on a PKCS#11 token. */
public final class KeySigner implements Signer {

	private final PrivateKey key;
	private final List<X509Certificate> chain;
	private final @Nullable Provider provider;

	public KeySigner(PrivateKey key, List<X509Certificate> chain, @Nullable Provider provider) {
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("A signer needs its certificate");
		}
		this.key = key;
		this.chain = List.copyOf(chain);
		this.provider = provider;
	}

	@Override
	public List<X509Certificate> certificateChain() {
		return chain;
	}

	@Override
	public String algorithm() {
		return algorithmFor(key.getAlgorithm());
	}

	static String algorithmFor(String keyAlgorithm) {
		return switch (keyAlgorithm) {
			case "EC", "ECDSA" -> "SHA256withECDSA";
			default -> "SHA256withRSA";
		};
	}

	@Override
	public byte[] sign(byte[] data) {
		try {
			var signature = provider == null ? Signature.getInstance(algorithm()) : Signature.getInstance(algorithm(), provider);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw SigningException.because(e, "signing.error.keySign", String.valueOf(e.getMessage()));
		}
	}
}
