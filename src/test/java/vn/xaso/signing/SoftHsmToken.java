package vn.xaso.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import vn.xaso.signing.internal.Certificates;

/**
 * One SoftHSM2 token for the whole test JVM (SoftHSM reads {@code SOFTHSM2_CONF} once, at the first C_Initialize, so
 * every test class of a JVM shares the token and adds its own keys under its own alias). Surefire sets
 * {@code SOFTHSM2_CONF} per fork (pom.xml); the file is written here before the library is loaded. Fails when softhsm2 is not installed.
 */
public final class SoftHsmToken {

	public static final String PIN = "123456";
	public static final String LABEL = "xaso";
	/** Each test JVM has its own folder (Surefire's fork number in {@code SOFTHSM2_CONF}, pom.xml). */
	static final Path HOME = Path.of(java.util.Objects.requireNonNull(System.getenv("SOFTHSM2_CONF"),
			"SOFTHSM2_CONF from Surefire's environmentVariables")).toAbsolutePath().getParent();
	static final Path CONF = HOME.resolve("softhsm2.conf");
	static final TestPki PKI = new TestPki("XaSo PKCS11 Test CA");
	private static Path library;
	private static long slot = -1;

	private SoftHsmToken() {
	}

	public static synchronized Path library() {
		init();
		return library;
	}

	public static synchronized long slot() {
		init();
		return slot;
	}

	/** The CA that issued every certificate on the token. */
	public static X509Certificate ca() {
		return PKI.ca;
	}

	/** Puts a new RSA key and a certificate for {@code commonName} under {@code alias}, as a CA's token comes. */
	public static synchronized X509Certificate addKey(String alias, String commonName, String organisation) throws Exception {
		init();
		Pkcs11Tokens.module(library); // as the application does: a page that listed tokens before the file existed left it uninitialised
		var provider = Security.getProvider("SunPKCS11")
			.configure("--name = XaSoTestInit" + alias.hashCode() + "\nlibrary = " + library + "\nslot = " + slot + "\n");
		var store = KeyStore.getInstance("PKCS11", provider);
		store.load(null, PIN.toCharArray());
		var generator = KeyPairGenerator.getInstance("RSA", provider);
		generator.initialize(2048);
		var keys = generator.generateKeyPair();
		var now = Instant.now();
		var cert = Certificates.issue(Certificates.name(commonName, organisation), keys.getPublic(),
				Certificates.name(Certificates.commonName(PKI.ca), "XaSo Test PKI"), PKI.caKeys.getPrivate(),
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false, false);
		store.setKeyEntry(alias, keys.getPrivate(), null, new Certificate[] { cert, PKI.ca });
		return cert;
	}

	/** Poppler's pdfsig output for {@code pdf}. */
	public static String pdfsig(byte[] pdf) throws Exception {
		return TestPki.pdfsig(pdf);
	}

	public static byte[] samplePdf(String marker) throws Exception {
		return TestPki.samplePdf(marker);
	}

	private static void init() {
		if (slot >= 0) {
			return;
		}
		try {
			Files.createDirectories(HOME);
			var util = TestPki.tool("softhsm2-util");
			library = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"), Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"))
				.stream().filter(Files::isReadable).findFirst()
				.orElseThrow(() -> new AssertionError("libsofthsm2.so not found: install softhsm2"));
			var tokens = HOME.resolve("tokens-" + System.nanoTime());
			Files.createDirectories(tokens);
			Files.writeString(CONF, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
					StandardCharsets.UTF_8);
			var process = new ProcessBuilder(util, "--init-token", "--free", "--label", LABEL, "--so-pin", "12345678", "--pin", PIN)
				.redirectErrorStream(true).start();
			process.getOutputStream().close();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new AssertionError("softhsm2-util failed: " + output);
			}
			var m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
			if (!m.find()) {
				throw new AssertionError(output);
			}
			slot = Long.parseLong(m.group(1));
		}
		catch (Exception e) {
			throw new AssertionError("SoftHSM token could not be made", e);
		}
	}
}
