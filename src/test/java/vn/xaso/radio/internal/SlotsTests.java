package vn.xaso.radio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlotsTests {

	@Test
	void parsesAndSorts() {
		assertThat(Slots.parse("17:00, 6:00 06h00")).contains(List.of("06:00", "17:00"));
		assertThat(Slots.parse("25:00")).isEmpty();
		assertThat(Slots.parse("")).isEmpty();
		assertThat(Slots.parse("sáng")).isEmpty();
	}

	@Test
	void nextSlotIsInVietnamTime() {
		// 2026-11-24 05:00 in Vietnam = 2026-11-23T22:00Z
		var now = Instant.parse("2026-11-23T22:00:00Z");
		assertThat(Slots.next(List.of("06:00", "17:00"), now)).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
		// 18:00 Vietnam → next morning 06:00
		var evening = Instant.parse("2026-11-24T11:00:00Z");
		assertThat(Slots.next(List.of("06:00", "17:00"), evening)).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
		// exactly at a slot → the next one
		assertThat(Slots.next(List.of("06:00", "17:00"), Instant.parse("2026-11-23T23:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
	}
}
