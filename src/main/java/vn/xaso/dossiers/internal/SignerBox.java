package vn.xaso.dossiers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;

import vn.xaso.signing.SignatureAppearance;

/**
 * Where the signer's image goes on a result PDF: between the signer's title and name on the last page (Phụ lục I,
 * ô 7c), 70 mm wide, centred on the name. The leader's signature and the seal over it use the same box.
 */
final class SignerBox {

	private static final float MM = 72f / 25.4f;

	private SignerBox() {
	}

	static SignatureAppearance.@Nullable Box find(byte[] pdf, String signerName) {
		var name = Normalizer.normalize(signerName, Normalizer.Form.NFC);
		try (var doc = Loader.loadPDF(pdf)) {
			int last = doc.getNumberOfPages() - 1;
			var positions = new ArrayList<TextPosition>();
			var text = new StringBuilder();
			var stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition p) {
					var u = p.getUnicode();
					if (u != null) {
						var nfc = Normalizer.normalize(u, Normalizer.Form.NFC);
						for (int i = 0; i < nfc.length(); i++) {
							positions.add(p);
						}
						text.append(nfc);
					}
				}
			};
			stripper.setStartPage(last + 1);
			stripper.setEndPage(last + 1);
			stripper.getText(doc);
			var s = text.toString().replace('\u00a0', ' ');
			int at = s.lastIndexOf(name);
			if (at < 0) {
				return null;
			}
			float height = doc.getPage(last).getMediaBox().getHeight();
			float width = doc.getPage(last).getMediaBox().getWidth();
			return box(positions, at, name.length(), height, width);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static SignatureAppearance.Box box(List<TextPosition> positions, int at, int length, float pageHeight, float pageWidth) {
		var first = positions.get(at);
		var end = positions.get(at + length - 1);
		float nameBaseline = pageHeight - first.getYDirAdj();
		float nameTop = nameBaseline + first.getXScale() * 0.75f;
		float centre = (first.getXDirAdj() + end.getXDirAdj() + end.getWidthDirAdj()) / 2;
		float titleBaseline = nameBaseline + 70;
		for (int i = at - 1; i >= 0; i--) {
			float y = pageHeight - positions.get(i).getYDirAdj();
			if (y > nameBaseline + 30) {
				titleBaseline = y;
				break;
			}
		}
		float bottom = nameTop + 3, top = titleBaseline - 5;
		float w = 70 * MM;
		float x = Math.min(Math.max(centre - w / 2, 0), pageWidth - 10 * MM - w);
		return new SignatureAppearance.Box(x, bottom, w, Math.max(30, top - bottom));
	}
}
