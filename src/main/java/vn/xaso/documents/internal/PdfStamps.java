package vn.xaso.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;

/**
 * The clerk's part of Nghị định 30/2020 practice on a PDF the leader already signed: the number and the
 * date are written into the blanks the approved PDF left for them ("Số:      /QĐ-UBND", "ngày      tháng")
 * as read-only FreeText annotations in one <b>incremental update</b>, so the leader's signature still covers
 * exactly the bytes the leader signed. Also finds where the signer's image goes (between the title and the
 * name in the signer block), in PDF points.
 */
public final class PdfStamps {

	/** A rectangle in PDF points from the page's lower-left corner. */
	public record Box(float x, float y, float width, float height) {
	}

	private static final float MM = 72f / 25.4f;

	private PdfStamps() {
	}

	/**
	 * Where the signer's signature image goes on the last page: between the signer's title and name, 70 mm
	 * wide, centred on the name; {@code null} when the name is not found (then the signing default applies).
	 */
	public static @Nullable Box signerBox(byte[] pdf, String signerName) {
		try (var doc = Loader.loadPDF(pdf)) {
			int last = doc.getNumberOfPages() - 1;
			var glyphs = glyphs(doc, last);
			int nameAt = glyphs.lastIndexOf(nfc(signerName));
			if (nameAt < 0) {
				return null;
			}
			var page = doc.getPage(last).getMediaBox();
			var first = glyphs.positions.get(nameAt);
			var end = glyphs.positions.get(nameAt + nfc(signerName).length() - 1);
			float nameBaseline = page.getHeight() - first.getYDirAdj();
			float nameTop = nameBaseline + first.getFontSizeInPt() * 0.75f;
			float centre = (first.getXDirAdj() + end.getXDirAdj() + end.getWidthDirAdj()) / 2;
			// the title line is the line just above the name with a baseline at least 30 pt higher
			float titleBaseline = nameBaseline + 70;
			for (int i = nameAt - 1; i >= 0; i--) {
				float y = page.getHeight() - glyphs.positions.get(i).getYDirAdj();
				if (y > nameBaseline + 30) {
					titleBaseline = y;
					break;
				}
			}
			float bottom = nameTop + 3, top = titleBaseline - 5;
			float width = 70 * MM;
			float x = Math.min(Math.max(centre - width / 2, page.getLowerLeftX()), page.getUpperRightX() - 10 * MM - width);
			return new Box(x, bottom, width, Math.max(30, top - bottom));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Writes {@code number} (e.g. "05") before the slash after "Số:" and the day and month of {@code date} into
	 * the place-and-date line on page 1, as an incremental update of {@code signedPdf}.
	 */
	public static byte[] stampNumberAndDate(byte[] signedPdf, String number, LocalDate date) {
		try (var doc = Loader.loadPDF(signedPdf)) {
			var page = doc.getPage(0);
			var glyphs = glyphs(doc, 0);
			float height = page.getMediaBox().getHeight();
			var regular = font(doc, "LiberationSerif-Regular.ttf");
			var italic = font(doc, "LiberationSerif-Italic.ttf");
			var annotations = new ArrayList<>(page.getAnnotations());

			int so = glyphs.indexOf("Số:");
			int slash = so < 0 ? -1 : glyphs.indexOf("/", so);
			if (so < 0 || slash < 0) {
				throw new IllegalStateException("The approved PDF has no blank number (\"Số:      /…\").");
			}
			var colon = glyphs.positions.get(so + 2);
			var slashGlyph = glyphs.positions.get(slash);
			annotations.add(text(doc, page, regular, number, colon.getXDirAdj() + colon.getWidthDirAdj(), slashGlyph.getXDirAdj(),
					height - slashGlyph.getYDirAdj(), slashGlyph.getFontSizeInPt(), "Số văn bản"));

			int ngay = glyphs.indexOf(", ngày");
			int thang = ngay < 0 ? -1 : glyphs.indexOf("tháng", ngay);
			int nam = thang < 0 ? -1 : glyphs.indexOf("năm", thang);
			if (ngay < 0 || thang < 0 || nam < 0) {
				throw new IllegalStateException("The approved PDF has no blank date (\"ngày      tháng      năm\").");
			}
			var day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
			var month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
			var ngayEnd = glyphs.positions.get(ngay + 5);
			var thangStart = glyphs.positions.get(thang);
			var thangEnd = glyphs.positions.get(thang + 4);
			var namStart = glyphs.positions.get(nam);
			float baseline = height - thangStart.getYDirAdj();
			float size = thangStart.getFontSizeInPt();
			annotations.add(text(doc, page, italic, day, ngayEnd.getXDirAdj() + ngayEnd.getWidthDirAdj(), thangStart.getXDirAdj(),
					baseline, size, "Ngày ban hành"));
			annotations.add(text(doc, page, italic, month, thangEnd.getXDirAdj() + thangEnd.getWidthDirAdj(), namStart.getXDirAdj(),
					baseline, size, "Tháng ban hành"));

			page.setAnnotations(annotations);
			page.getCOSObject().setNeedToBeUpdated(true);
			var out = new ByteArrayOutputStream(signedPdf.length + 200_000);
			doc.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A printed, read-only, locked FreeText annotation showing {@code value} centred between {@code left} and {@code right}. */
	private static PDAnnotationFreeText text(PDDocument doc, PDPage page, PDType0Font font, String value, float left, float right,
			float baseline, float fontSize, String title) throws IOException {
		float gap = Math.max(4, right - left);
		float size = fontSize;
		float width = font.getStringWidth(value) / 1000 * size;
		if (width > gap - 1) {
			size = size * (gap - 1) / width;
			width = font.getStringWidth(value) / 1000 * size;
		}
		var rect = new PDRectangle(left, baseline - size * 0.3f, gap, size * 1.3f);
		var annotation = new PDAnnotationFreeText();
		annotation.setRectangle(rect);
		annotation.setContents(value);
		annotation.setTitlePopup(title);
		annotation.setPrinted(true);
		annotation.setReadOnly(true);
		annotation.setLocked(true);
		annotation.setDefaultAppearance("/Helv " + Math.round(size) + " Tf 0 g");
		annotation.setPage(page);

		var form = new PDFormXObject(doc);
		form.setResources(new PDResources());
		form.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
		var appearance = new PDAppearanceStream(form.getCOSObject());
		try (var cs = new PDPageContentStream(doc, appearance)) {
			cs.beginText();
			cs.setFont(font, size);
			cs.setNonStrokingColor(java.awt.Color.BLACK);
			cs.newLineAtOffset((rect.getWidth() - width) / 2, size * 0.3f);
			cs.showText(value);
			cs.endText();
		}
		var dictionary = new PDAppearanceDictionary();
		dictionary.setNormalAppearance(appearance);
		annotation.setAppearance(dictionary);
		return annotation;
	}

	private static PDType0Font font(PDDocument doc, String file) throws IOException {
		try (var in = PdfStamps.class.getResourceAsStream("/liberation/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Font missing from the classpath: " + file);
			}
			// embedded whole: an incremental update does not subset fonts
			return PDType0Font.load(doc, in, false);
		}
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	/** The glyphs of one page in content order, with their text joined for searching. */
	private record Glyphs(List<TextPosition> positions, String text) {

		int indexOf(String s) {
			return text.indexOf(s);
		}

		int indexOf(String s, int from) {
			return text.indexOf(s, from);
		}

		int lastIndexOf(String s) {
			return text.lastIndexOf(s);
		}
	}

	/** One glyph per character (a glyph giving several characters, e.g. a ligature, repeats its position). */
	private static Glyphs glyphs(PDDocument doc, int pageIndex) throws IOException {
		var positions = new ArrayList<TextPosition>();
		var text = new StringBuilder();
		var stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition position) {
				var unicode = position.getUnicode();
				if (unicode == null) {
					return;
				}
				for (int i = 0; i < unicode.length(); i++) {
					positions.add(position);
				}
				text.append(unicode);
			}
		};
		stripper.setStartPage(pageIndex + 1);
		stripper.setEndPage(pageIndex + 1);
		stripper.getText(doc);
		// Vietnamese letters may come as base letter + combining marks: compose, keeping one position per char.
		var composed = new StringBuilder();
		var composedPositions = new ArrayList<TextPosition>();
		int i = 0;
		var s = text.toString();
		while (i < s.length()) {
			int j = i + 1;
			while (j < s.length() && Character.getType(s.charAt(j)) == Character.NON_SPACING_MARK) {
				j++;
			}
			var piece = Normalizer.normalize(s.substring(i, j), Normalizer.Form.NFC);
			for (int k = 0; k < piece.length(); k++) {
				composed.append(piece.charAt(k));
				composedPositions.add(positions.get(i));
			}
			i = j;
		}
		return new Glyphs(composedPositions, composed.toString().replace('\u00a0', ' '));
	}
}
