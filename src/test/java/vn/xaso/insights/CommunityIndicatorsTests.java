package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.HolderKind;
import vn.xaso.community.Actor;
import vn.xaso.community.Survey;
import vn.xaso.community.VisitAction;
import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.PlanningTrainings;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.community.internal.RecordingVisit;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * Issue 16's adoption indicators: community publishes metric events, insights keeps the counters. The household
 * stocks (smartphone, e-payment, VNeID, app, address code) follow each household's latest survey — a later survey
 * that takes an item away counts −1, a back-dated one changes nothing — and equal a direct count over community's
 * tables for the commune and the province whatever the period's start; visits, assisted dossiers, trainings and
 * attendance are flows; the recount check is clean; a province target "smartphones ≥ 80 %" is judged on the stock.
 */
@XasoIntegrationTest
class CommunityIndicatorsTests {

	@Autowired RegisteringHousehold registering;
	@Autowired RecordingSurvey surveys;
	@Autowired RecordingVisit visits;
	@Autowired PlanningTrainings trainings;
	@Autowired FormingTeams teams;
	@Autowired Villages villages;
	@Autowired Addresses addresses;
	@Autowired Indicators indicators;
	@Autowired Targets targets;
	@Autowired Facts facts;
	@Autowired Units units;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;

	static final List<String> CODES = List.of("HOUSEHOLD_SMARTPHONE", "HOUSEHOLD_E_PAYMENT", "HOUSEHOLD_VNEID", "HOUSEHOLD_APP",
			"HOUSEHOLD_ADDRESS_CODE", "COMMUNITY_VISITS_PER_MEMBER", "COMMUNITY_TRAININGS", "COMMUNITY_TRAINING_ATTENDANCE",
			"COMMUNITY_ASSISTED_DOSSIERS");

	final Actor admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	/** Numerator and denominator (0 for a count) of each indicator for a unit over [from, to], system scope. */
	Map<String, long[]> figures(String unit, LocalDate from, LocalDate to) {
		var all = CODES.stream().map(c -> indicators.find(c).orElseThrow()).toList();
		var result = new HashMap<String, long[]>();
		Tenancy.callAs(UnitScope.systemWide(), () -> indicators.values(unit, from, to, all))
			.forEach(v -> result.put(v.indicator().code(), new long[] { v.numerator().longValueExact(),
					v.denominator() == null ? 0 : v.denominator().longValueExact() }));
		return result;
	}

