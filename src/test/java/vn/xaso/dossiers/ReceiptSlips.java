package vn.xaso.dossiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a receipt slip PDF the way a person does: its words, and the address its QR code holds (decoded). */
public final class ReceiptSlips {

	private ReceiptSlips() {
	}

	public static String text(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text of the first QR code image on the slip. */
	public static String qr(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf)) {
			for (var page : doc.getPages()) {
				var resources = page.getResources();
				for (var name : resources.getXObjectNames()) {
					if (resources.getXObject(name) instanceof PDImageXObject image) {
						var picture = image.getImage();
						int w = picture.getWidth();
						int h = picture.getHeight();
						var pixels = picture.getRGB(0, 0, w, h, null, 0, w);
						var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
						var hints = new EnumMap<DecodeHintType, Object>(DecodeHintType.class);
						hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
						try {
							return new QRCodeReader().decode(bitmap, hints).getText();
						}
						catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException | NotFoundException e) {
							// not a QR code: try the next image
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		throw new AssertionError("no QR code on the slip");
	}
}
