package vn.xaso.meetings.internal;

import vn.xaso.meetings.MeetingsException;
import vn.xaso.platform.render.ContentChecks;
import vn.xaso.platform.render.JpegPhotos;

/**
 * A progress report's photo, checked by its content and re-encoded as JPEG of at most {@link #MAX_SIDE} pixels with a
 * thumbnail ({@link JpegPhotos}: the pixel count is read from the header before decoding; EXIF and GPS are dropped).
 */
final class TaskPhotos {

	static final long MAX_BYTES = 8L * 1024 * 1024;
	static final int MAX_SIDE = 1600;

	private static final JpegPhotos.Size FULL = new JpegPhotos.Size(MAX_SIDE, 0.85f);
	private static final JpegPhotos.Size THUMBNAIL = new JpegPhotos.Size(320, 0.8f);

	private TaskPhotos() {
	}

	static JpegPhotos.Resized process(byte[] bytes) {
		try {
			return JpegPhotos.resize(bytes, MAX_BYTES, true, FULL, THUMBNAIL);
		}
		catch (ContentChecks.Refused e) {
			throw switch (e.problem()) {
				case TOO_LARGE -> new MeetingsException("photo", "meetings.error.photoLarge", MAX_BYTES / (1024 * 1024));
				case IMAGE_PIXELS -> new MeetingsException("photo", "meetings.error.photoPixels");
				case IMAGE_BUSY -> new MeetingsException("photo", "meetings.error.photoBusy");
				default -> new MeetingsException("photo", "meetings.error.photoKind");
			};
		}
	}
}
