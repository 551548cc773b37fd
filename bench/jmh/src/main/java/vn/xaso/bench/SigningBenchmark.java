package vn.xaso.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vn.xaso.documents.DocumentType;
import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.Signer;
import vn.xaso.signing.internal.Certificates;
import vn.xaso.signing.internal.KeySigner;

/**
 * Signing throughput of {@link PdfSigning} (PAdES-B-B, no time-stamp authority) with an RSA-2048 key read
 * from a PKCS#12 key store in memory, on a 1-page and a 10-page document rendered by the app's own
 * {@link DocumentRenderer}; invisible and visible (personal: signature image, name, time) appearance.
 * References measured in the same run: one raw {@code SHA256withRSA} signature with the JDK provider over
 * a few hundred bytes (what the CMS signer signs: the signed attributes), and SHA-256 over the PDF bytes.
 *
 * <p>Single-threaded (one operation at a time), throughput in operations per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SigningBenchmark {

	/** An RSA-2048 key and its self-issued certificate, stored to and loaded back from a PKCS#12 key store. */
	@State(Scope.Benchmark)
	public static class Key {

		Signer signer;
		PrivateKey privateKey;
		byte[] signedAttributes;

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			KeyPair keys = Certificates.rsaKeyPair();
			X509Certificate cert = Certificates.selfIssued("Đinh Văn Hùng", "UBND Xã Yên Mô", keys, Duration.ofDays(365));
			char[] password = "bench".toCharArray();
			var store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("signer", keys.getPrivate(), password, new Certificate[] { cert });
			var p12 = new ByteArrayOutputStream();
			store.store(p12, password);
			var loaded = KeyStore.getInstance("PKCS12");
			loaded.load(new ByteArrayInputStream(p12.toByteArray()), password);
			privateKey = (PrivateKey) loaded.getKey("signer", password);
			signer = new KeySigner(privateKey, List.of((X509Certificate) loaded.getCertificate("signer")), null);
			// about the size of the DER signed attributes a PAdES signer signs (content type, digest, ESS cert id v2)
			signedAttributes = new byte[300];
			new Random(1).nextBytes(signedAttributes);
		}
	}

	/** A document of {@code pages} A4 pages in the legal layout (Nghị định 30/2020), as the app renders it. */
	@State(Scope.Benchmark)
	public static class Pdf {

		@Param({ "1", "10" })
		public int pages;

		byte[] pdf;
		final PdfSigning signing = new PdfSigning(null);
		final SignatureAppearance invisible = SignatureAppearance.invisible("Đinh Văn Hùng");
		final SignatureAppearance visible = SignatureAppearance.personal("Đinh Văn Hùng");

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			var paragraphs = new ArrayList<String>();
			var random = new Random(pages);
			pdf = render(paragraphs);
			while (pageCount(pdf) < pages) {
				for (int i = 0; i < 3; i++) {
					paragraphs.add(paragraph(random));
				}
				pdf = render(paragraphs);
			}
			while (pageCount(pdf) > pages && !paragraphs.isEmpty()) {
				paragraphs.removeLast();
				pdf = render(paragraphs);
			}
			if (pageCount(pdf) != pages) {
				throw new IllegalStateException("could not make a " + pages + "-page PDF");
			}
			System.out.printf("%n[setup] %d-page PDF: %,d bytes, %d paragraphs%n", pages, pdf.length, paragraphs.size());
		}

		private static int pageCount(byte[] pdf) throws Exception {
			try (var document = Loader.loadPDF(pdf)) {
				return document.getNumberOfPages();
			}
		}

		private static byte[] render(List<String> paragraphs) {
			var body = paragraphs.isEmpty() ? "Công nhận kết quả đăng ký khai sinh cho công dân có tên dưới đây." : String.join("\n", paragraphs);
			return DocumentRenderer.render(new DocumentRenderer.Layout(List.of("ỦY BAN NHÂN DÂN", "XÃ YÊN MÔ"),
					DocumentType.QUYET_DINH, "15/QĐ-UBND", "QĐ-UBND", "Yên Mô", LocalDate.of(2026, 3, 5),
					"Về việc công nhận kết quả đăng ký khai sinh và cấp bản sao trích lục", body,
					List.of("Như Điều 3", "Lưu: VT."), "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Hùng"));
		}

		private static final String[] WORDS = ("căn cứ luật tổ chức chính quyền địa phương ngày tháng năm quyết định "
				+ "ủy ban nhân dân xã công nhận kết quả đăng ký khai sinh hộ tịch công dân thôn tổ dân phố theo đề nghị "
				+ "của công chức tư pháp văn phòng thống kê các ông bà có tên tại điều chịu trách nhiệm thi hành kể từ "
				+ "ngày ký ban hành kế hoạch triển khai thực hiện báo cáo kết quả về ủy ban trước ngày").split(" ");

		private static String paragraph(Random random) {
			var p = new StringBuilder();
			int n = 40 + random.nextInt(40);
			for (int i = 0; i < n; i++) {
				var w = WORDS[random.nextInt(WORDS.length)];
				p.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == n - 1 ? "." : " ");
			}
			return p.toString();
		}
	}

	@Benchmark
	public byte[] padesInvisible(Pdf pdf, Key key) {
		return pdf.signing.sign(pdf.pdf, key.signer, pdf.invisible);
	}

	@Benchmark
	public byte[] padesVisible(Pdf pdf, Key key) {
		return pdf.signing.sign(pdf.pdf, key.signer, pdf.visible);
	}

	/** Reference: one raw RSA-2048 SHA256withRSA signature with the JDK provider (no PDF, no CMS). */
	@Benchmark
	public byte[] rsaSha256Sign(Key key) throws Exception {
		var signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(key.privateKey);
		signature.update(key.signedAttributes);
		return signature.sign();
	}

	/** Reference: SHA-256 over the whole PDF (what the signature's message digest covers, about). */
	@Benchmark
	public byte[] sha256Pdf(Pdf pdf) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(pdf.pdf);
	}
}
