package vn.xaso.feedback;

/** Test photos for tests in other packages (the browser tests). */
public final class FeedbackImagesAccess {

	private FeedbackImagesAccess() {
	}

	public static byte[] jpeg(int width, int height) {
		return FeedbackImages.jpegWithExif(width, height);
	}
}
