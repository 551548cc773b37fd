package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * The province viewer's dashboard with its ranking chart and the explain page with its monthly
 * chart, at phone and desktop widths, with axe checks. Figures are on days of 2012 no other test
 * writes.
 */
@XasoIntegrationTest
class BrowserInsightsTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	static final String PERIOD = "from=2012-01-01&to=2012-12-31";

	@Autowired
	Facts facts;

	@Autowired
	Units units;

	@Test
	void theProvinceViewerSeesTheRankingChartBesideItsTableAndTheMonthlyTrend() {
		var communes = new ArrayList<>(units.communesOf(DemoData.NINH_BINH));
		communes.remove(DemoData.YEN_MO);
		java.util.Collections.sort(communes);
		// Twelve communes with different shares of signed documents, spread over the months.
		for (int i = 0; i < 12; i++) {
			var commune = communes.get(communes.size() - 3 - i);
			var day = LocalDate.of(2012, 1 + i, 5);
			var event = new MetricEvent(UUID.randomUUID(), commune, day,
					Map.of("documents.outgoing_released", 12L, "documents.outgoing_signed", (long) (12 - i)), Instant.now());
			Tenancy.runAs(UnitScope.of(commune), () -> facts.apply(event));
		}

		browser.signIn("ninhbinh.tinh", DemoData.PASSWORD);
		var driver = browser.driver();
		driver.manage().window().setSize(new Dimension(360, 800));
		try {
			browser.open("/insights/" + DemoData.NINH_BINH + "?indicator=DOC_OUT_SIGNED&" + PERIOD);
			waitForChart("#ranking-chart");
			assertThat(browser.find("#ranking-chart").getAttribute("role")).isEqualTo("img");
			assertThat(browser.find("#ranking-chart").getAttribute("aria-label")).contains("cao nhất là");
			assertThat(browser.findAll("#ranking-caption")).hasSize(1);
			assertThat(browser.findAll("table[aria-labelledby], .table-wrap table").size()).isGreaterThan(0);
			assertThat(browser.find("a[href^='/insights/37/ranking.xlsx']").isDisplayed()).isTrue();
			browser.check("insights-province-360");
			assertLabelsWhole("#ranking-chart");
			assertLabelsWhole("#percent-chart");
			scrollTo("#ranking-chart");
			browser.screenshot("insights-province-ranking-chart-360");
			scrollTo("#percent-chart");
			browser.screenshot("insights-province-percent-chart-360");

			browser.open("/insights/" + DemoData.NINH_BINH + "/DOC_OUT_SIGNED?" + PERIOD);
			waitForChart("#trend-chart");
			assertThat(browser.findAll("#trend-caption")).hasSize(1);
			browser.check("insights-explain-360");
			scrollTo("#trend-chart");
			browser.screenshot("insights-explain-chart-360");

			driver.manage().window().setSize(new Dimension(1280, 1000));
			browser.open("/insights/" + DemoData.NINH_BINH + "?indicator=DOC_OUT_SIGNED&" + PERIOD);
			waitForChart("#ranking-chart");
			browser.check("insights-province-desktop");
			assertLabelsWhole("#ranking-chart");
			assertLabelsWhole("#percent-chart");
			scrollTo("#ranking-chart");
			browser.screenshot("insights-province-ranking-chart-desktop");
			browser.open("/insights/" + DemoData.NINH_BINH + "/DOC_OUT_SIGNED?" + PERIOD);
			waitForChart("#trend-chart");
			scrollTo("#trend-chart");
			browser.check("insights-explain-desktop");
		}
		finally {
			driver.manage().window().setSize(new Dimension(412, 915));
		}
	}

	private void waitForChart(String css) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> !d.findElements(By.cssSelector(css + " svg, " + css + " canvas")).isEmpty());
	}

	/** Every word the chart draws is inside the chart and whole: no name cut at the edge or shortened with "…". */
	@SuppressWarnings("unchecked")
	private void assertLabelsWhole(String css) {
		var cut = (java.util.List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
				var el = document.querySelector(arguments[0]);
				var box = el.getBoundingClientRect();
				var bad = [];
				el.querySelectorAll('svg text').forEach(function (t) {
				  var r = t.getBoundingClientRect();
				  var words = t.textContent || '';
				  if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || /…|[.][.][.]$/.test(words))) {
				    bad.push(words);
				  }
				});
				return bad;""", css);
		assertThat(cut).as("labels cut in " + css).isEmpty();
	}

	private void scrollTo(String css) {
		((JavascriptExecutor) browser.driver()).executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
	}
}
