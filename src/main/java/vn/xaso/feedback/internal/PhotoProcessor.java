package vn.xaso.feedback.internal;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

import vn.xaso.feedback.FeedbackException;
import vn.xaso.platform.render.SafeImages;

/**
 * Checks a photo by its content (magic bytes, then a real decode), refuses oversized or absurdly
 * large images, and re-encodes it as JPEG at most {@link #MAX_SIDE} pixels with a thumbnail. Re-encoding
 * from pixels drops every metadata block of the original (EXIF, GPS position, camera serial).
 */
public final class PhotoProcessor {

	public static final int MAX_SIDE = 1600;
	public static final int THUMB_SIDE = 320;
	static final long MAX_PIXELS = SafeImages.MAX_PIXELS;

	public record Processed(byte[] content, byte[] thumbnail, int width, int height) {
	}

	private PhotoProcessor() {
	}

	/** What the bytes are by their first bytes: "jpeg", "png", "webp" or null. */
	public static String sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return "jpeg";
		}
		if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "png";
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return "webp";
		}
		return null;
	}

	public static Processed process(byte[] bytes, String field, int index, long maxBytes) {
		if (bytes.length > maxBytes) {
			throw new FeedbackException(field, "feedback.error.photoLarge", index, maxBytes / (1024 * 1024));
		}
		var kind = sniff(bytes);
		if (kind == null) {
			throw new FeedbackException(field, "feedback.error.photoKind", index);
		}
		if (kind.equals("webp") && !ImageIO.getImageReadersByFormatName("webp").hasNext()) {
			throw new FeedbackException(field, "feedback.error.photoWebp", index);
		}
		BufferedImage image;
		try {
			// Header first (refused above 50 megapixels before any pixel is decoded), then a
			// subsampled decode: the full-size pixels of a large photo never sit in the heap.
			image = SafeImages.decode(bytes, MAX_SIDE);
		}
		catch (SafeImages.TooLarge e) {
			throw new FeedbackException(field, "feedback.error.photoPixels", index);
		}
		catch (SafeImages.Busy e) {
			throw new FeedbackException(field, "feedback.error.photoBusy");
		}
		catch (IOException | RuntimeException e) {
			throw new FeedbackException(field, "feedback.error.photoBroken", index);
		}
		var full = scale(image, MAX_SIDE);
		var thumb = scale(image, THUMB_SIDE);
		return new Processed(jpeg(full, 0.85f), jpeg(thumb, 0.8f), full.getWidth(), full.getHeight());
	}

	private static BufferedImage scale(BufferedImage src, int maxSide) {
		int w = src.getWidth();
		int h = src.getHeight();
		double f = Math.min(1.0, (double) maxSide / Math.max(w, h));
		int nw = Math.max(1, (int) Math.round(w * f));
		int nh = Math.max(1, (int) Math.round(h * f));
		var out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, nw, nh);
			g.drawImage(src, 0, 0, nw, nh, null);
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
