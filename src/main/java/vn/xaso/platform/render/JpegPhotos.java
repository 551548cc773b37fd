package vn.xaso.platform.render;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

import vn.xaso.platform.render.ContentChecks.Problem;
import vn.xaso.platform.render.ContentChecks.Refused;

/**
 * An uploaded photo, checked by its content ({@link ContentChecks}: magic bytes, then the pixel count read from the
 * header before any pixel is decoded, then a subsampled decode), re-encoded as a JPEG of a bounded size with a
 * thumbnail. Re-encoding from pixels drops every metadata block of the original (EXIF, GPS position, camera serial).
 */
public final class JpegPhotos {

	/** The longer side in pixels, and the JPEG quality (0–1), of one output. */
	public record Size(int maxSide, float quality) {
	}

	/** The photo and its thumbnail as JPEG, with the photo's size in pixels. */
	public record Resized(byte[] content, byte[] thumbnail, int width, int height) {
	}

	private JpegPhotos() {
	}

	/**
	 * Checks and re-encodes a JPEG or PNG photo (WebP too when {@code webp} and a reader is installed) of at most
	 * {@code maxBytes}.
	 */
	public static Resized resize(byte[] bytes, long maxBytes, boolean webp, Size full, Size thumbnail) throws Refused {
		ContentChecks.checkSize(bytes, maxBytes);
		var kind = ContentChecks.sniff(bytes);
		if (kind == null || kind.equals("pdf") || (kind.equals("webp") && !webp)) {
			throw new Refused(Problem.UNKNOWN_KIND);
		}
		if (kind.equals("webp") && !ImageIO.getImageReadersByFormatName("webp").hasNext()) {
			throw new Refused(Problem.WEBP_UNSUPPORTED);
		}
		var image = ContentChecks.decode(bytes, full.maxSide());
		var scaled = scale(image, full.maxSide());
		return new Resized(jpeg(scaled, full.quality()), jpeg(scale(image, thumbnail.maxSide()), thumbnail.quality()),
				scaled.getWidth(), scaled.getHeight());
	}

	private static BufferedImage scale(BufferedImage src, int maxSide) {
		double f = Math.min(1.0, (double) maxSide / Math.max(src.getWidth(), src.getHeight()));
		int w = Math.max(1, (int) Math.round(src.getWidth() * f));
		int h = Math.max(1, (int) Math.round(src.getHeight() * f));
		var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
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
