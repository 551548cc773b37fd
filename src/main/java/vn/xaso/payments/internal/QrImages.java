package vn.xaso.payments.internal;


/** QR code images (PNG) with ZXing core; error correction M, a 4-module quiet zone. */
public final class QrImages {

	public static final int MIN_SIZE = 120;
	public static final int MAX_SIZE = 1000;

	private QrImages() {
	}

	public static byte[] png(String text, int sizePx) {
		if (sizePx < MIN_SIZE || sizePx > MAX_SIZE) {
			throw new IllegalArgumentException("QR size must be " + MIN_SIZE + ".." + MAX_SIZE + " px");
		}
		return vn.xaso.platform.render.QrCodes.png(text, sizePx, 4);
	}
}
