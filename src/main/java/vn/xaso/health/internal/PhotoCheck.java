package vn.xaso.health.internal;

/**
 * Checks a photo sent with a question by its content and makes the copy that is kept: a JPEG of at most
 * {@value #MAX_SIDE} px and a {@value #THUMB_SIDE}-px thumbnail, with no metadata of the original (EXIF, GPS position).
 * Refuses with a {@link vn.xaso.health.HealthException} on the {@code photos} field. One small port, now on the platform's
 * shared image check (see {@link JpegPhotoCheck}).
 */
interface PhotoCheck {

	int MAX_SIDE = 1600;
	int THUMB_SIDE = 320;
	long MAX_BYTES = 10L * 1024 * 1024;

	record Checked(byte[] content, byte[] thumbnail, int width, int height) {
	}

	/** The {@code index}-th photo (from 1), checked and re-encoded. */
	Checked check(byte[] bytes, int index);
}
