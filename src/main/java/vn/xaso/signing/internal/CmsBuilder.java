package vn.xaso.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

import vn.xaso.signing.Signer;
import vn.xaso.signing.SigningException;

/**
 * Builds the detached CMS SignedData that a PAdES baseline signature carries (SubFilter
 * ETSI.CAdES.detached): signed attributes content-type, message-digest and signing-certificate-v2, no
 * signing-time (the time is in the PDF's /M). With a time-stamp authority, adds a signature time-stamp
 * as an unsigned attribute (PAdES-BASELINE-T).
 */
public final class CmsBuilder {

	private CmsBuilder() {
	}

	public static byte[] build(byte[] content, Signer signer, @Nullable URI tsaUrl) {
		try {
			var certificate = signer.certificate();
			var algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(signer.algorithm());
			ContentSigner contentSigner = new ContentSigner() {
				private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

				@Override
				public AlgorithmIdentifier getAlgorithmIdentifier() {
					return algorithm;
				}

				@Override
				public OutputStream getOutputStream() {
					return buffer;
				}

				@Override
				public byte[] getSignature() {
					return signer.sign(buffer.toByteArray());
				}
			};
			var signingCertificate = signingCertificateV2(certificate);
			CMSAttributeTableGenerator signedAttributes = params -> {
				var table = new Hashtable<ASN1ObjectIdentifier, Attribute>();
				var contentType = (ASN1ObjectIdentifier) params.get(CMSAttributeTableGenerator.CONTENT_TYPE);
				table.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
				var digest = (byte[]) params.get(CMSAttributeTableGenerator.DIGEST);
				table.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
						new DERSet(new org.bouncycastle.asn1.DEROctetString(digest))));
				table.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate);
				return new AttributeTable(table);
			};
			var infoGenerator = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(signedAttributes)
				.build(contentSigner, new JcaX509CertificateHolder(certificate));
			var generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(infoGenerator);
			generator.addCertificates(new JcaCertStore(signer.certificateChain()));
			var signed = generator.generate(new CMSProcessableByteArray(content), false);
			if (tsaUrl != null) {
				signed = addTimestamp(signed, tsaUrl);
			}
			return signed.getEncoded("DER");
		}
		catch (SigningException e) {
			throw e;
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.cms", String.valueOf(e.getMessage()));
		}
	}

	private static Attribute signingCertificateV2(X509Certificate certificate) throws Exception {
		var hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		var issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
		var id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
				new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber()));
		return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
				new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { id })));
	}

	private static CMSSignedData addTimestamp(CMSSignedData signed, URI tsaUrl) throws Exception {
		var signers = new java.util.ArrayList<SignerInformation>();
		for (var info : signed.getSignerInfos().getSigners()) {
			var token = TimestampClient.request(tsaUrl, MessageDigest.getInstance("SHA-256").digest(info.getSignature()));
			var vector = new ASN1EncodableVector();
			if (info.getUnsignedAttributes() != null) {
				vector = info.getUnsignedAttributes().toASN1EncodableVector();
			}
			vector.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
					new DERSet(token.toCMSSignedData().toASN1Structure())));
			signers.add(SignerInformation.replaceUnsignedAttributes(info, new AttributeTable(vector)));
		}
		return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signers));
	}
}
