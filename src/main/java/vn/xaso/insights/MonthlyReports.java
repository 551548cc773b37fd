package vn.xaso.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.render.Markup;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The monthly indicator report of a commune or a province as a PDF: every indicator for the
 * month with its numerator and denominator, the month before for comparison, and the province's
 * ranking of its communes. Generated automatically on the 1st for the month before and kept.
 */
@Service
public class MonthlyReports {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);
	private static final String FONT = vn.xaso.platform.render.HtmlPdf.FONT;

	private final Indicators indicators;
	private final Units units;
	private final JdbcClient jdbc;
	private final Clock clock;

	MonthlyReports(Indicators indicators, Units units, JdbcClient jdbc, Clock clock) {
		this.indicators = indicators;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Report(String unitCode, YearMonth month, java.time.Instant createdAt) {
	}

	/** A text of the report from the insights bundle: the report is printed in Vietnamese in both languages. */
	private static String vi(String key, Object... args) {
		return vn.xaso.platform.Refusal.bundleText("i18n/insights", key, args);
	}

	/** Renders the report (no storing); the caller's scope must see the unit. */
	@Transactional(readOnly = true)
	public byte[] render(String unitCode, YearMonth month) {
		var unit = units.find(unitCode).orElseThrow(() -> InsightsException.of("unit", "insights.error.unitUnknown", unitCode));
		var from = month.atDay(1);
		var to = month.atEndOfMonth();
		var current = indicators.values(unitCode, from, to);
		var previous = indicators.values(unitCode, month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth());
		var h = new StringBuilder(16_384);
		h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(e(vi("insights.report.title"))).append("</title><style>")
			.append("@page { size: A4; margin: 18mm 15mm; }")
			.append("body { font-family: '").append(FONT).append("'; font-size: 11pt; }")
			.append("h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 12pt 0 4pt 0; }")
			.append("p.c { text-align: center; margin: 0; } table { width: 100%; border-collapse: collapse; }")
			.append("th, td { border: 0.6pt solid #444; padding: 3pt 4pt; vertical-align: top; } th { background: #e8eef5; }")
			.append("td.n { text-align: right; white-space: nowrap; } .muted { color: #555; font-size: 9.5pt; }")
			.append("</style></head><body>");
		h.append("<h1>").append(e(vi("insights.report.heading"))).append("</h1><p class=\"c\"><b>").append(e(unit.name())).append("</b></p>")
			.append("<p class=\"c\">").append(e(vi("insights.report.month", String.valueOf(month.getMonthValue()), String.valueOf(month.getYear()),
					d(from), d(to)))).append("</p>");
		h.append("<h2>").append(e(vi("insights.report.indicators"))).append("</h2><table><thead><tr>");
		for (var column : new String[] { "indicator", "numerator", "denominator", "thisMonth", "lastMonth" }) {
			h.append("<th>").append(e(vi("insights.report.col." + column))).append("</th>");
		}
		h.append("</tr></thead><tbody>");
		for (int i = 0; i < current.size(); i++) {
			var v = current.get(i);
			var p = previous.get(i);
			h.append("<tr><td>").append(e(v.indicator().nameVi())).append("<br/><span class=\"muted\">").append(e(v.indicator().source()))
				.append("</span></td><td class=\"n\">").append(v.numerator().stripTrailingZeros().toPlainString()).append("</td><td class=\"n\">")
				.append(v.denominator() == null ? "—" : v.denominator().stripTrailingZeros().toPlainString()).append("</td><td class=\"n\">")
				.append(e(v.display())).append(v.value() == null ? "" : " " + e(v.indicator().unit())).append("</td><td class=\"n\">")
				.append(e(p.display())).append(p.value() == null ? "" : " " + e(p.indicator().unit())).append("</td></tr>");
		}
		h.append("</tbody></table>");
		if (Unit.PROVINCE.equals(unit.level()) && !current.isEmpty()) {
			// Rank by the first percentage the province has figures for this month.
			var first = current.stream().filter(v -> v.indicator().kind() == Indicator.Kind.RATIO && v.value() != null).findFirst()
				.or(() -> current.stream().filter(v -> v.indicator().kind() == Indicator.Kind.RATIO).findFirst())
				.orElse(current.getFirst());
			var ranking = indicators.ranking(first.indicator(), unitCode, from, to).stream().filter(r -> r.rank() > 0).limit(30).toList();
			h.append("<h2>").append(e(vi("insights.report.ranking", first.indicator().nameVi()))).append("</h2>");
			if (ranking.isEmpty()) {
				h.append("<p>").append(e(vi("insights.report.noRanking"))).append("</p>");
			}
			else {
				h.append("<table><thead><tr>");
				for (var column : new String[] { "rank", "commune", "numerator", "denominator", "value" }) {
					h.append("<th>").append(e(vi("insights.report.col." + column))).append("</th>");
				}
				h.append("</tr></thead><tbody>");
				for (var r : ranking) {
					h.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>").append(e(r.unit().name())).append("</td><td class=\"n\">")
						.append(r.value().numerator().toPlainString()).append("</td><td class=\"n\">")
						.append(r.value().denominator() == null ? "—" : r.value().denominator().toPlainString()).append("</td><td class=\"n\">")
						.append(e(r.value().display())).append("</td></tr>");
				}
				h.append("</tbody></table>");
			}
		}
		h.append("<p class=\"muted\">").append(e(vi("insights.report.footer",
				ZonedDateTime.now(clock.withZone(MetricEvent.VIETNAM)).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")))))
			.append("</p></body></html>");
		return pdf(h.toString());
	}

	/** Renders and keeps the report of a unit for a month (replacing an earlier one). */
	@Transactional
	public void generate(String unitCode, YearMonth month) {
		var pdf = render(unitCode, month);
		jdbc.sql("""
				insert into insight_report (unit_code, month, pdf) values (?, ?, ?)
				on conflict (unit_code, month) do update set pdf = excluded.pdf, created_at = now()""")
			.params(unitCode, month.atDay(1), pdf).update();
	}

	@Transactional(readOnly = true)
	public List<Report> list(String unitCode) {
		return jdbc.sql("select unit_code, month, created_at from insight_report where unit_code = ? order by month desc limit 36")
			.param(unitCode)
			.query((rs, n) -> new Report(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getTimestamp(3).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> stored(String unitCode, YearMonth month) {
		return jdbc.sql("select pdf from insight_report where unit_code = ? and month = ?").params(unitCode, month.atDay(1))
			.query(byte[].class).optional();
	}

	/**
	 * Last month's reports for every commune that has counters, and for their provinces. Returns
	 * how many were made. Runs in system scope.
	 */
	public int generateLastMonth() {
		var month = YearMonth.now(clock.withZone(MetricEvent.VIETNAM)).minusMonths(1);
		return Tenancy.callAs(UnitScope.systemWide(), () -> {
			var communes = jdbc.sql("select distinct unit_code from insight_fact where day between ? and ?")
				.params(month.atDay(1), month.atEndOfMonth()).query(String.class).list();
			var all = new java.util.TreeSet<String>(communes);
			communes.forEach(c -> units.find(c).map(Unit::parentCode).ifPresent(all::add));
			int made = 0;
			for (var unit : all) {
				try {
					generate(unit, month);
					made++;
				}
				catch (RuntimeException e) {
					log.warn("Monthly report of {} for {} failed: {}", unit, month, e.toString());
				}
			}
			return made;
		});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@org.springframework.scheduling.annotation.EnableScheduling
	@ConditionalOnProperty(name = "xaso.insights.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Job {

		private final MonthlyReports reports;

		Job(MonthlyReports reports) {
			this.reports = reports;
		}

		/** 01:30 Vietnam time on the 1st of each month. */
		@Scheduled(cron = "0 30 1 1 * *", zone = "Asia/Ho_Chi_Minh")
		@SchedulerLock(name = "insights.monthly-reports", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
		void monthly() {
			log.info("Monthly indicator reports: {} made", reports.generateLastMonth());
		}
	}

	private static byte[] pdf(String html) {
		return vn.xaso.platform.render.HtmlPdf.render(html);
	}


	private static String d(LocalDate date) {
		return date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	private static String e(String s) {
		return Markup.escape(s);
	}
}