	/** Households, then with smartphone, e-payment, VNeID, app (latest survey) and with a code, counted directly. */
	long[] direct(java.util.Collection<String> communes) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> new TransactionTemplate(transactions).execute(s -> jdbc.sql("""
				select count(*), count(*) filter (where l.smartphones > 0), count(*) filter (where l.e_payment),
				  count(*) filter (where l.vneid_level2), count(*) filter (where l.uses_app), count(h.address_coded_at)
				from community_household h left join lateral (select q.* from community_survey q where q.household_id = h.id
				  order by q.surveyed_on desc, q.id desc limit 1) l on true where h.unit_code = any(?)""")
			.param(communes.toArray(String[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) })
			.single()));
	}

	static void assertStocksEqual(Map<String, long[]> figures, long[] direct) {
		assertThat(figures.get("HOUSEHOLD_SMARTPHONE")).containsExactly(direct[1], direct[0]);
		assertThat(figures.get("HOUSEHOLD_E_PAYMENT")).containsExactly(direct[2], direct[0]);
		assertThat(figures.get("HOUSEHOLD_VNEID")).containsExactly(direct[3], direct[0]);
		assertThat(figures.get("HOUSEHOLD_APP")).containsExactly(direct[4], direct[0]);
		assertThat(figures.get("HOUSEHOLD_ADDRESS_CODE")).containsExactly(direct[5], direct[0]);
	}

	static long delta(Map<String, long[]> after, Map<String, long[]> before, String code, int part) {
		return after.get(code)[part] - before.get(code)[part];
	}

	@Test
	void householdStocksFollowTheLatestSurveyAndFlowsCountOnceAndEveryFigureMatchesTheTables() {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var yearStart = today.withDayOfYear(1);
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 1_000_000));
		var member = yenMo(() -> teams.teams(admin)).stream().flatMap(t -> t.members().stream())
			.filter(m -> m.username().equals("yenmo.congnghe")).findFirst().orElseThrow();
		var actor = new Actor(DemoData.YEN_MO, "yenmo.congnghe", Set.of(Role.COMMUNITY_TEAM), member.id());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(yearStart, today))).isEmpty());
		var before = figures(DemoData.YEN_MO, yearStart, today);
		var provinceBefore = figures(DemoData.NINH_BINH, yearStart, today);

		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Chỉ Số " + tag, "Thôn"));
		long[] h = new long[3];
		for (int i = 0; i < 3; i++) {
			int n = i;
			h[i] = yenMo(() -> registering.register(actor, new HouseholdEntry.Input(village.id(), "Chủ Hộ Số " + n + " " + tag, "1970",
					null, null, null, "Xóm Giữa", "Họ tên, khảo sát", today.toString(), false, false, false)));
		}
		yenMo(() -> surveys.record(actor, h[0], new RecordingSurvey.Answers(today, 2, Survey.Internet.FIBRE, true, true, false, true,
				Survey.Barrier.NONE)));
		yenMo(() -> surveys.record(actor, h[1], new RecordingSurvey.Answers(today, 0, Survey.Internet.NONE, false, false, false, false,
				Survey.Barrier.COST)));
		// a later survey of the first household: VNeID gone (−1), the app now used (+1)
		yenMo(() -> surveys.record(actor, h[0], new RecordingSurvey.Answers(today, 1, Survey.Internet.MOBILE, true, false, true, true,
				Survey.Barrier.NONE)));
		// a back-dated survey of the second household is history, not its latest: nothing changes
		yenMo(() -> surveys.record(actor, h[1], new RecordingSurvey.Answers(today.minusDays(30), 5, Survey.Internet.FIBRE, true, true,
				true, true, Survey.Barrier.NONE)));
		var now = Instant.now();
		yenMo(() -> visits.record(actor, h[0], now, Set.of(VisitAction.ASSISTED_DOSSIER, VisitAction.INSTALLED_APP), "Nộp hồ sơ giúp.", null));
		yenMo(() -> visits.record(actor, h[1], now, Set.of(VisitAction.TAUGHT_VIETQR), "Hướng dẫn VietQR.", null));
		long training = yenMo(() -> trainings.addTraining(admin, "Dùng VNeID " + tag, "Lê Văn Tú", today, null));
		yenMo(() -> trainings.recordAttendance(admin, training, List.of(h[0], h[1])));
		yenMo(() -> trainings.recordAttendance(admin, training, List.of(h[0]))); // again: not a second attendance
		// the first household's house is placed on the map: its address gets a plus code (+1); moved: still one
		var record = yenMo(() -> addresses.forHolder(DemoData.YEN_MO, HolderKind.HOUSEHOLD, String.valueOf(h[0]))).orElseThrow();
		assertThat(record.pinned()).isFalse();
		yenMo(() -> addresses.place(DemoData.YEN_MO, record.id(), 20.1234, 105.9876, null, "yenmo.admin"));
		yenMo(() -> addresses.place(DemoData.YEN_MO, record.id(), 20.1240, 105.9880, null, "yenmo.admin"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var after = figures(DemoData.YEN_MO, yearStart, today);
			assertThat(delta(after, before, "HOUSEHOLD_SMARTPHONE", 1)).as("households").isEqualTo(3);
			assertThat(delta(after, before, "HOUSEHOLD_SMARTPHONE", 0)).isEqualTo(1);
			assertThat(delta(after, before, "HOUSEHOLD_E_PAYMENT", 0)).isEqualTo(1);
			assertThat(delta(after, before, "HOUSEHOLD_VNEID", 0)).isZero();
			assertThat(delta(after, before, "HOUSEHOLD_APP", 0)).isEqualTo(1);
			assertThat(delta(after, before, "HOUSEHOLD_ADDRESS_CODE", 0)).isEqualTo(1);
			assertThat(delta(after, before, "COMMUNITY_VISITS_PER_MEMBER", 0)).as("visits").isEqualTo(2);
			assertThat(delta(after, before, "COMMUNITY_ASSISTED_DOSSIERS", 0)).isEqualTo(1);
			assertThat(delta(after, before, "COMMUNITY_TRAININGS", 0)).isEqualTo(1);
			assertThat(delta(after, before, "COMMUNITY_TRAINING_ATTENDANCE", 0)).isEqualTo(2);
			var province = figures(DemoData.NINH_BINH, yearStart, today);
			for (var code : CODES) {
				assertThat(delta(province, provinceBefore, code, 0)).as(code + " in the province").isEqualTo(delta(after, before, code, 0));
			}
		});
		// Exact: the stocks equal a direct count of community's tables, whatever the period's start (a stock).
		var communes = units.tree().communesOf(DemoData.NINH_BINH);
		assertStocksEqual(figures(DemoData.YEN_MO, today, today), direct(List.of(DemoData.YEN_MO)));
		assertStocksEqual(figures(DemoData.YEN_MO, yearStart, today), direct(List.of(DemoData.YEN_MO)));
		assertStocksEqual(figures(DemoData.NINH_BINH, today, today), direct(communes));
		// Member-months: the member's distinct months with visits, counted directly.
		long memberMonths = Tenancy.callAs(UnitScope.systemWide(), () -> new TransactionTemplate(transactions).execute(s -> jdbc.sql("""
				select count(distinct (member_id, date_trunc('month', visited_at at time zone 'Asia/Ho_Chi_Minh'))) from community_visit
				where unit_code = ? and (visited_at at time zone 'Asia/Ho_Chi_Minh')::date between ? and ?""")
			.params(DemoData.YEN_MO, yearStart, today).query(Long.class).single()));
		assertThat(figures(DemoData.YEN_MO, yearStart, today).get("COMMUNITY_VISITS_PER_MEMBER")[1]).isEqualTo(memberMonths);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(yearStart, today))).isEmpty());

		// A province target on the stock: met exactly when the commune's share reaches the threshold.
		var smartphone = figures(DemoData.YEN_MO, yearStart, today).get("HOUSEHOLD_SMARTPHONE");
		var share = BigDecimal.valueOf(smartphone[0] * 100).divide(BigDecimal.valueOf(smartphone[1]), 4, java.math.RoundingMode.HALF_EVEN);
		var threshold = BigDecimal.valueOf(80);
		var set = Tenancy.callAs(UnitScope.systemWide(), () -> {
			long id = targets.save(DemoData.NINH_BINH, "DT" + tag, "Điện thoại thông minh " + tag, today.getYear(),
					List.of(new Targets.NewTarget("HOUSEHOLD_SMARTPHONE", Targets.Level.BASIC, threshold)), "ninhbinh.quantri");
			targets.publish(DemoData.NINH_BINH, id, "ninhbinh.quantri");
			return targets.set(id).orElseThrow();
		});
		var progress = Tenancy.callAs(UnitScope.systemWide(), () -> targets.progress(set, DemoData.YEN_MO));
		assertThat(progress.results()).singleElement().satisfies(r -> {
			assertThat(r.value().value()).isEqualByComparingTo(share);
			assertThat(r.met()).isEqualTo(share.compareTo(threshold) >= 0);
		});
	}

	@Test
	void aStockTrendCarriesEveryEarlierChangeIntoEachMonth() {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var indicator = indicators.find("HOUSEHOLD_SMARTPHONE").orElseThrow();
		var trend = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.trend(indicator, DemoData.YEN_MO, today.withDayOfMonth(1), today));
		var value = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.value(indicator, DemoData.YEN_MO, today, today));
		assertThat(trend).hasSize(1);
		assertThat(trend.getFirst().denominator()).isEqualByComparingTo(value.denominator());
		assertThat(trend.getFirst().numerator()).isEqualByComparingTo(value.numerator());
		assertThat(value.denominator().signum()).as("the demo households count").isPositive();
	}
}
