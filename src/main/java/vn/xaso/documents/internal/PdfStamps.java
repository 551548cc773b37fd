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

	private static String vi(String key, Object... args) {
		return vn.xaso.platform.Refusal.bundleText("i18n/documents", key, args);
	}

	/**
	 * Writes the number and the date into page 1 as an incremental update of {@code signedPdf}: the line
	 * "Số:      /QĐ-UBND" is covered by an opaque annotation showing "Số: 05/QĐ-UBND" set exactly as typeset
	 * text would be (same font, size and centre, no gap before the slash), and the place-and-date line likewise
	 * becomes "Yên Mô, ngày 05 tháng 3 năm 2026" (italic). The fonts are embedded as subsets, so the update adds
	 * a few kilobytes, not whole fonts.
	 */
	public static byte[] stampNumberAndDate(byte[] signedPdf, String number, LocalDate date) {
		// the words are the document's own (the documents bundle's documents.pdf.stamp.*), Vietnamese in every language
		try (var doc = Loader.loadPDF(signedPdf)) {
			var page = doc.getPage(0);
			var glyphs = glyphs(doc, 0);
			float height = page.getMediaBox().getHeight();
			var regular = font(doc, "LiberationSerif-Regular.ttf");
			var italic = font(doc, "LiberationSerif-Italic.ttf");
			var annotations = new ArrayList<>(page.getAnnotations());

			var numberWord = vi("documents.pdf.stamp.number");
			int so = glyphs.indexOf(numberWord);
			int slash = so < 0 ? -1 : glyphs.indexOf("/", so);
			if (so < 0 || slash < 0) {
				throw new IllegalStateException("The approved PDF has no blank number (\"" + numberWord + "      /…\").");
			}
			int numberEnd = lineEnd(glyphs, slash);
			var symbol = glyphs.text.substring(slash, numberEnd + 1).strip();
			annotations.add(line(doc, page, regular, vi("documents.pdf.stamp.numbered", number, symbol), number,
					glyphs.positions.subList(so, numberEnd + 1), height, vi("documents.pdf.stamp.numberName")));

			int ngay = glyphs.indexOf(vi("documents.pdf.stamp.day"));
			int thang = ngay < 0 ? -1 : glyphs.indexOf(vi("documents.pdf.stamp.month"), ngay);
			int nam = thang < 0 ? -1 : glyphs.indexOf(vi("documents.pdf.stamp.year"), thang);
			if (ngay < 0 || thang < 0 || nam < 0) {
				throw new IllegalStateException("The approved PDF has no blank date (\"" + vi("documents.pdf.stamp.day") + " … "
						+ vi("documents.pdf.stamp.month") + " … " + vi("documents.pdf.stamp.year") + "\").");
			}
			int dateStart = lineStart(glyphs, ngay);
			int dateEnd = lineEnd(glyphs, nam);
			var place = glyphs.text.substring(dateStart, ngay).strip();
			var day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
			annotations.add(line(doc, page, italic, DocumentRenderer.placeAndDate(place, date), day, glyphs.positions.subList(dateStart, dateEnd + 1),
					height, vi("documents.pdf.stamp.dateName")));

			page.setAnnotations(annotations);
			page.getCOSObject().setNeedToBeUpdated(true);
			var out = new ByteArrayOutputStream(signedPdf.length + 40_000);
			doc.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The index of the last glyph on the same baseline as glyph {@code from}. */
	private static int lineEnd(Glyphs glyphs, int from) {
		float y = glyphs.positions.get(from).getYDirAdj();
		int i = from;
		while (i + 1 < glyphs.positions.size() && sameLine(glyphs.positions.get(i), glyphs.positions.get(i + 1), y)) {
			i++;
		}
		while (i > from && Character.isWhitespace(glyphs.text.charAt(i))) {
			i--;
		}
		return i;
	}

	/** Whether {@code next} follows {@code previous} on the baseline {@code y}, without a jump (another column). */
	private static boolean sameLine(TextPosition previous, TextPosition next, float y) {
		if (previous == next) {
			return true;
		}
		float gap = next.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
		return Math.abs(next.getYDirAdj() - y) < 1 && gap > -1 && gap < 2 * next.getXScale();
	}

	/** The index of the first glyph on the same baseline as glyph {@code from}. */
	private static int lineStart(Glyphs glyphs, int from) {
		float y = glyphs.positions.get(from).getYDirAdj();
		int i = from;
		while (i > 0 && sameLine(glyphs.positions.get(i - 1), glyphs.positions.get(i), y)) {
			i--;
		}
		while (i < from && Character.isWhitespace(glyphs.text.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * A printed, read-only, locked FreeText annotation covering the blank line {@code covered} (white, opaque) and
	 * showing {@code value} centred on the same centre, baseline, font size; {@code contents} is its text for readers.
	 */
	private static PDAnnotationFreeText line(PDDocument doc, PDPage page, PDType0Font font, String value, String contents,
			List<TextPosition> covered, float pageHeight, String title) throws IOException {
		var first = covered.getFirst();
		var last = covered.getLast();
		// the real size (getFontSizeInPt() is rounded down to a whole point: 14 pt text reads as 13)
		float size = Math.round(first.getXScale() * 100) / 100f;
		float left = first.getXDirAdj(), right = last.getXDirAdj() + last.getWidthDirAdj();
		float centre = (left + right) / 2;
		float baseline = pageHeight - first.getYDirAdj();
		float width = font.getStringWidth(value) / 1000 * size;
		float boxLeft = Math.min(left, centre - width / 2) - 2, boxRight = Math.max(right, centre + width / 2) + 2;
		var rect = new PDRectangle(boxLeft, baseline - size * 0.3f, boxRight - boxLeft, size * 1.25f);
		var annotation = new PDAnnotationFreeText();
		annotation.setRectangle(rect);
		annotation.setContents(contents);
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
			cs.setNonStrokingColor(java.awt.Color.WHITE);
			cs.addRect(0, 0, rect.getWidth(), rect.getHeight());
			cs.fill();
			cs.beginText();
			cs.setFont(font, size);
			cs.setNonStrokingColor(java.awt.Color.BLACK);
			cs.newLineAtOffset(centre - width / 2 - boxLeft, size * 0.3f);
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
			// subset: only the glyphs drawn are embedded (PDFBox 3 subsets on incremental saves too)
			return PDType0Font.load(doc, in, true);
		}
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	/** The glyphs of one page in content order, with their text joined for searching. */
	record Glyphs(List<TextPosition> positions, String text) {

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
