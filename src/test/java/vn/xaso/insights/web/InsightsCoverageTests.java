package vn.xaso.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * Issue 21, insights: every dashboard says which period it covers; a province's service index computed from
 * one commune is shown with its coverage ("tính từ 1/N xã có số liệu") and not as the province's score; the
 * explanation page names the counters in plain Vietnamese. Figures on days of 2014, which no other test writes.
 */
@XasoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsCoverageTests {

	static final String PERIOD = "from=2014-01-01&to=2014-12-31";

	@Autowired
	Facts facts;

	@Autowired
	Units units;

	@Autowired
	Indicators indicators;

	@LocalServerPort
	int port;

	String commune;
	int communes;

	@BeforeAll
	void oneCommuneOfNinhBinhHasFigures() {
		var ninhBinh = units.communesOf(DemoData.NINH_BINH).stream().filter(c -> !c.equals(DemoData.YEN_MO)).sorted().toList();
		communes = units.communesOf(DemoData.NINH_BINH).size();
		commune = ninhBinh.get(ninhBinh.size() / 2);
		var event = new MetricEvent(UUID.randomUUID(), commune, LocalDate.of(2014, 4, 9),
				Map.of("dossiers.submitted", 10L, "dossiers.submitted_online", 9L, "dossiers.resolved", 8L, "dossiers.resolved_on_time", 8L),
				Instant.now());
		Tenancy.runAs(UnitScope.of(commune), () -> facts.apply(event));
	}

	@Test
	void theProvinceScoreFromOneCommuneIsShownWithItsCoverageNotAsTheProvincesScore() {
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var page = province.get("/insights/" + DemoData.NINH_BINH + "?" + PERIOD).body();

		assertThat(page).contains("Số liệu từ ngày 01/01/2014 đến hết ngày 31/12/2014.");
		var card = card(page);
		assertThat(card).contains("Chưa đủ số liệu").contains("Chưa phải điểm của cả tỉnh")
			.contains("chỉ tính từ 1/" + communes + " xã có số liệu");
		assertThat(card).doesNotContain("<meter"); // no gauge that reads as the province's score

		// The commune itself has its figures: its own score, with the period stated.
		var own = province.get("/insights/" + commune + "?" + PERIOD).body();
		assertThat(own).contains("Số liệu từ ngày 01/01/2014 đến hết ngày 31/12/2014.");
		assertThat(card(own)).doesNotContain("Chưa đủ số liệu").contains("<meter");

		var english = province.get("/insights/" + DemoData.NINH_BINH + "?" + PERIOD + "&lang=en").body();
		assertThat(card(english)).contains("Not the province's score").contains("the 1 of " + communes + " communes with figures");
	}

	@Test
	void theNationalViewAndThePublicBoardStateTheirPeriodToo() {
		var official = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(official.get("/insights/VN?" + PERIOD).body()).contains("Số liệu từ ngày 01/01/2014 đến hết ngày 31/12/2014.");
		assertThat(new WebSession(port).get("/board/" + DemoData.YEN_MO + "?" + PERIOD).body())
			.contains("Số liệu từ ngày 01/01/2014 đến hết ngày 31/12/2014.");
	}

	@Test
	void theExplanationPageNamesTheCountersInPlainWords() {
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var page = province.get("/insights/" + commune + "/DOSSIER_ON_TIME?" + PERIOD).body();

		assertThat(page).contains("số hồ sơ giải quyết đúng hạn").contains("số hồ sơ đã giải quyết")
			.doesNotContain("dossiers.resolved_on_time").doesNotContain("dossiers.resolved")
			.contains("từ 01/01/2014 đến 31/12/2014");
	}

	@Test
	void everyDeclaredCounterHasAPlainNameInBothLanguages() {
		var vi = ResourceBundle.getBundle("i18n/insights", Locale.ROOT);
		var en = ResourceBundle.getBundle("i18n/insights", Locale.ENGLISH);
		var raw = Pattern.compile("[a-z]+\\.[a-z_]+");
		for (var indicator : indicators.all()) {
			for (var metric : java.util.stream.Stream.concat(indicator.numerator().stream(), indicator.denominator().stream()).toList()) {
				assertThat(vi.containsKey("insights.metric." + metric)).as(metric + " (vi)").isTrue();
				assertThat(en.getString("insights.metric." + metric)).as(metric + " (en)").isNotBlank().doesNotMatch(raw);
			}
		}
	}

	private static String card(String html) {
		var start = html.indexOf("id=\"service-index\"");
		assertThat(start).as("the service index card").isPositive();
		return html.substring(start, html.indexOf("</li>", start));
	}
}
