package vn.xaso.health.internal;

import org.springframework.stereotype.Component;

import vn.xaso.health.HealthException;
import vn.xaso.platform.render.ContentChecks;
import vn.xaso.platform.render.JpegPhotos;

/**
 * {@link PhotoCheck} on the platform's {@link JpegPhotos} and {@link ContentChecks} (as feedback and economy use them):
 * JPEG or PNG by their first bytes, the pixel count read from the header and refused above 50 megapixels before any
 * pixel is decoded, a subsampled decode, then scaled and written anew as JPEG (which drops every metadata block of the
 * original); each problem in the health bundle's words.
 */
@Component
class JpegPhotoCheck implements PhotoCheck {

	private static final JpegPhotos.Size FULL = new JpegPhotos.Size(MAX_SIDE, 0.85f);
	private static final JpegPhotos.Size THUMBNAIL = new JpegPhotos.Size(THUMB_SIDE, 0.75f);

	@Override
	public Checked check(byte[] bytes, int index) {
		try {
			var resized = JpegPhotos.resize(bytes, MAX_BYTES, false, FULL, THUMBNAIL);
			return new Checked(resized.content(), resized.thumbnail(), resized.width(), resized.height());
		}
		catch (ContentChecks.Refused e) {
			throw switch (e.problem()) {
				case TOO_LARGE -> new HealthException("photos", "health.error.photoLarge", index, MAX_BYTES / (1024 * 1024));
				case IMAGE_PIXELS -> new HealthException("photos", "health.error.photoPixels", index);
				case IMAGE_BUSY -> new HealthException("photos", "health.error.photoBusy");
				case IMAGE_BROKEN, IMAGE_UNREADABLE -> new HealthException("photos", "health.error.photoBroken", index);
				default -> new HealthException("photos", "health.error.photoKind", index);
			};
		}
	}
}
