package vn.xaso.feedback.internal;

import vn.xaso.feedback.FeedbackException;
import vn.xaso.platform.render.ContentChecks;
import vn.xaso.platform.render.JpegPhotos;

/**
 * A report's photo, checked by its content and re-encoded as JPEG at most {@link #MAX_SIDE} pixels with a thumbnail
 * ({@link JpegPhotos}: the pixel count is read from the header before decoding; EXIF and GPS are dropped); refusals
 * in the feedback bundle's words, numbered by the photo's place in the report.
 */
public final class PhotoProcessor {

	public static final int MAX_SIDE = 1600;
	public static final int THUMB_SIDE = 320;

	private static final JpegPhotos.Size FULL = new JpegPhotos.Size(MAX_SIDE, 0.85f);
	private static final JpegPhotos.Size THUMBNAIL = new JpegPhotos.Size(THUMB_SIDE, 0.8f);

	private PhotoProcessor() {
	}

	public static JpegPhotos.Resized process(byte[] bytes, String field, int index, long maxBytes) {
		try {
			return JpegPhotos.resize(bytes, maxBytes, true, FULL, THUMBNAIL);
		}
		catch (ContentChecks.Refused e) {
			throw switch (e.problem()) {
				case TOO_LARGE -> new FeedbackException(field, "feedback.error.photoLarge", index, maxBytes / (1024 * 1024));
				case WEBP_UNSUPPORTED -> new FeedbackException(field, "feedback.error.photoWebp", index);
				case IMAGE_PIXELS -> new FeedbackException(field, "feedback.error.photoPixels", index);
				case IMAGE_BUSY -> new FeedbackException(field, "feedback.error.photoBusy");
				case IMAGE_BROKEN, IMAGE_UNREADABLE -> new FeedbackException(field, "feedback.error.photoBroken", index);
				default -> new FeedbackException(field, "feedback.error.photoKind", index);
			};
		}
	}
}
