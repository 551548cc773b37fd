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
 * Signs through a real PKCS#11 module: SoftHSM2 with a token initialised in target/softhsm-N (N: the test JVM) for this run.
 * The JVM gets {@code SOFTHSM2_CONF} from Surefire (pom.xml); this class writes that file before the
 * provider is loaded. Fails when softhsm2 is not installed.
 */
class SigningPkcs11Tests {

	/** Each test JVM has its own folder (Surefire's fork number in {@code SOFTHSM2_CONF}, pom.xml). */
	static final Path HOME = Path.of(java.util.Objects.requireNonNull(System.getenv("SOFTHSM2_CONF"),
			"SOFTHSM2_CONF from Surefire's environmentVariables")).toAbsolutePath().getParent();
	static final Path CONF = HOME.resolve("softhsm2.conf");
	static final String PIN = "123456";
	static final TestPki PKI = new TestPki("XaSo PKCS11 Test CA");
	static Path library;
	static long slot;

	@BeforeAll
	static void initialiseToken() throws Exception {
		assertThat(System.getenv("SOFTHSM2_CONF")).as("SOFTHSM2_CONF from Surefire's environmentVariables")
			.isEqualTo(CONF.toString());
		var util = TestPki.tool("softhsm2-util");
		library = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"), Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"))
			.stream().filter(Files::isReadable).findFirst()
			.orElseThrow(() -> new AssertionError("libsofthsm2.so not found: install softhsm2"));
		var tokens = HOME.resolve("tokens-" + System.nanoTime());
		Files.createDirectories(tokens);
		Files.writeString(CONF, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
				StandardCharsets.UTF_8);
		var process = new ProcessBuilder(util, "--init-token", "--free", "--label", "xaso", "--so-pin", "12345678", "--pin", PIN)
			.redirectErrorStream(true).start();
		process.getOutputStream().close();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		var m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
		assertThat(m.find()).as(output).isTrue();
		slot = Long.parseLong(m.group(1));

		// Put a key pair and its certificate on the token, as a CA's token would come.
		var provider = Security.getProvider("SunPKCS11")
			.configure("--name = XaSoTestInit\nlibrary = " + library + "\nslot = " + slot + "\n");
		var store = KeyStore.getInstance("PKCS11", provider);
		store.load(null, PIN.toCharArray());
		var generator = KeyPairGenerator.getInstance("RSA", provider);
		generator.initialize(2048);
		var keys = generator.generateKeyPair();
		var now = Instant.now();
		var cert = Certificates.issue(Certificates.name("Token Nguyễn Thị Hoa", "UBND Xã Yên Mô"), keys.getPublic(),
				Certificates.name(Certificates.commonName(PKI.ca), "XaSo Test PKI"), PKI.caKeys.getPrivate(),
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false, false);
		store.setKeyEntry("hoa", keys.getPrivate(), null, new Certificate[] { cert, PKI.ca });
	}

	@Test
	void signsAPdfWithTheKeyOnTheToken() throws Exception {
		var signer = Pkcs11Signers.open(library, slot, PIN.toCharArray(), null);
		assertThat(Certificates.commonName(signer.certificate())).isEqualTo("Token Nguyễn Thị Hoa");
		var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), signer,
				SignatureAppearance.personal("Nguyễn Thị Hoa"));
		var signature = new SignatureVerification(() -> List.of(PKI.ca), 20).verify(signed).signatures().getFirst();
		assertThat(signature.intact()).isTrue();
		assertThat(signature.trusted()).isTrue();
		assertThat(signature.format()).isEqualTo("PAdES-BASELINE-B");
		assertThat(TestPki.pdfsig(signed)).contains("Signature is Valid");
	}
}
