package vn.xaso.signing.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.xaso.signing.SigningException;

/** Certificate helpers: issue (for demos and tests), parse PEM/DER by content, describe. */
public final class Certificates {

	private static final Pattern PEM = Pattern.compile(
			"-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
	private static final SecureRandom RANDOM = new SecureRandom();

	private Certificates() {
	}

	public static KeyPair rsaKeyPair() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static X500Name name(String commonName, String organisation) {
		var builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
		if (!organisation.isBlank()) {
			builder.addRDN(BCStyle.O, organisation);
		}
		return builder.addRDN(BCStyle.CN, commonName).build();
	}

	/**
	 * Issues a certificate. {@code issuerKey} signs it; for a self-issued certificate pass the subject's
	 * own key and name. {@code ca} marks a CA certificate, {@code timeStamping} a TSA certificate.
	 */
	public static X509Certificate issue(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
			Instant notBefore, Instant notAfter, boolean ca, boolean timeStamping) {
		try {
			var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
					Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
			if (ca) {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			}
			if (timeStamping) {
				builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
			}
			ContentSigner signer = new JcaContentSignerBuilder(KeySigner.algorithmFor(issuerKey.getAlgorithm())).build(issuerKey);
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not issue a certificate", e);
		}
	}

	public static X509Certificate selfIssued(String commonName, String organisation, KeyPair keys, Duration validity) {
		var name = name(commonName, organisation);
		var now = Instant.now();
		return issue(name, keys.getPublic(), name, keys.getPrivate(), now.minus(Duration.ofMinutes(5)), now.plus(validity),
				false, false);
	}

	/** Reads certificates from PEM text or DER bytes; judged by content, never by file name. */
	public static List<X509Certificate> parse(byte[] content) {
		try {
			var factory = CertificateFactory.getInstance("X.509");
			var text = new String(content, StandardCharsets.US_ASCII);
			var result = new ArrayList<X509Certificate>();
			if (text.contains("-----BEGIN CERTIFICATE-----")) {
				var m = PEM.matcher(text);
				while (m.find()) {
					var der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
					result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
				}
			}
			else {
				result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(content)));
			}
			if (result.isEmpty()) {
				throw SigningException.of("signing.error.noCertificate");
			}
			return result;
		}
		catch (SigningException e) {
			throw e;
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.notCertificate");
		}
	}

	public static X509Certificate fromDer(byte[] der) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The common name of a certificate's subject, or the whole subject if it has none. */
	public static String commonName(X509Certificate certificate) {
		var name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		var cn = name.getRDNs(BCStyle.CN);
		return cn.length > 0 ? cn[0].getFirst().getValue().toString() : certificate.getSubjectX500Principal().getName();
	}

	public static String subject(X509Certificate certificate) {
		return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
	}

	public static String issuer(X509Certificate certificate) {
		return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()).toString();
	}
}
