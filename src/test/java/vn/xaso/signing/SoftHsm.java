package vn.xaso.signing;

import java.nio.file.Path;

/**
 * The test JVM's one SoftHSM2 token ({@link SoftHsmToken}) as the batch-signing tests use it: SoftHSM reads
 * {@code SOFTHSM2_CONF} once per process, so every test class shares that token and adds keys under its own alias.
 */
public final class SoftHsm {

	public static final String PIN = SoftHsmToken.PIN;
	static final TestPki PKI = SoftHsmToken.PKI;

	public record Token(Path library, long slot) {
	}

	private SoftHsm() {
	}

	public static Token token() {
		return new Token(SoftHsmToken.library(), SoftHsmToken.slot());
	}

	/** Puts a new RSA key on the token under {@code alias}, with a certificate for {@code commonName} from the test CA. */
	public static void addKey(String alias, String commonName) throws Exception {
		SoftHsmToken.addKey(alias, commonName, "UBND Xã Yên Mô");
	}
}
