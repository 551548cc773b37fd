package vn.xaso.signing;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;

import org.jspecify.annotations.Nullable;

import vn.xaso.signing.internal.KeySigner;

/**
 * Signers on a PKCS#11 token or HSM (a USB token of a Vietnamese CA, a network HSM), through the JDK's
 * SunPKCS11 provider. The private key never leaves the token; the token does the signing. Every {@link #open} checks
 * the PIN afresh (it logs the process out of the token first), so one signing at a time per token.
 */
public final class Pkcs11Signers {

	private Pkcs11Signers() {
	}

	/**
	 * Opens the token and returns a signer for the key {@code alias} (or the only key, when {@code alias} is
	 * {@code null}).
	 *
	 * @param library the vendor's PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
	 * @param slot the slot id, or {@code null} for the first slot with a token
	 */
	public static Signer open(Path library, @Nullable Long slot, char[] pin, @Nullable String alias) {
		Pkcs11Tokens.requireAllowed(library);
		try {
			var config = "--name = XaSo" + Math.abs(library.hashCode() + (slot == null ? 0 : slot.hashCode())) + "\n"
					+ "library = " + library.toAbsolutePath() + "\n"
					+ (slot == null ? "slotListIndex = 0\n" : "slot = " + slot + "\n");
			Pkcs11Tokens.module(library); // initialised once per process, with the library's own locking
			var provider = Security.getProvider("SunPKCS11").configure(config);
			var store = Pkcs11Tokens.login(provider, pin);
			String chosen = alias;
			if (chosen == null) {
				for (var name : Collections.list(store.aliases())) {
					if (store.isKeyEntry(name)) {
						chosen = name;
						break;
					}
				}
			}
			if (chosen == null || !store.isKeyEntry(chosen)) {
				throw SigningException.of("signing.error.noKeyOnToken");
			}
			var key = (PrivateKey) store.getKey(chosen, null);
			var chain = new ArrayList<X509Certificate>();
			var certificates = store.getCertificateChain(chosen);
			if (certificates == null) {
				throw SigningException.of("signing.error.noCertificateOnToken");
			}
			for (var c : certificates) {
				chain.add((X509Certificate) c);
			}
			return new KeySigner(key, chain, provider);
		}
		catch (SigningException e) {
			throw e;
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.tokenUnreadable", String.valueOf(e.getMessage()));
		}
	}
}
