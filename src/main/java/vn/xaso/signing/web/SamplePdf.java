package vn.xaso.signing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A one-page A4 sample for trying a signing identity (ASCII text only: it needs no font file). */
final class SamplePdf {

	private SamplePdf() {
	}

	static byte[] create(String unitLabel) {
		try (var document = new PDDocument()) {
			var page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (var cs = new PDPageContentStream(document, page)) {
				cs.beginText();
				cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD), 14);
				cs.newLineAtOffset(85, 760);
				cs.showText("XaSo - sample document for a signing test");
				cs.endText();
			}
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
