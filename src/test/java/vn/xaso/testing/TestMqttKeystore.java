package vn.xaso.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The farm broker's TLS listener in the tests: a self-signed certificate for 127.0.0.1 and localhost (EC P-256,
 * BouncyCastle) made for each test context, kept in a PKCS12 keystore beside a truststore holding only the
 * certificate; their paths and the random password are the context's {@code xaso.farm.mqtt.tls.*} settings and
 * {@code xaso.test.mqtt-truststore} (FarmListenerTests connects with it).
 */
public class TestMqttKeystore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			var folder = Files.createDirectories(Path.of("target", "test-data", "mqtt-tls-" + UUID.randomUUID())).toAbsolutePath();
			var password = UUID.randomUUID().toString();
			var generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			var pair = generator.generateKeyPair();
			var name = new X500Name("CN=xaso-test-broker");
			var now = Instant.now();
			var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
					Date.from(now.plus(30, ChronoUnit.DAYS)), name, pair.getPublic());
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
					new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost") }));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
			var keystore = KeyStore.getInstance("PKCS12");
			keystore.load(null, null);
			keystore.setKeyEntry("broker", pair.getPrivate(), password.toCharArray(), new X509Certificate[] { certificate });
			var truststore = KeyStore.getInstance("PKCS12");
			truststore.load(null, null);
			truststore.setCertificateEntry("broker", certificate);
			var keyFile = folder.resolve("broker.p12");
			var trustFile = folder.resolve("trust.p12");
			try (OutputStream out = Files.newOutputStream(keyFile)) {
				keystore.store(out, password.toCharArray());
			}
			try (OutputStream out = Files.newOutputStream(trustFile)) {
				truststore.store(out, password.toCharArray());
			}
			TestPropertyValues.of("xaso.farm.mqtt.tls.keystore=" + keyFile, "xaso.farm.mqtt.tls.keystore-password=" + password,
					"xaso.test.mqtt-truststore=" + trustFile).applyTo(context);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
			throw new IllegalStateException(e);
		}
	}
}
