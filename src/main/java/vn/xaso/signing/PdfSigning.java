package vn.xaso.signing;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.jspecify.annotations.Nullable;

import vn.xaso.signing.SignatureAppearance.Box;
import vn.xaso.signing.SignatureAppearance.Kind;
import vn.xaso.signing.internal.Certificates;
import vn.xaso.signing.internal.CmsBuilder;
import vn.xaso.signing.internal.PdfChecks;

/**
 * Signs PDFs as PAdES baseline signatures (PDFBox 3 for the PDF, BouncyCastle for the CMS): B-B always, B-T
 * when a time-stamp authority is configured ({@code xaso.signing.tsa-url}). Each signature is an incremental
 * update, so earlier signatures stay valid. Refuses (and writes nothing) when the signer's certificate is
 * expired or not yet valid.
 */
public class PdfSigning {

	/** Vietnam's offset, used for the time shown on signatures. */
	public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
	/** The signing time as printed on the page, Vietnam time: "23/11/2026 05:58". */
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final float MM = 72f / 25.4f;
	private static final int SIGNATURE_SPACE = 40_000;

	private final @Nullable URI tsaUrl;
	private final Clock clock;

	public PdfSigning(@Nullable URI tsaUrl, Clock clock) {
		this.tsaUrl = tsaUrl;
		this.clock = clock;
	}

	public PdfSigning(@Nullable URI tsaUrl) {
		this(tsaUrl, Clock.systemUTC());
	}

	/** Whether signatures get an RFC 3161 time-stamp (PAdES-BASELINE-T). */
	public boolean timestamps() {
		return tsaUrl != null;
	}

	/** Returns the signed PDF: the input plus one incremental update holding the signature. */
	public byte[] sign(byte[] pdf, Signer signer, SignatureAppearance appearance) {
		var sample = Timer.start();
		try {
			return signTimed(pdf, signer, appearance);
		}
		finally {
			sample.stop(Metrics.timer("xaso.signing.time", "appearance", appearance.kind().name().toLowerCase(java.util.Locale.ROOT)));
		}
	}

