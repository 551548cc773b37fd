package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.xaso.browser.AxeShapes.Seen;

/** axe once per page shape per run: shared by the run's two test JVMs, never carried over to the next run. */
class AxeShapesTests {

	@TempDir
	Path target;

	@Test
	void aShapeIsCheckedOncePerRunByWhicheverJvmMeetsItFirst() {
		var run = target.resolve("2026-12-07T220000Z");
		var firstJvm = new AxeShapes(run);
		var secondJvm = new AxeShapes(run);
		var signIn = "/signin 1280\nA.|||href|t\nINPUT.|||name,type";
		assertThat(firstJvm.meet(signIn)).isEqualTo(Seen.NEW);
		assertThat(firstJvm.meet(signIn)).isEqualTo(Seen.IN_THIS_JVM);
		assertThat(secondJvm.meet(signIn)).isEqualTo(Seen.IN_THE_OTHER_JVM);
		assertThat(secondJvm.meet(signIn)).isEqualTo(Seen.IN_THIS_JVM);
		// Another width or another element kind is another shape, checked again.
		assertThat(secondJvm.meet(signIn.replace("1280", "360"))).isEqualTo(Seen.NEW);
		assertThat(firstJvm.meet(signIn + "\nP.error||||t")).isEqualTo(Seen.NEW);
	}

	@Test
	void theNextRunChecksEveryShapeAgain() {
		var signIn = "/signin 1280\nA.|||href|t";
		assertThat(new AxeShapes(target.resolve("2026-12-07T220000Z")).meet(signIn)).isEqualTo(Seen.NEW);
		assertThat(new AxeShapes(target.resolve("2026-12-07T221500Z")).meet(signIn)).isEqualTo(Seen.NEW);
	}

	@Test
	void withoutARunTheShapesAreThisJvmsOnly() {
		assertThat(AxeShapes.folder("")).isNull();
		assertThat(AxeShapes.folder("2026-12-07T22:00:00Z")).endsWithRaw(Path.of("target", "axe-shapes", "2026-12-07T220000Z"));
		var alone = new AxeShapes(null);
		assertThat(alone.meet("/ 1280")).isEqualTo(Seen.NEW);
		assertThat(alone.meet("/ 1280")).isEqualTo(Seen.IN_THIS_JVM);
		assertThat(new AxeShapes(null).meet("/ 1280")).isEqualTo(Seen.NEW);
	}
}
