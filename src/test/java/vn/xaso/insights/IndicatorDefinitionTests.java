package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class IndicatorDefinitionTests {

	private static final Set<String> METRICS = Set.of("documents.outgoing_released", "documents.outgoing_signed", "health.questions_answered",
			"health.answer_minutes", "health.answered_24h", "health.appointments_booked", "health.appointments_came", "health.campaign_people",
			"health.campaign_came", "community.households", "community.households_smartphone",
			"community.households_e_payment", "community.households_vneid", "community.households_app", "community.households_coded",
			"community.visits", "community.member_months", "community.assisted_dossiers", "community.trainings", "community.training_attendance",
			"documents.incoming_registered", "documents.incoming_electronic", "documents.incoming_done",
			"documents.incoming_done_on_time", "dossiers.submitted", "dossiers.submitted_online", "dossiers.digitised",
			"dossiers.resolved", "dossiers.resolved_on_time", "dossiers.result_electronic", "dossiers.paid", "dossiers.paid_online",
			"dossiers.rated", "dossiers.rated_satisfied", "feedback.received", "feedback.answered", "feedback.answered_on_time",
			"feedback.answer_days_total", "feedback.closed", "feedback.reopened", "feedback.rated", "feedback.rated_satisfied",
			"radio.broadcasts", "radio.plays", "radio.seconds_played", "economy.producers_verified", "economy.products_listed",
			"economy.ocop_3", "economy.ocop_4", "economy.ocop_5", "economy.orders", "economy.orders_value_vnd", "economy.orders_cancelled",
			"economy.paid_vietqr", "economy.paid_cash", "economy.lots", "meetings.tasks_done", "meetings.tasks_done_on_time",
			"school.notes", "school.note_reads", "school.replies", "school.pupils", "school.pupils_confirmed", "school.charges_paid",
			"school.charges_paid_vietqr", "farm.farms", "farm.devices_active", "farm.readings", "farm.alarms_raised", "farm.alarms_cleared",
			"farm.commands_done", "farm.commands_failed", "farm.commands_timed_out", "farm.schedule_slots");

	@Test
	void theShippedDefinitionsLoadAndEachCarriesItsSource() throws Exception {
		try (var in = new ClassPathResource("insights/indicators.json").getInputStream()) {
			var all = Indicators.load(in, METRICS);
			assertThat(all).containsKeys("DOC_OUT_SIGNED", "DOC_IN_ON_TIME", "PEOPLE_SMARTPHONE", "FEEDBACK_ON_TIME", "FEEDBACK_SATISFIED",
					"FEEDBACK_REOPENED", "FEEDBACK_MEAN_DAYS", "FEEDBACK_RECEIVED", "RADIO_BROADCASTS", "RADIO_SECONDS",
					"HOUSEHOLD_SMARTPHONE", "HOUSEHOLD_ADDRESS_CODE", "COMMUNITY_VISITS_PER_MEMBER", "COMMUNITY_ASSISTED_DOSSIERS");
			assertThat(all.get("HOUSEHOLD_SMARTPHONE").stock()).as("a share of households at the period's end").isTrue();
			assertThat(all.get("COMMUNITY_TRAININGS").stock()).isFalse();
			assertThat(all.get("ECONOMY_OCOP_4").stock()).as("valid OCOP ratings at the period's end").isTrue();
			assertThat(all.get("ECONOMY_ORDERS").stock()).isFalse();
			assertThat(all.get("FARM_DEVICES").stock()).as("devices not revoked at the period's end").isTrue();
			assertThat(all.get("FARM_READINGS").stock()).isFalse();
			assertThat(all.values()).allSatisfy(i -> {
				assertThat(i.source()).isNotBlank();
				assertThat(i.definitionVi()).isNotBlank();
				assertThat(i.nameEn()).isNotBlank();
			});
		}
	}

	@Test
	void refusesAMetricNoModuleCounts() {
		var json = indicator("X_RATE", "RATIO", "[\"documents.outgoing_signed\"]", "[\"dossiers.received\"]");
		assertThatThrownBy(() -> Indicators.load(stream(json), METRICS)).hasMessageContaining("X_RATE")
			.hasMessageContaining("no module counts the metric dossiers.received");
	}

	@Test
	void refusesARatioWithoutDenominatorACountWithOneAndDuplicates() {
		assertThatThrownBy(() -> Indicators.load(stream(indicator("A", "RATIO", "[\"documents.outgoing_signed\"]", "[]")), METRICS))
			.hasMessageContaining("a ratio needs a numerator and a denominator");
		assertThatThrownBy(() -> Indicators.load(stream(indicator("AB", "COUNT", "[\"documents.outgoing_signed\"]",
				"[\"documents.outgoing_released\"]")), METRICS)).hasMessageContaining("a count has a numerator and no denominator");
		var twice = "{\"indicators\":[" + body("AB", "COUNT", "[\"documents.outgoing_signed\"]", "[]") + ","
				+ body("AB", "COUNT", "[\"documents.outgoing_signed\"]", "[]") + "]}";
		assertThatThrownBy(() -> Indicators.load(stream(twice), METRICS)).hasMessageContaining("AB: declared twice");
	}

	@Test
	void refusesAnEnteredStock() {
		var json = "{\"indicators\":[{\"code\":\"AB\",\"nameVi\":\"T\",\"nameEn\":\"N\",\"pillar\":\"SOCIETY\",\"kind\":\"ENTERED\","
				+ "\"unit\":\"%\",\"definitionVi\":\"Đ\",\"definitionEn\":\"D\",\"source\":\"S\",\"stock\":true}]}";
		assertThatThrownBy(() -> Indicators.load(stream(json), METRICS)).hasMessageContaining("AB: an entered indicator cannot be a stock");
	}

	@Test
	void refusesAMissingNameOrUnknownPillar() {
		var noName = "{\"indicators\":[{\"code\":\"AB\",\"pillar\":\"GOVERNMENT\",\"kind\":\"ENTERED\"}]}";
		assertThatThrownBy(() -> Indicators.load(stream(noName), METRICS)).hasMessageContaining("missing nameVi");
		var json = indicator("AB", "RATIO", "[\"documents.outgoing_signed\"]", "[\"documents.outgoing_released\"]")
			.replace("GOVERNMENT", "SPACE");
		assertThatThrownBy(() -> Indicators.load(stream(json), METRICS)).hasMessageContaining("AB");
	}

	private static String indicator(String code, String kind, String numerator, String denominator) {
		return "{\"indicators\":[" + body(code, kind, numerator, denominator) + "]}";
	}

	private static String body(String code, String kind, String numerator, String denominator) {
		return """
				{"code":"%s","nameVi":"Tên","nameEn":"Name","pillar":"GOVERNMENT","kind":"%s","numerator":%s,
				 "denominator":%s,"scale":100,"unit":"%%","direction":"UP","definitionVi":"Đ","definitionEn":"D","source":"S"}"""
			.formatted(code, kind, numerator, denominator);
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}
}
