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

import vn.xaso.signing.internal.Certificates;

/**
 * One SoftHSM2 token per test JVM, initialised in target/softhsm before anything loads the PKCS#11 library (SoftHSM
 * reads {@code SOFTHSM2_CONF}, set by Surefire, once per process). Tests put their own keys on it.
 */
public final class SoftHsm {

	/** Each test JVM has its own folder (Surefire's fork number in {@code SOFTHSM2_CONF}, pom.xml). */
	static final Path HOME = Path.of(java.util.Objects.requireNonNull(System.getenv("SOFTHSM2_CONF"),
			"SOFTHSM2_CONF from Surefire's environmentVariables")).toAbsolutePath().getParent();
	static final Path CONF = HOME.resolve("softhsm2.conf");
	public static final String PIN = "123456";
	static final TestPki PKI = new TestPki("XaSo PKCS11 Test CA");

	public record Token(Path library, long slot) {
	}

	private static Token token;

	private SoftHsm() {
	}

	public static synchronized Token token() throws Exception {
		if (token != null) {
			return token;
		}
		assertThat(System.getenv("SOFTHSM2_CONF")).as("SOFTHSM2_CONF from Surefire's environmentVariables").isEqualTo(CONF.toString());
		var util = TestPki.tool("softhsm2-util");
		var library = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"), Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"))
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
		token = new Token(library, Long.parseLong(m.group(1)));
		return token;
	}

	/** Puts a new RSA key on the token under {@code alias}, with a certificate for {@code commonName} from the test CA. */
	public static void addKey(String alias, String commonName) throws Exception {
		var t = token();
		var provider = Security.getProvider("SunPKCS11").configure("--name = XaSoTestInit\nlibrary = " + t.library() + "\nslot = " + t.slot() + "\n");
		var store = KeyStore.getInstance("PKCS11", provider);
		store.load(null, PIN.toCharArray());
		var generator = KeyPairGenerator.getInstance("RSA", provider);
		generator.initialize(2048);
		var keys = generator.generateKeyPair();
		var now = Instant.now();
		var cert = Certificates.issue(Certificates.name(commonName, "UBND Xã Yên Mô"), keys.getPublic(),
				Certificates.name(Certificates.commonName(PKI.ca), "XaSo Test PKI"), PKI.caKeys.getPrivate(), now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(365)), false, false);
		store.setKeyEntry(alias, keys.getPrivate(), null, new Certificate[] { cert, PKI.ca });
	}
}
