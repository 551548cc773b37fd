package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.Announcement;
import vn.xaso.radio.Broadcasts;
import vn.xaso.radio.ReceiverSimulator;
import vn.xaso.radio.SpeakerNetwork;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Feedback and loudspeaker counters reach the indicators through the modules' real actions, each
 * fact once, and equal the modules' recount from their tables.
 */
@XasoIntegrationTest
class FeedbackRadioIndicatorsTests {

	static final String YEN_MO = DemoData.YEN_MO;
	static final FeedbackActor SPECIALIST = new FeedbackActor(YEN_MO, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));

	@Autowired
	Feedback feedback;

	@Autowired
	Citizens citizens;

	@Autowired
	Broadcasts broadcasts;

	@Autowired
	SpeakerNetwork network;

	@Autowired
	Villages villages;

	@Autowired
	Facts facts;

	@Autowired
	Indicators indicators;

	@LocalServerPort
	int port;

	@Test
	void feedbackAnsweredOnTimeRatedReopenedAndClosedCountsEachFactOnce() {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var metrics = List.of("feedback.received", "feedback.answered", "feedback.answered_on_time", "feedback.answer_days_total",
				"feedback.closed", "feedback.reopened", "feedback.rated", "feedback.rated_satisfied");
		var before = sums(metrics, today);
		var onTime = indicators.find("FEEDBACK_ON_TIME").orElseThrow();
		long citizen = citizens.ensure("0988000004", "Lê Thị Chỉ Số");
		var created = feedback.submit(new Feedback.NewReport(YEN_MO, "DIEN-CS", "Đèn đường cạnh nhà văn hóa thôn tắt ba hôm nay.",
				20.10, 105.98, null, "", citizen, false, null, null, null, List.of(), "web", null, null));
		Tenancy.runAs(UnitScope.of(YEN_MO),
				() -> feedback.answer(SPECIALIST, created.id(), "Điện lực đã thay bóng đèn cạnh nhà văn hóa thôn."));
		feedback.rate(citizen, created.code(), 5);
		feedback.reopen(citizen, created.code(), "Đèn lại tắt ngay tối hôm sau.");
		Tenancy.runAs(UnitScope.of(YEN_MO),
				() -> feedback.answer(SPECIALIST, created.id(), "Điện lực đã thay cả bộ đèn và dây cấp điện."));
		feedback.rate(citizen, created.code(), 2); // the first rating is the one counted
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> feedback.close(SPECIALIST, created.id(), ""));
		feedback.reopen(citizen, created.code(), "Đèn vẫn chập chờn, đề nghị xã kiểm tra lại.");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var after = sums(metrics, today);
			var added = new java.util.HashMap<String, Long>();
			metrics.forEach(m -> added.put(m, after.getOrDefault(m, 0L) - before.getOrDefault(m, 0L)));
			assertThat(added).containsExactlyInAnyOrderEntriesOf(Map.of("feedback.received", 1L, "feedback.answered", 1L,
					"feedback.answered_on_time", 1L, "feedback.answer_days_total", 0L, "feedback.closed", 1L, "feedback.reopened", 2L,
					"feedback.rated", 1L, "feedback.rated_satisfied", 1L));
		});
		var value = Tenancy.callAs(UnitScope.of(YEN_MO), () -> indicators.value(onTime, YEN_MO, today, today));
		assertThat(value.numerator()).isEqualByComparingTo(BigDecimal.valueOf(sums(List.of("feedback.answered_on_time"), today)
			.getOrDefault("feedback.answered_on_time", 0L)));
		assertThat(value.denominator()).isEqualByComparingTo(BigDecimal.valueOf(sums(List.of("feedback.answered"), today)
			.getOrDefault("feedback.answered", 0L)));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(today.minusDays(7), today))).isEmpty());
	}

	@Test
	void aBroadcastPlayedByTwoReceiversOfOneVillageCountsOncePerVillage() throws Exception {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var metrics = List.of("radio.broadcasts", "radio.plays", "radio.seconds_played");
		var before = sums(metrics, today);
		record Setup(long villageId, String first, String second) {
		}
		var s = Tenancy.callAs(UnitScope.of(YEN_MO), () -> {
			var village = villages.create(YEN_MO, "Chỉ số " + UUID.randomUUID().toString().substring(0, 8), "Xóm");
			var slot = Instant.now().plus(2, ChronoUnit.HOURS).atZone(MetricEvent.VIETNAM).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
			var zoneId = network.createZone("test", YEN_MO, village.id(), "", slot.toString());
			return new Setup(village.id(), network.registerDevice("test", YEN_MO, zoneId, "Loa đầu xóm").token(),
					network.registerDevice("test", YEN_MO, zoneId, "Loa cuối xóm").token());
		});
		long id = Tenancy.callAs(UnitScope.of(YEN_MO), () -> broadcasts.announce(new Announcement(YEN_MO, "Lịch thu gom rác",
				"Tổ vệ sinh thu gom rác vào sáng thứ bảy hằng tuần.", Set.of(s.villageId()), true, null, "test:chỉ số")));
		var deadline = Instant.now().plusSeconds(90);
		while ("synthesising".equals(broadcasts.find(id).orElseThrow().status()) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		var info = broadcasts.find(id).orElseThrow();
		assertThat(info.status()).isEqualTo("ready");
		var now = Instant.now();
		assertThat(new ReceiverSimulator(port, s.first()).playDue(now)).containsExactly(id);
		assertThat(new ReceiverSimulator(port, s.second()).playDue(now.plusSeconds(1))).containsExactly(id);
		long seconds = info.duration().toMillis() / 1000;
		assertThat(seconds).isPositive();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var after = sums(metrics, today);
			assertThat(after.getOrDefault("radio.broadcasts", 0L) - before.getOrDefault("radio.broadcasts", 0L)).isEqualTo(1);
			assertThat(after.getOrDefault("radio.plays", 0L) - before.getOrDefault("radio.plays", 0L)).isEqualTo(1);
			assertThat(after.getOrDefault("radio.seconds_played", 0L) - before.getOrDefault("radio.seconds_played", 0L))
				.isEqualTo(seconds);
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(today.minusDays(7), today))).isEmpty());
	}

	private Map<String, Long> sums(List<String> metrics, LocalDate day) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> facts.sums(List.of(YEN_MO), metrics, day, day));
	}
}
