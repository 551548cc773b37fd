package vn.xaso.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.xaso.signing.internal.Certificates;

/**
 * Signs through a real PKCS#11 module: SoftHSM2 with a token initialised in target/softhsm for this run.
 * The JVM gets {@code SOFTHSM2_CONF} from Surefire (pom.xml); this class writes that file before the
 * provider is loaded. Fails when softhsm2 is not installed.
 */
class SigningPkcs11Tests {

	static final String PIN = SoftHsm.PIN;
	static final TestPki PKI = SoftHsm.PKI;
	static Path library;
	static long slot;

	@BeforeAll
	static void initialiseToken() throws Exception {
		var token = SoftHsm.token();
		library = token.library();
		slot = token.slot();
		// Put a key pair and its certificate on the token, as a CA's token would come.
		SoftHsm.addKey("hoa", "Token Nguyễn Thị Hoa");
	}

	@Test
	void signsAPdfWithTheKeyOnTheToken() throws Exception {
		var signer = Pkcs11Signers.open(library, slot, PIN.toCharArray(), "hoa");
		assertThat(Certificates.commonName(signer.certificate())).isEqualTo("Token Nguyễn Thị Hoa");
		var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), signer,
				SignatureAppearance.personal("Nguyễn Thị Hoa"));
		var signature = new SignatureVerification(() -> List.of(PKI.ca), 20).verify(signed).signatures().getFirst();
		assertThat(signature.intact()).isTrue();
		assertThat(signature.trusted()).isTrue();
		assertThat(signature.format()).isEqualTo("PAdES-BASELINE-B");
		assertThat(TestPki.pdfsig(signed)).contains("Signature is Valid");
		// the process is logged in to the token now: a wrong PIN must still be refused (PKCS#11 login is per process)
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pkcs11Signers.open(library, slot, "000000".toCharArray(), "hoa"))
			.isInstanceOf(SigningException.class).hasMessageContaining("Mã PIN");
		assertThat(Pkcs11Signers.open(library, slot, PIN.toCharArray(), "hoa").certificate()).isNotNull();
	}
}
