package vn.xaso.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpServer;

import vn.xaso.signing.internal.Certificates;
import vn.xaso.signing.internal.KeySigner;

/** A small test PKI: a root CA, officials' certificates it issues, a local RFC 3161 TSA, sample PDFs, pdfsig. */
final class TestPki {

	final KeyPair caKeys = Certificates.rsaKeyPair();
	final X509Certificate ca;

	TestPki(String name) {
		var caName = Certificates.name(name, "XaSo Test PKI");
		var now = Instant.now();
		ca = Certificates.issue(caName, caKeys.getPublic(), caName, caKeys.getPrivate(), now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(3650)), true, false);
	}

	/** A signer with a certificate this CA issued, valid from {@code from} to {@code to}. */
	KeySigner signer(String commonName, Instant from, Instant to) {
		var keys = Certificates.rsaKeyPair();
		var cert = Certificates.issue(Certificates.name(commonName, "UBND Xã Yên Mô"), keys.getPublic(),
				Certificates.name(Certificates.commonName(ca), "XaSo Test PKI"), caKeys.getPrivate(), from, to, false, false);
		return new KeySigner(keys.getPrivate(), List.of(cert, ca), null);
	}

	KeySigner signer(String commonName) {
		var now = Instant.now();
		return signer(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
	}

	/** A running RFC 3161 time-stamp authority on 127.0.0.1, built from BouncyCastle's generator. */
	static final class Tsa implements AutoCloseable {
		final HttpServer server;
		final X509Certificate certificate;
		final AtomicLong served = new AtomicLong();

		Tsa(TestPki pki) throws Exception {
			var keys = Certificates.rsaKeyPair();
			var now = Instant.now();
			certificate = Certificates.issue(Certificates.name("XaSo Test TSA", "XaSo Test PKI"), keys.getPublic(),
					Certificates.name(Certificates.commonName(pki.ca), "XaSo Test PKI"), pki.caKeys.getPrivate(),
					now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false, true);
			var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate);
			var tokenGenerator = new TimeStampTokenGenerator(signerInfo,
					new JcaDigestCalculatorProviderBuilder().build().get(
							new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
					new ASN1ObjectIdentifier("1.2.3.4.1"));
			tokenGenerator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(certificate, pki.ca)));
			var responseGenerator = new TimeStampResponseGenerator(tokenGenerator, TSPAlgorithms.ALLOWED);
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/tsa", exchange -> {
				try (exchange) {
					var request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
					var response = responseGenerator.generate(request, BigInteger.valueOf(served.incrementAndGet()), new Date());
					var body = response.getEncoded();
					exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
				}
				catch (Exception e) {
					exchange.sendResponseHeaders(500, -1);
				}
			});
			server.start();
			var unused = new JcaX509CertificateHolder(certificate);
		}

		URI url() {
			return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}

	/** A two-page A4 PDF with an uncompressed content stream, so a test can change one visible byte. */
	static byte[] samplePdf(String marker) throws IOException {
		try (var document = new PDDocument()) {
			for (int i = 1; i <= 2; i++) {
				var page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (var cs = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
					cs.beginText();
					cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 13);
					cs.newLineAtOffset(85, 760);
					cs.showText(marker + " page " + i);
					cs.endText();
				}
			}
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** Changes one byte of {@code marker} inside the signed content (the first byte range). */
	static byte[] tamper(byte[] signed, String marker) {
		var text = new String(signed, StandardCharsets.ISO_8859_1);
		int at = text.indexOf(marker);
		if (at < 0) {
			throw new IllegalStateException("marker not found");
		}
		var copy = signed.clone();
		copy[at] = (byte) (copy[at] == 'X' ? 'Y' : 'X');
		return copy;
	}

	/** Runs Poppler's pdfsig; fails (does not skip) if it is not installed. */
	static String pdfsig(byte[] pdf) throws Exception {
		var file = Files.createTempFile("xaso-pdfsig", ".pdf");
		try {
			Files.write(file, pdf);
			var process = new ProcessBuilder(tool("pdfsig"), file.toString()).redirectErrorStream(true).start();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("pdfsig did not finish");
			}
			return output;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** The path of a required command-line tool; throws (so the test fails) when it is missing. */
	static String tool(String name) {
		for (var dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
			var path = Path.of(dir, name);
			if (Files.isExecutable(path)) {
				return path.toString();
			}
		}
		throw new AssertionError(name + " is not installed: run ./xaso test (it installs softhsm2, opensc and poppler-utils)");
	}

	static List<String> lines(String output, String prefix) {
		var result = new ArrayList<String>();
		output.lines().map(String::strip).filter(l -> l.startsWith(prefix)).forEach(result::add);
		return result;
	}
}
