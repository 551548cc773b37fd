package vn.xaso.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import vn.xaso.feedback.FeedbackException;
import vn.xaso.platform.render.LargePngs;

/** A 143 KB PNG of 7000 × 7000 pixels once took 140 MB of heap to decode (the heap is 512 MB). */
class PhotoProcessorMemoryTests {

	@Test
	void aLargeButSmallFilePhotoIsProcessedInLittleMemory() throws Exception {
		var png = LargePngs.black(7000, 7000);
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		var processed = PhotoProcessor.process(png, "photos", 1, 8 * 1024 * 1024);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(processed.width()).isEqualTo(PhotoProcessor.MAX_SIDE);
		assertThat(allocated).isLessThan(80_000_000L);
	}

	@Test
	void morePixelsThanAllowedAreRefusedInVietnamese() throws Exception {
		var png = LargePngs.black(10_000, 6_000);
		assertThatThrownBy(() -> PhotoProcessor.process(png, "photos", 1, 8 * 1024 * 1024))
			.isInstanceOf(FeedbackException.class).hasMessageContaining("quá lớn");
	}
}
