package vn.xaso.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Something that holds a private key and can sign with it: a PKCS#12 file, a PKCS#11 token or HSM, or a
 * remote signing service. The PAdES code only needs the certificate chain and raw signatures.
 */
public interface Signer {

	/** The signer's certificate first, then any intermediates the signer knows of. */
	List<X509Certificate> certificateChain();

	default X509Certificate certificate() {
		return certificateChain().getFirst();
	}

	/** The JCA name of the algorithm {@link #sign} uses, e.g. {@code SHA256withRSA}. */
	String algorithm();

	/** Signs {@code data} (the signer hashes it with SHA-256 first). */
	byte[] sign(byte[] data);
}
