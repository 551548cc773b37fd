package vn.xaso.economy.internal;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

import vn.xaso.economy.EconomyException;
import vn.xaso.platform.render.SafeImages;

/**
 * A product photo, checked by its content (JPEG or PNG magic bytes), its pixel count read from the header before any
 * pixel is decoded ({@link SafeImages}: at most 50 megapixels, subsampled decode), then re-encoded as JPEG at most
 * {@value #MAX_SIDE} px with a {@value #THUMB_SIDE}-px thumbnail — which also drops EXIF (GPS position, camera).
 */
final class Photos {

	static final int MAX_BYTES = 8 * 1024 * 1024;
	static final int MAX_SIDE = 1200;
	static final int THUMB_SIDE = 320;

	record Processed(byte[] content, byte[] thumbnail, int width, int height) {
	}

	private Photos() {
	}

	static Processed process(byte[] bytes) {
		if (bytes.length == 0) {
			throw new EconomyException("photo", "economy.error.photoMissing");
		}
		if (bytes.length > MAX_BYTES) {
			throw new EconomyException("photo", "economy.error.photoLarge");
		}
		boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
		boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
		if (!jpeg && !png) {
			throw new EconomyException("photo", "economy.error.photoKind");
		}
		BufferedImage image;
		try {
			image = SafeImages.decode(bytes, MAX_SIDE);
		}
		catch (SafeImages.TooLarge e) {
			throw new EconomyException("photo", "economy.error.photoPixels");
		}
		catch (SafeImages.Busy e) {
			throw new EconomyException("photo", "economy.error.photoBusy");
		}
		catch (IOException | RuntimeException e) {
			throw new EconomyException("photo", "economy.error.photoBroken");
		}
		if (image == null) {
			throw new EconomyException("photo", "economy.error.photoBroken");
		}
		var full = scale(image, MAX_SIDE);
		return new Processed(jpeg(full, 0.82f), jpeg(scale(image, THUMB_SIDE), 0.75f), full.getWidth(), full.getHeight());
	}

	private static BufferedImage scale(BufferedImage src, int maxSide) {
		double f = Math.min(1.0, (double) maxSide / Math.max(src.getWidth(), src.getHeight()));
		int w = Math.max(1, (int) Math.round(src.getWidth() * f));
		int h = Math.max(1, (int) Math.round(src.getHeight() * f));
		var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.drawImage(src, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	private static byte[] jpeg(BufferedImage image, float quality) {
		var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var out = new ByteArrayOutputStream();
		try (var ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			var param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}
}
