package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * Roll-ups are sums of numerators over sums of denominators, checked against hand-computed
 * figures on days no other test writes (the year 2001).
 */
@XasoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsRollupTests {

	static final LocalDate FROM = LocalDate.of(2001, 1, 1);
	static final LocalDate TO = LocalDate.of(2001, 12, 31);
	static final String RELEASED = "documents.outgoing_released";
	static final String SIGNED = "documents.outgoing_signed";

	@Autowired
	Indicators indicators;

	@Autowired
	Facts facts;

	@Autowired
	Units units;

	@LocalServerPort
	int port;

	String a;
	String b;
	String c;

	@BeforeAll
	void threeCommunesOfNinhBinh() {
		var communes = units.communesOf(DemoData.NINH_BINH).stream().filter(code -> !code.equals(DemoData.YEN_MO)).sorted().toList();
		a = communes.get(0);
		b = communes.get(1);
		c = communes.get(2);
		// A: 4 released, 4 signed (100 %); B: 1 released, 0 signed (0 %); C: 5 released, 3 signed (60 %),
		// spread over several days and events.
		apply(a, LocalDate.of(2001, 3, 1), Map.of(RELEASED, 3L, SIGNED, 3L));
		apply(a, LocalDate.of(2001, 7, 9), Map.of(RELEASED, 1L, SIGNED, 1L));
		apply(b, LocalDate.of(2001, 5, 2), Map.of(RELEASED, 1L));
		apply(c, LocalDate.of(2001, 2, 2), Map.of(RELEASED, 2L, SIGNED, 1L));
		apply(c, LocalDate.of(2001, 11, 30), Map.of(RELEASED, 3L, SIGNED, 2L));
	}

	private void apply(String unit, LocalDate day, Map<String, Long> deltas) {
		var event = new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now());
		Tenancy.runAs(UnitScope.of(unit), () -> facts.apply(event));
	}

	private IndicatorValue value(String code, String unit) {
		var indicator = indicators.find(code).orElseThrow();
		return Tenancy.callAs(UnitScope.systemWide(), () -> indicators.value(indicator, unit, FROM, TO));
	}

	@Test
	void aProvinceRateIsTheSumOfNumeratorsOverTheSumOfDenominatorsNotAnAverageOfRates() {
		assertThat(value("DOC_OUT_SIGNED", a).value()).isEqualByComparingTo("100");
		assertThat(value("DOC_OUT_SIGNED", b).value()).isEqualByComparingTo("0");
		assertThat(value("DOC_OUT_SIGNED", c).value()).isEqualByComparingTo("60");
		var province = value("DOC_OUT_SIGNED", DemoData.NINH_BINH);
		assertThat(province.numerator()).isEqualByComparingTo("7");
		assertThat(province.denominator()).isEqualByComparingTo("10");
		assertThat(province.value()).isEqualByComparingTo("70"); // the average of the three rates would be 53.3
		assertThat(province.display()).isEqualTo("70");
		var nation = value("DOC_OUT_SIGNED", Indicators.NATION);
		assertThat(nation.value()).isEqualByComparingTo("70");
		assertThat(value("DOC_OUT_RELEASED", DemoData.NINH_BINH).value()).isEqualByComparingTo("10");
	}

	@Test
	void aPartOfThePeriodCountsOnlyItsDays() {
		var indicator = indicators.find("DOC_OUT_SIGNED").orElseThrow();
		var firstHalf = Tenancy.callAs(UnitScope.systemWide(),
				() -> indicators.value(indicator, DemoData.NINH_BINH, FROM, LocalDate.of(2001, 6, 30)));
		// A 3/3 (1 March), B 0/1 (2 May), C 1/2 (2 February) → 4/6
		assertThat(firstHalf.numerator()).isEqualByComparingTo("4");
		assertThat(firstHalf.denominator()).isEqualByComparingTo("6");
		assertThat(firstHalf.display()).isEqualTo("66,7");
		var trend = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.trend(indicator, c, FROM, TO));
		assertThat(trend).hasSize(12);
		assertThat(trend.get(1).display()).isEqualTo("50");
		assertThat(trend.get(10).value()).isEqualByComparingTo(new BigDecimal("66.6667"));
		assertThat(trend.get(0).value()).isNull();
	}

	@Test
	void communesAreRankedBestFirstAndThoseWithoutDataComeLastUnranked() {
		var indicator = indicators.find("DOC_OUT_SIGNED").orElseThrow();
		List<Indicators.Ranked> ranking = Tenancy.callAs(UnitScope.systemWide(),
				() -> indicators.ranking(indicator, DemoData.NINH_BINH, FROM, TO));
		assertThat(ranking).hasSize(units.communesOf(DemoData.NINH_BINH).size());
		assertThat(ranking.subList(0, 3)).extracting(r -> r.unit().code(), Indicators.Ranked::rank)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(a, 1), org.assertj.core.groups.Tuple.tuple(c, 2),
					org.assertj.core.groups.Tuple.tuple(b, 3));
		assertThat(ranking.subList(3, ranking.size())).allSatisfy(r -> {
			assertThat(r.rank()).isZero();
			assertThat(r.value().value()).isNull();
		});
	}

	@Test
	void anEventDeliveredTwiceCountsOnce() {
		var event = new MetricEvent(UUID.randomUUID(), b, LocalDate.of(2001, 12, 1), Map.of("documents.incoming_done", 1L), Instant.now());
		assertThat(Tenancy.callAs(UnitScope.of(b), () -> facts.apply(event))).isTrue();
		assertThat(Tenancy.callAs(UnitScope.of(b), () -> facts.apply(event))).isFalse();
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.sums(List.of(b), List.of("documents.incoming_done"), FROM, TO)))
			.containsEntry("documents.incoming_done", 1L);
	}

	@Test
	void theProvinceViewerSeesTheRankingAndACommuneOfficialDoesNotSeeTheProvince() {
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var page = province.get("/insights/" + DemoData.NINH_BINH + "?from=2001-01-01&to=2001-12-31&indicator=DOC_OUT_SIGNED");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Xếp hạng các xã, phường").contains("7 trên 10").contains(">70 <small>%");
		var commune = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(commune.get("/insights/" + DemoData.NINH_BINH).statusCode()).isEqualTo(404);
		assertThat(commune.get("/insights/" + a).statusCode()).isEqualTo(404);
		assertThat(commune.get("/insights/" + DemoData.YEN_MO).statusCode()).isEqualTo(200);
	}

	@Test
	void openDataGivesTheSameAggregatesWithDefinitionsAndLicenceAndNoPersonalData() {
		var anonymous = new WebSession(port);
		var json = anonymous.get("/api/v1/open-data/indicators?unit=" + DemoData.NINH_BINH + "&from=2001-01-01&to=2001-12-31");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"code\":\"DOC_OUT_SIGNED\"").contains("\"numerator\":7").contains("\"denominator\":10")
			.contains("CC BY 4.0").contains("\"definition\":");
		assertThat(json.body()).doesNotContainPattern("0[35789][0-9]{8}").doesNotContainPattern("[0-9]{12}");
		var csv = anonymous.get("/api/v1/open-data/indicators?unit=" + DemoData.NINH_BINH + "&from=2001-01-01&to=2001-12-31&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body()).contains("\"DOC_OUT_SIGNED\",\"Văn bản đi được ký số\"").contains("\"7\",\"10\",\"70\"");
		var bad = anonymous.get("/api/v1/open-data/indicators?unit=99999");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Không có đơn vị hành chính mã 99999");
		assertThat(anonymous.get("/api/v1/open-data/indicators?unit=37&from=2001-02-30").body()).contains("năm-tháng-ngày");
	}

	@Autowired
	MonthlyReports reports;

	@Test
	void theMonthlyProvinceReportShowsTheMonthsFiguresAndRanksTheCommunes() throws Exception {
		var month = java.time.YearMonth.of(2001, 3);
		Tenancy.runAs(UnitScope.systemWide(), () -> reports.generate(DemoData.NINH_BINH, month));
		var pdf = Tenancy.callAs(UnitScope.systemWide(), () -> reports.stored(DemoData.NINH_BINH, month)).orElseThrow();
		String text;
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
		}
		assertThat(text).contains("BÁO CÁO CHỈ SỐ CHUYỂN ĐỔI SỐ").contains("Tỉnh Ninh Bình").contains("Tháng 3 năm 2001")
			.contains("Văn bản đi được ký số").contains("Xếp hạng các xã, phường").contains(units.find(a).orElseThrow().name());
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> reports.list(DemoData.NINH_BINH)))
			.extracting(MonthlyReports.Report::month).contains(month);
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var download = province.get("/insights/37/reports/2001-03.pdf");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD).get("/insights/37/reports/2001-03.pdf")
			.statusCode()).isEqualTo(404);
	}
}
