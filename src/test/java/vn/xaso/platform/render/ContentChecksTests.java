package vn.xaso.platform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import vn.xaso.platform.render.ContentChecks.Problem;
import vn.xaso.platform.render.ContentChecks.Refused;

/** The one upload check: each kind of bad file gets its own problem, a good one its content type. */
class ContentChecksTests {

	private static final long MB = 1024 * 1024;

	@Test
	void aPdfWithAPageIsCountedAndEveryBadOneIsRefusedForItsOwnReason() throws Exception {
		assertThat(ContentChecks.pdfPages(pdf(3, null, null), MB)).isEqualTo(3);
		assertThat(problem(() -> ContentChecks.pdfPages(new byte[0], MB))).isEqualTo(Problem.EMPTY);
		assertThat(problem(() -> ContentChecks.pdfPages(pdf(1, null, null), 100))).isEqualTo(Problem.TOO_LARGE);
		assertThat(problem(() -> ContentChecks.pdfPages("hello, not a PDF".getBytes(StandardCharsets.US_ASCII), MB)))
			.isEqualTo(Problem.NOT_PDF);
		assertThat(problem(() -> ContentChecks.pdfPages("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII), MB)))
			.isEqualTo(Problem.PDF_BROKEN);
		assertThat(problem(() -> ContentChecks.pdfPages(pdf(0, null, null), MB))).isEqualTo(Problem.PDF_NO_PAGES);
		assertThat(problem(() -> ContentChecks.pdfPages(pdf(1, "owner", "reader"), MB))).isEqualTo(Problem.PDF_PASSWORD);
		assertThat(problem(() -> ContentChecks.pdfPages(pdf(1, "owner", ""), MB))).isEqualTo(Problem.PDF_ENCRYPTED);
	}

	@Test
	void pdfOrPictureTellsTheKindByContentAndDecodesPictures() throws Exception {
		assertThat(ContentChecks.pdfOrPicture(pdf(1, null, null), MB)).isEqualTo(ContentChecks.PDF);
		assertThat(ContentChecks.pdfOrPicture(picture("png"), MB)).isEqualTo(ContentChecks.PNG);
		assertThat(ContentChecks.pdfOrPicture(picture("jpeg"), MB)).isEqualTo(ContentChecks.JPEG);
		assertThat(problem(() -> ContentChecks.pdfOrPicture("GIF89a......".getBytes(StandardCharsets.US_ASCII), MB)))
			.isEqualTo(Problem.UNKNOWN_KIND);
		var png = picture("png");
		var truncated = java.util.Arrays.copyOf(png, 40);
		assertThat(problem(() -> ContentChecks.pdfOrPicture(truncated, MB))).isIn(Problem.IMAGE_BROKEN, Problem.IMAGE_UNREADABLE);
		assertThat(problem(() -> ContentChecks.pdfOrPicture(LargePngs.black(12_000, 5_000), 10 * MB))).isEqualTo(Problem.IMAGE_PIXELS);
	}

	@Test
	void aPhotoIsReEncodedAsJpegWithinItsSizeAndAThumbnail() throws Exception {
		var resized = JpegPhotos.resize(LargePngs.black(3000, 1500), 8 * MB, false, new JpegPhotos.Size(1200, 0.8f),
				new JpegPhotos.Size(320, 0.75f));
		assertThat(resized.width()).isEqualTo(1200);
		assertThat(resized.height()).isEqualTo(600);
		assertThat(ContentChecks.sniff(resized.content())).isEqualTo("jpeg");
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(resized.thumbnail())).getWidth()).isEqualTo(320);
		assertThatThrownBy(() -> JpegPhotos.resize(pdf(1, null, null), 8 * MB, false, new JpegPhotos.Size(1200, 0.8f),
				new JpegPhotos.Size(320, 0.75f))).isInstanceOfSatisfying(Refused.class,
						e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_KIND));
	}

	private static Problem problem(Check check) {
		try {
			check.run();
		}
		catch (Refused e) {
			return e.problem();
		}
		catch (Exception e) {
			throw new AssertionError("refused with something else than Refused", e);
		}
		throw new AssertionError("not refused");
	}

	private interface Check {
		void run() throws Exception;
	}

	private static byte[] pdf(int pages, String ownerPassword, String userPassword) throws IOException {
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			if (ownerPassword != null) {
				var policy = new StandardProtectionPolicy(ownerPassword, userPassword, new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] picture(String format) throws IOException {
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}
}
