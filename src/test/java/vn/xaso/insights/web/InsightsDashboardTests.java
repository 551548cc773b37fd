package vn.xaso.insights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * Charts, exports and the national ranking, checked against hand-computed figures on days no
 * other test writes (the year 2011).
 */
@XasoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsDashboardTests {

	static final LocalDate FROM = LocalDate.of(2011, 1, 1);
	static final LocalDate TO = LocalDate.of(2011, 12, 31);
	static final String PERIOD = "from=2011-01-01&to=2011-12-31";
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

	String x;
	String y;
	String otherProvince;
	String z;

	@BeforeAll
	void facts() {
		var ninhBinh = units.communesOf(DemoData.NINH_BINH).stream().filter(c -> !c.equals(DemoData.YEN_MO)).sorted().toList();
		// Not the communes InsightsRollupTests uses (the first three), so neither test disturbs the other.
		x = ninhBinh.get(ninhBinh.size() - 1);
		y = ninhBinh.get(ninhBinh.size() - 2);
		otherProvince = units.ancestors(DemoData.NGA_AN).getFirst().code();
		z = units.communesOf(otherProvince).stream().filter(c -> !c.equals(DemoData.NGA_AN)).sorted().toList().getLast();
		// Ninh Bình: X 3/4 (March) + Y 1/2 (May, June) → 4/6 = 66,7 %. The other province: Z 2/2 = 100 %.
		apply(x, LocalDate.of(2011, 3, 10), Map.of(RELEASED, 4L, SIGNED, 3L));
		apply(y, LocalDate.of(2011, 5, 2), Map.of(RELEASED, 1L, SIGNED, 1L));
		apply(y, LocalDate.of(2011, 6, 20), Map.of(RELEASED, 1L));
		apply(z, LocalDate.of(2011, 8, 8), Map.of(RELEASED, 2L, SIGNED, 2L));
	}

	private void apply(String unit, LocalDate day, Map<String, Long> deltas) {
		var event = new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now());
		Tenancy.runAs(UnitScope.of(unit), () -> facts.apply(event));
	}

	@Test
	void provincesAreRankedBySumsOverTheirCommunesBestFirst() {
		var indicator = indicators.find("DOC_OUT_SIGNED").orElseThrow();
		var ranking = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.rankProvinces(indicator, FROM, TO));
		assertThat(ranking).hasSize(34);
		assertThat(ranking.get(0).unit().code()).isEqualTo(otherProvince);
		assertThat(ranking.get(0).rank()).isEqualTo(1);
		assertThat(ranking.get(0).value().numerator()).isEqualByComparingTo("2");
		assertThat(ranking.get(0).value().denominator()).isEqualByComparingTo("2");
		assertThat(ranking.get(1).unit().code()).isEqualTo(DemoData.NINH_BINH);
		assertThat(ranking.get(1).rank()).isEqualTo(2);
		assertThat(ranking.get(1).value().numerator()).isEqualByComparingTo("4");
		assertThat(ranking.get(1).value().denominator()).isEqualByComparingTo("6");
		assertThat(ranking.get(1).value().display()).isEqualTo("66,7");
		assertThat(ranking.subList(2, ranking.size())).allSatisfy(r -> assertThat(r.rank()).isZero());
		// The first half of the year: only X and Y's May → Ninh Bình 4/5 = 80 %, the other province has nothing yet.
		var firstHalf = Tenancy.callAs(UnitScope.systemWide(),
				() -> indicators.rankProvinces(indicator, FROM, LocalDate.of(2011, 5, 31)));
		assertThat(firstHalf.get(0).unit().code()).isEqualTo(DemoData.NINH_BINH);
		assertThat(firstHalf.get(0).value().display()).isEqualTo("80");
		assertThat(firstHalf.get(1).rank()).isZero();
	}

	@Test
	void theNationalRankingExportHoldsTheProvincesFromTheRollUps() {
		var official = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		var page = official.get("/insights/VN?indicator=DOC_OUT_SIGNED&" + PERIOD);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("/insights/VN/ranking.csv?indicator=DOC_OUT_SIGNED&from=2011-01-01&amp;to=2011-12-31");
		var csv = official.get("/insights/VN/ranking.csv?indicator=DOC_OUT_SIGNED&" + PERIOD);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("xep-hang-VN-DOC_OUT_SIGNED-2011-12-31.csv");
		var lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(1 + 34);
		assertThat(lines[1]).startsWith("\"1\",\"" + otherProvince + "\"").endsWith("\"2\",\"2\",\"100\"");
		assertThat(lines[2]).startsWith("\"2\",\"" + DemoData.NINH_BINH + "\"").endsWith("\"4\",\"6\",\"66.6667\"");
		assertThat(new WebSession(port).get("/insights/VN/ranking.csv").statusCode()).isEqualTo(302); // sign in first
	}

	@Test
	void theNationalRankingNeedsASystemWideScope() {
		var indicator = indicators.find("DOC_OUT_SIGNED").orElseThrow();
		var provinceScope = UnitScope.of(units.communesOf(DemoData.NINH_BINH));
		assertThatThrownBy(() -> Tenancy.callAs(provinceScope, () -> indicators.rankProvinces(indicator, FROM, TO)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theNationalViewShowsProvinceSumsToOfficialsAndNoOneElsesRecordsAndProvinceStaffSeeOnlyTheirProvince() {
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var nation = province.get("/insights/VN");
		assertThat(nation.statusCode()).isEqualTo(200);
		assertThat(nation.body()).contains("Tỉnh Thanh Hóa").contains("Tỉnh Ninh Bình").doesNotContainPattern("0[35789][0-9]{8}");
		// a province viewer sees their own province and its communes, not another province or its communes
		assertThat(province.get("/insights/38").statusCode()).isEqualTo(404);
		assertThat(province.get("/insights/" + DemoData.NGA_AN).statusCode()).isEqualTo(404);
		assertThat(province.get("/insights/" + DemoData.YEN_MO).statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).get("/insights/VN").statusCode()).isEqualTo(302); // sign in first
	}

	@Test
	void theProvinceRankingHasAChartBesideItsTableAndExportsTheSameFigures() {
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var page = province.get("/insights/37?indicator=DOC_OUT_SIGNED&" + PERIOD);
		assertThat(page.statusCode()).isEqualTo(200);
		var body = page.body();
		assertThat(body).contains("/webjars/echarts/5.3.1/dist/echarts.min").contains("/assets/insights/charts");
		assertThat(body).contains("id=\"ranking-chart\"").contains("role=\"img\"").contains("data-chart=\"hbar\"");
		// X 75 %, Y 50 %: only ranked communes are charted, best first.
		assertThat(body).contains("data-values=\"[75,50]\"");
		assertThat(body).contains("id=\"ranking-caption\"");
		assertThat(body).contains("/insights/37/ranking.csv?indicator=DOC_OUT_SIGNED&from=2011-01-01&amp;to=2011-12-31");

		var csv = province.get("/insights/37/ranking.csv?indicator=DOC_OUT_SIGNED&" + PERIOD);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		var lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo("\uFEFFHạng,Mã đơn vị,Đơn vị hành chính,Tử số,Mẫu số,Giá trị");
		assertThat(lines[1]).startsWith("\"1\",\"" + x + "\"").endsWith("\"3\",\"4\",\"75\"");
		assertThat(lines[2]).startsWith("\"2\",\"" + y + "\"").endsWith("\"1\",\"2\",\"50\"");
		assertThat(lines).hasSize(1 + units.communesOf(DemoData.NINH_BINH).size());

		var xlsx = province.get("/insights/37/ranking.xlsx?indicator=DOC_OUT_SIGNED&" + PERIOD);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("xep-hang-37-DOC_OUT_SIGNED-2011-12-31.xlsx");

		// A commune's official may not rank the province, nor export a commune that is not theirs.
		var commune = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(commune.get("/insights/37/ranking.csv?indicator=DOC_OUT_SIGNED").statusCode()).isEqualTo(404);
		assertThat(commune.get("/insights/" + x + "/DOC_OUT_SIGNED/trend.csv").statusCode()).isEqualTo(404);
		// Ranking a commune is not a thing.
		assertThat(province.get("/insights/14701/ranking.csv").statusCode()).isEqualTo(404);
	}

	@Test
	void theRankingWorkbookHoldsTheRankedRows() throws Exception {
		var indicator = indicators.find("DOC_OUT_SIGNED").orElseThrow();
		var ranking = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.ranking(indicator, DemoData.NINH_BINH, FROM, TO));
		var bytes = Exports.rankingXlsx("Xếp hạng", indicator, FROM, TO, ranking);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			var rows = workbook.getFirstSheet().read();
			assertThat(rows.get(2).getCellText(0)).isEqualTo("Hạng");
			assertThat(rows.get(3).getCellText(0)).isEqualTo("1");
			assertThat(rows.get(3).getCellText(1)).isEqualTo(x);
			assertThat(rows.get(3).getCellAsNumber(5)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("75"));
			assertThat(rows.get(4).getCellAsNumber(5)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50"));
			// Unranked communes: no rank, no value.
			assertThat(rows.get(5).getCellText(0)).isEmpty();
			assertThat(rows).hasSize(3 + ranking.size());
		}
	}

	@Test
	void theExplainPageChartsTheMonthlyTrendAndExportsIt() throws Exception {
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var page = province.get("/insights/" + y + "/DOC_OUT_SIGNED?" + PERIOD);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"trend-chart\"").contains("data-chart=\"line\"").contains("role=\"img\"")
			.contains("data-values=\"[null,null,null,null,100,0,null,null,null,null,null,null]\"")
			.contains("/webjars/echarts/5.3.1/dist/echarts.min")
			.contains("/insights/" + y + "/DOC_OUT_SIGNED/trend.xlsx?from=2011-01-01&amp;to=2011-12-31");
		var csv = province.get("/insights/" + y + "/DOC_OUT_SIGNED/trend.csv?" + PERIOD).body().split("\r\n");
		assertThat(csv).hasSize(13);
		assertThat(csv[5]).isEqualTo("\"2011-05\",\"2011-05-01\",\"2011-05-31\",\"1\",\"1\",\"100\"");
		assertThat(csv[6]).isEqualTo("\"2011-06\",\"2011-06-01\",\"2011-06-30\",\"0\",\"1\",\"0\"");
		assertThat(csv[1]).isEqualTo("\"2011-01\",\"2011-01-01\",\"2011-01-31\",\"0\",\"0\",\"\"");

		var indicator = indicators.find("DOC_OUT_SIGNED").orElseThrow();
		var trend = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.trend(indicator, y, FROM, TO));
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(Exports.trendXlsx("Theo tháng", trend)))) {
			var rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(3 + 12);
			assertThat(rows.get(7).getCellText(0)).isEqualTo("2011-05");
			assertThat(rows.get(7).getCellAsNumber(5)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
		}
	}

	@Test
	void thePublicBoardStaysFreeOfTheChartLibrary() {
		var board = new WebSession(port).get("/board/" + DemoData.YEN_MO);
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).doesNotContain("echarts").doesNotContain("data-chart");
		var served = new WebSession(port).get("/webjars/echarts/5.3.1/dist/echarts.min.js");
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).get("/assets/insights/charts.js").statusCode()).isEqualTo(200);
	}
}