	private byte[] signTimed(byte[] pdf, Signer signer, SignatureAppearance appearance) {
		var now = OffsetDateTime.now(clock).withOffsetSameInstant(VIETNAM).truncatedTo(ChronoUnit.SECONDS);
		checkCertificate(signer, now);
		try (var document = PdfChecks.open(pdf)) {
			var signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
			signature.setName(Certificates.commonName(signer.certificate()));
			if (appearance.reason() != null) {
				signature.setReason(appearance.reason());
			}
			var calendar = new GregorianCalendar(TimeZone.getTimeZone(VIETNAM));
			calendar.setTimeInMillis(now.toInstant().toEpochMilli());
			signature.setSignDate(calendar);

			var options = new SignatureOptions();
			options.setPreferredSignatureSize(signatureSpace(signer));
			int pageIndex = pageIndex(document, appearance);
			if (appearance.kind() != Kind.INVISIBLE) {
				options.setVisualSignature(new ByteArrayInputStream(visualTemplate(document, pageIndex, appearance, now)));
				options.setPage(pageIndex);
			}
			try (options) {
				document.addSignature(signature, options);
				var out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SPACE * 2 + 65_536);
				var external = document.saveIncrementalForExternalSigning(out);
				var content = external.getContent().readAllBytes();
				external.setSignature(CmsBuilder.build(content, signer, tsaUrl));
				return out.toByteArray();
			}
		}
		catch (IOException e) {
			throw SigningException.because(e, "signing.error.pdfWrite", String.valueOf(e.getMessage()));
		}
	}

	/**
	 * Room for the CMS in the PDF (written as hex, so twice this): the certificates, the signed attributes and the
	 * signature value, plus a time-stamp token when a TSA is used, with a margin. A fixed 40 KB made every
	 * signature cost 80 KB of zeros.
	 */
	int signatureSpace(Signer signer) {
		int certificates = 0;
		for (var certificate : signer.certificateChain()) {
			try {
				certificates += certificate.getEncoded().length;
			}
			catch (java.security.cert.CertificateEncodingException e) {
				return SIGNATURE_SPACE;
			}
		}
		int space = certificates + 4_096 + (tsaUrl != null ? 12_000 : 0);
		return Math.min(SIGNATURE_SPACE, Math.max(8_192, space));
	}

	static void checkCertificate(Signer signer, OffsetDateTime now) {
		var certificate = signer.certificate();
		var at = now.toInstant();
		if (certificate.getNotAfter().toInstant().isBefore(at)) {
			throw SigningException.of("signing.error.expiredOn", Certificates.commonName(certificate),
					DAY.format(certificate.getNotAfter().toInstant().atOffset(VIETNAM)));
		}
		if (certificate.getNotBefore().toInstant().isAfter(at)) {
			throw SigningException.of("signing.error.validFrom", Certificates.commonName(certificate),
					DAY.format(certificate.getNotBefore().toInstant().atOffset(VIETNAM)));
		}
	}

	private static int pageIndex(PDDocument document, SignatureAppearance appearance) {
		int pages = document.getNumberOfPages();
		if (pages == 0) {
			throw PdfRejectedException.rejected("signing.error.pdfNoPage");
		}
		if (appearance.page() <= 0) {
			return pages - 1;
		}
		if (appearance.page() > pages) {
			throw SigningException.of("signing.error.pdfPage", String.valueOf(pages), String.valueOf(appearance.page()));
		}
		return appearance.page() - 1;
	}

	/** The signer's image box when none is given: lower right of the page, where ô 7c sits. */
	static Box defaultSignerBox(PDRectangle media) {
		float width = 70 * MM, height = 32 * MM;
		return new Box(media.getUpperRightX() - 20 * MM - width, media.getLowerLeftY() + 45 * MM, width, height);
	}

	/**
	 * Where the signer's signature image is drawn inside the signer's box, in page coordinates: centred, as wide as
	 * 80% of the box but at most 2.7 times the box's height. The organisation's seal is placed from this, so it
	 * covers about a third of the image on the left (Phụ lục I, II.8.a) whatever the signer's name.
	 */
	static PDRectangle signatureImageArea(Box signerBox) {
		float width = Math.min(signerBox.width() * 0.8f, signerBox.height() * 2.7f);
		return new PDRectangle(signerBox.x() + (signerBox.width() - width) / 2, signerBox.y(), width, signerBox.height());
	}

	/** The seal's real size: about 36 mm across, as a commune's round seal. */
	static final float SEAL_DIAMETER = 36 * MM;

	/** The widget rectangle for the appearance, in page coordinates. */
	static PDRectangle rectangle(PDRectangle media, SignatureAppearance appearance) {
		var signerBox = appearance.box() != null ? appearance.box() : defaultSignerBox(media);
		return switch (appearance.kind()) {
			case PERSONAL, INVISIBLE -> new PDRectangle(signerBox.x(), signerBox.y(), signerBox.width(), signerBox.height());
			case ORGANISATION -> {
				// The seal, at its real size, its right edge a third of the way into the signer's image.
				var image = signatureImageArea(signerBox);
				float x = image.getLowerLeftX() + image.getWidth() / 3 - SEAL_DIAMETER;
				float y = signerBox.y() + signerBox.height() / 2 - SEAL_DIAMETER / 2;
				yield new PDRectangle(x, y, SEAL_DIAMETER, SEAL_DIAMETER);
			}
			case ATTACHMENT -> {
				float width = 62 * MM, height = 14 * MM;
				yield new PDRectangle(media.getUpperRightX() - 15 * MM - width, media.getUpperRightY() - 8 * MM - height, width,
						height);
			}
		};
	}

	private static byte[] visualTemplate(PDDocument source, int pageIndex, SignatureAppearance appearance,
			OffsetDateTime now) throws IOException {
		var sourcePage = source.getPage(pageIndex);
		var media = sourcePage.getMediaBox();
		var rect = rectangle(media, appearance);
		try (var template = new PDDocument()) {
			var page = new PDPage(media);
			template.addPage(page);
			var acroForm = new PDAcroForm(template);
			template.getDocumentCatalog().setAcroForm(acroForm);
			var field = new PDSignatureField(acroForm);
			var widget = field.getWidgets().getFirst();
			acroForm.setSignaturesExist(true);
			acroForm.setAppendOnly(true);
			acroForm.getCOSObject().setDirect(true);
			acroForm.getFields().add(field);
			widget.setRectangle(rect);
			widget.setPrinted(true);

			var stream = new PDStream(template);
			var form = new PDFormXObject(stream);
			form.setResources(new PDResources());
			form.setFormType(1);
			form.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
			var appearanceDictionary = new PDAppearanceDictionary();
			appearanceDictionary.getCOSObject().setDirect(true);
			var appearanceStream = new PDAppearanceStream(form.getCOSObject());
			appearanceDictionary.setNormalAppearance(appearanceStream);
			widget.setAppearance(appearanceDictionary);
			try (var cs = new PDPageContentStream(template, appearanceStream)) {
				draw(template, cs, rect, appearance.box() != null ? appearance.box() : defaultSignerBox(media), appearance, now);
			}
			var out = new ByteArrayOutputStream();
			template.save(out);
			return out.toByteArray();
		}
	}

	/**
	 * Phụ lục I: the personal signature shows the signer's signature image only (II.7.d; the signer's title and
	 * name are the document's own text, 13–14 pt bold); the organisation's shows the red seal only (II.8.a), over
	 * a third of the signer's image. Who signed and when are in the signature itself, which readers show. An
	 * attachment's signature shows the organisation, the number and the signing time in Times New Roman
	 * (Liberation Serif) 10 pt (II.8.b).
	 */
	private static void draw(PDDocument template, PDPageContentStream cs, PDRectangle rect, Box signerBox,
			SignatureAppearance appearance, OffsetDateTime now) throws IOException {
		float w = rect.getWidth(), h = rect.getHeight();
		var time = SHOWN.format(now.withOffsetSameInstant(VIETNAM));
		switch (appearance.kind()) {
			case PERSONAL -> {
				var signature = SignatureImages.trim(SignatureImages.signature(appearance.name(), 600, 200));
				var area = signatureImageArea(signerBox);
				float width = area.getWidth();
				float height = Math.min(area.getHeight(), width * signature.getHeight() / signature.getWidth());
				cs.drawImage(LosslessFactory.createFromImage(template, signature), area.getLowerLeftX() - rect.getLowerLeftX(),
						area.getLowerLeftY() - rect.getLowerLeftY() + (area.getHeight() - height) / 2, width, height);
			}
			case ORGANISATION -> {
				BufferedImage seal = SignatureImages.seal(appearance.name(), 400);
				cs.drawImage(LosslessFactory.createFromImage(template, seal), 0, 0, w, h);
			}
			case ATTACHMENT -> text(template, cs,
					List.of(appearance.name(), SignatureAppearance.NUMBER + String.valueOf(appearance.numberAndSymbol()), SignatureAppearance.TIME + time), 10f, 2,
					h - 11);
			case INVISIBLE -> {
			}
		}
	}

	/** Lines of black text in Liberation Serif (metrically Times New Roman), embedded as a subset. */
	private static void text(PDDocument template, PDPageContentStream cs, List<String> lines, float size, float x,
			float topBaseline) throws IOException {
		PDType0Font font;
		try (var in = PdfSigning.class.getResourceAsStream("/liberation/LiberationSerif-Regular.ttf")) {
			if (in == null) {
				throw new IllegalStateException("Font missing from the classpath: LiberationSerif-Regular.ttf");
			}
			font = PDType0Font.load(template, in, true);
		}
		cs.beginText();
		cs.setFont(font, size);
		cs.setNonStrokingColor(java.awt.Color.BLACK);
		cs.newLineAtOffset(x, topBaseline);
		for (var line : lines) {
			cs.showText(java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFC));
			cs.newLineAtOffset(0, -size * 1.2f);
		}
		cs.endText();
	}

	static Calendar calendar(OffsetDateTime time) {
		var calendar = new GregorianCalendar(TimeZone.getTimeZone(VIETNAM));
		calendar.setTimeInMillis(time.toInstant().toEpochMilli());
		return calendar;
	}
}
