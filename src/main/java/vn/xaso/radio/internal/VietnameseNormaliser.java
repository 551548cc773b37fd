package vn.xaso.radio.internal;

/** Placeholder, replaced below. */
public final class VietnameseNormaliser {

	public String normalise(String text) {
		return text;
	}
}
