package vn.xaso.economy.internal;

import vn.xaso.economy.EconomyException;
import vn.xaso.platform.render.ContentChecks;
import vn.xaso.platform.render.JpegPhotos;

/**
 * A product photo (JPEG or PNG, at most 8 MB), checked by its content and re-encoded as JPEG at most {@value #MAX_SIDE}
 * px with a {@value #THUMB_SIDE}-px thumbnail ({@link JpegPhotos}: the pixel count is read from the header before
 * decoding; EXIF — GPS position, camera — is dropped); refusals in the economy bundle's words.
 */
final class Photos {

	static final int MAX_BYTES = 8 * 1024 * 1024;
	static final int MAX_SIDE = 1200;
	static final int THUMB_SIDE = 320;

	private static final JpegPhotos.Size FULL = new JpegPhotos.Size(MAX_SIDE, 0.82f);
	private static final JpegPhotos.Size THUMBNAIL = new JpegPhotos.Size(THUMB_SIDE, 0.75f);

	private Photos() {
	}

	static JpegPhotos.Resized process(byte[] bytes) {
		try {
			return JpegPhotos.resize(bytes, MAX_BYTES, false, FULL, THUMBNAIL);
		}
		catch (ContentChecks.Refused e) {
			throw new EconomyException("photo", switch (e.problem()) {
				case EMPTY -> "economy.error.photoMissing";
				case TOO_LARGE -> "economy.error.photoLarge";
				case IMAGE_PIXELS -> "economy.error.photoPixels";
				case IMAGE_BUSY -> "economy.error.photoBusy";
				case IMAGE_BROKEN, IMAGE_UNREADABLE -> "economy.error.photoBroken";
				default -> "economy.error.photoKind";
			});
		}
	}
}
