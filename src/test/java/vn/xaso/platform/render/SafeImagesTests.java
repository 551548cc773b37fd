package vn.xaso.platform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

class SafeImagesTests {

	private static long allocatedBy(Runnable work) {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		work.run();
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

	@Test
	void aSmallFileOfManyPixelsIsDecodedSubsampledInLittleMemory() throws Exception {
		var png = LargePngs.black(7000, 7000);
		assertThat(png.length).isLessThan(300_000);
		var size = new int[2];
		long allocated = allocatedBy(() -> {
			try {
				var image = SafeImages.decode(png, 1600);
				size[0] = image.getWidth();
				size[1] = image.getHeight();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		assertThat(size[0]).isBetween(1600, 3200);
		assertThat(size[1]).isBetween(1600, 3200);
		// A full decode is 7000 × 7000 × 3 bytes = 147 MB.
		assertThat(allocated).isLessThan(40_000_000L);
	}

	@Test
	void tooManyPixelsAreRefusedFromTheHeaderAlone() throws Exception {
		var png = LargePngs.black(12_000, 5_000);
		long allocated = allocatedBy(() -> assertThatThrownBy(() -> SafeImages.decode(png, 1600))
			.isInstanceOf(SafeImages.TooLarge.class));
		assertThat(allocated).isLessThan(10_000_000L);
	}
}
