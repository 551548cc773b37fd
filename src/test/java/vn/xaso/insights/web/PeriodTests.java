package vn.xaso.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.xaso.platform.web.Form;

/** The date filters of the insights pages show the period in use, the default one too (issue 11). */
class PeriodTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

	@Test
	void withoutDatesTheFieldsShowTheDefaultPeriod() {
		var form = Form.of(Map.of());
		var period = Period.parse(null, null, form, CLOCK, key -> key);
		assertThat(period.from()).hasToString("2026-01-01");
		assertThat(form.value("from")).isEqualTo("2026-01-01");
		assertThat(form.value("to")).isEqualTo("2026-12-06");
	}

	@Test
	void aMistypedDateStaysAsTypedWithItsMessage() {
		var params = Map.of("from", "2026-13-01", "to", "2026-06-30");
		var form = Form.of(params);
		var period = Period.parse(params.get("from"), params.get("to"), form, CLOCK, key -> key);
		assertThat(form.error("from")).isNotNull();
		assertThat(form.value("from")).isEqualTo("2026-13-01");
		assertThat(form.value("to")).isEqualTo("2026-06-30");
		assertThat(period.from()).hasToString("2026-01-01");
	}
}
