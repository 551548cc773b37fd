package vn.xaso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleWaitTests {

	@Test
	void waitsStartAtTheThresholdAndDoubleUpToTheCap() {
		var scope = SignInThrottle.Scope.USER_AT_ADDRESS;
		assertThat(scope.waitAfter(4)).isZero();
		assertThat(scope.waitAfter(5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(scope.waitAfter(6)).isEqualTo(Duration.ofMinutes(2));
		assertThat(scope.waitAfter(7)).isEqualTo(Duration.ofMinutes(4));
		assertThat(scope.waitAfter(100)).isEqualTo(Duration.ofHours(1));
		assertThat(SignInThrottle.Scope.USER.waitAfter(9)).isZero();
		assertThat(SignInThrottle.Scope.USER.waitAfter(40)).isEqualTo(Duration.ofMinutes(15));
		assertThat(SignInThrottle.Scope.ADDRESS.waitAfter(30)).isEqualTo(Duration.ofMinutes(1));
	}
}
