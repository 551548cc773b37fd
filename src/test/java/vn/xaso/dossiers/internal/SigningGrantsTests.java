package vn.xaso.dossiers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Issue 21: the batch-signing password is remembered for a short time only, per key, and wiped when it ends. */
class SigningGrantsTests {

	/** A clock the test moves by hand. */
	static final class Hand extends Clock {
		Instant now = Instant.parse("2026-12-07T02:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@Test
	void aGrantLastsFiveMinutesForItsOwnKeyOnly() {
		var clock = new Hand();
		var grants = new SigningGrants(clock, Duration.ofMinutes(5));
		var typed = "mat-khau-ky".toCharArray();
		var until = grants.grant("14701|yenmo.chutich|s1", typed);
		assertThat(until).isEqualTo(clock.now.plusSeconds(300));
		assertThat(grants.password("14701|yenmo.chutich|s1")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("mat-khau-ky"));
		assertThat(grants.password("14701|yenmo.chutich|s2")).isEmpty();
		clock.now = clock.now.plusSeconds(299);
		assertThat(grants.until("14701|yenmo.chutich|s1")).isPresent();
		clock.now = clock.now.plusSeconds(1);
		assertThat(grants.password("14701|yenmo.chutich|s1")).isEmpty();
		assertThat(grants.until("14701|yenmo.chutich|s1")).isEmpty();
		grants.grant("k", typed);
		grants.end("k");
		assertThat(grants.password("k")).isEmpty();
		grants.stop();
	}
}
