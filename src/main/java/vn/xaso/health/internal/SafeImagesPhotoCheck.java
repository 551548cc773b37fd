package vn.xaso.health.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

import vn.xaso.health.HealthException;
import vn.xaso.platform.render.SafeImages;

/**
 * {@link PhotoCheck} on the platform's {@link SafeImages}: JPEG or PNG by their first bytes, the pixel count read from
 * the header and refused above 50 megapixels before any pixel is decoded, a subsampled decode, then scaled and written
 * anew as JPEG (which drops every metadata block of the original).
 */
@Component
class SafeImagesPhotoCheck implements PhotoCheck {

	private static final byte[] JPEG_START = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
	private static final byte[] PNG_START = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@Override
	public Checked check(byte[] bytes, int index) {
		if (bytes.length > MAX_BYTES) {
			throw new HealthException("photos", "health.error.photoLarge", index, MAX_BYTES / (1024 * 1024));
		}
		if (!startsWith(bytes, JPEG_START) && !startsWith(bytes, PNG_START)) {
			throw new HealthException("photos", "health.error.photoKind", index);
		}
		BufferedImage image = null;
		try {
			image = SafeImages.decode(bytes, MAX_SIDE);
		}
		catch (IOException | RuntimeException e) {
			throw refused(e, index);
		}
		if (image == null) {
			throw refused(new IOException("no image"), index);
		}
		var full = fit(image, MAX_SIDE);
		return new Checked(encode(full), encode(fit(image, THUMB_SIDE)), full.getWidth(), full.getHeight());
	}

	private static boolean startsWith(byte[] bytes, byte[] start) {
		return bytes.length > start.length && java.util.Arrays.equals(bytes, 0, start.length, start, 0, start.length);
	}

	/** Too many pixels by the header, the decoders all busy, or no readable image. */
	private static HealthException refused(Exception e, int index) {
		return switch (e) {
			case SafeImages.TooLarge large -> new HealthException("photos", "health.error.photoPixels", index);
			case SafeImages.Busy busy -> new HealthException("photos", "health.error.photoBusy");
			default -> new HealthException("photos", "health.error.photoBroken", index);
		};
	}

	/** The image within {@code side} × {@code side}, on white (a PNG's transparency has no place in a JPEG). */
	static BufferedImage fit(BufferedImage image, int side) {
		double scale = Math.min(1.0, side / (double) Math.max(image.getWidth(), image.getHeight()));
		var out = new BufferedImage(Math.max(1, (int) Math.round(image.getWidth() * scale)),
				Math.max(1, (int) Math.round(image.getHeight() * scale)), BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), java.awt.Color.WHITE, null);
		g.dispose();
		return out;
	}

	static byte[] encode(BufferedImage image) {
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
