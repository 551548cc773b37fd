package vn.xaso.platform.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as black-and-white PNG images (ZXing, error correction M, UTF-8). */
public final class QrCodes {

	private QrCodes() {
	}

	/** {@code margin}: the quiet zone in modules (4 is the standard's minimum, 2 fits printed slips). */
	public static byte[] png(String text, int sizePx, int margin) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, margin,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("Text does not fit a QR code", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
