package vn.xaso.platform.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * Decodes uploaded images without letting one file take the heap: the size is read from the
 * header first (no pixels decoded) and refused above {@link #MAX_PIXELS}; pixels are then decoded
 * with subsampling, so the decoded image is only a little larger than the size asked for; and at
 * most a few decodes run at once (a 143 KB PNG of 7000 × 7000 pixels used to take 140 MB).
 */
public final class SafeImages {

	/** The largest image accepted, by the size its header declares: 50 megapixels. */
	public static final long MAX_PIXELS = 50_000_000L;

	private static final Semaphore PERMITS = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

	private SafeImages() {
	}

	/** The image declares more pixels than we decode. */
	public static final class TooLarge extends IOException {

		private final int width;
		private final int height;

		TooLarge(int width, int height) {
			super("image of " + width + " x " + height + " pixels");
			this.width = width;
			this.height = height;
		}

		public int width() {
			return width;
		}

		public int height() {
			return height;
		}
	}

	/** Too many images are being decoded right now; try again shortly. */
	public static final class Busy extends IOException {

		Busy() {
			super("image decoding busy");
		}
	}

	/**
	 * Decodes the first image in {@code bytes} so that its longer side is at least {@code maxSide}
	 * (when the original is that large) and at most about twice that.
	 *
	 * @throws TooLarge when the header declares more than {@link #MAX_PIXELS}
	 * @throws Busy when no decoding slot frees up within 20 seconds
	 * @throws IOException when the bytes are no readable image
	 */
	public static BufferedImage decode(byte[] bytes, int maxSide) throws IOException {
		try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			if (in == null) {
				throw new IOException("no image stream");
			}
			var readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new IOException("not an image");
			}
			var reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
					throw new TooLarge(width, height);
				}
				var param = reader.getDefaultReadParam();
				int period = Math.max(1, Math.max(width, height) / Math.max(1, maxSide));
				param.setSourceSubsampling(period, period, 0, 0);
				if (!PERMITS.tryAcquire(20, TimeUnit.SECONDS)) {
					throw new Busy();
				}
				try {
					return reader.read(0, param);
				}
				finally {
					PERMITS.release();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new Busy();
			}
			finally {
				reader.dispose();
			}
		}
	}
}
