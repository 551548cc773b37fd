package vn.xaso.feedback;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Test photos: a real JPEG with an EXIF block holding a fake GPS marker, and a PNG. */
final class FeedbackImages {

	static final String SECRET = "GPS-SECRET-20.1234N";

	private FeedbackImages() {
	}

	static byte[] jpegWithExif(int width, int height) {
		var plain = encode(width, height, "jpeg");
		var payload = ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
		int length = payload.length + 2;
		var out = new ByteArrayOutputStream();
		out.write(plain, 0, 2); // SOI
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload, 0, payload.length);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	static byte[] png(int width, int height) {
		return encode(width, height, "png");
	}

	private static byte[] encode(int width, int height, String format) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(0x55, 0x88, 0x33));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.DARK_GRAY);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
