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

	@Override
	public Checked check(byte[] bytes, int index) {
		if (bytes.length > MAX_BYTES) {
			throw new HealthException("photos", "health.error.photoLarge", index, MAX_BYTES / (1024 * 1024));
		}
		boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
		boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
		if (!jpeg && !png) {
			throw new HealthException("photos", "health.error.photoKind", index);
		}
		BufferedImage image;
		try {
			image = SafeImages.decode(bytes, MAX_SIDE);
		}
		catch (SafeImages.TooLarge e) {
			throw new HealthException("photos", "health.error.photoPixels", index);
		}
		catch (SafeImages.Busy e) {
			throw new HealthException("photos", "health.error.photoBusy");
		}
		catch (IOException | RuntimeException e) {
			throw new HealthException("photos", "health.error.photoBroken", index);
		}
		if (image == null) {
			throw new HealthException("photos", "health.error.photoBroken", index);
		}
		var full = fit(image, MAX_SIDE);
		return new Checked(encode(full), encode(fit(image, THUMB_SIDE)), full.getWidth(), full.getHeight());
	}

	/** The image within {@code side} × {@code side}, on white (a PNG's transparency has no place in a JPEG). */
	static BufferedImage fit(BufferedImage image, int side) {
		double scale = Math.min(1.0, side / (double) Math.max(image.getWidth(), image.getHeight()));
		var out = new BufferedImage(Math.max(1, (int) (image.getWidth() * scale)), Math.max(1, (int) (image.getHeight() * scale)),
				BufferedImage.TYPE_INT_RGB);
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
