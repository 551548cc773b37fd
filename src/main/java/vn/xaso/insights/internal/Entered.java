package vn.xaso.insights.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values the platform cannot count, entered per unit and period with an evidence file. For a
 * period, each unit contributes its latest entry whose period overlaps it; a roll-up sums the
 * numerators and the denominators of those entries.
 */
@Component
public class Entered {

	public record Sum(BigDecimal numerator, @Nullable BigDecimal denominator) {
	}

	public record Entry(long id, String unitCode, String indicator, LocalDate periodStart, LocalDate periodEnd,
			BigDecimal numerator, @Nullable BigDecimal denominator, String evidenceName, String note, String enteredBy,
			java.time.Instant enteredAt) {
	}

	private final JdbcClient jdbc;

	Entered(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Sum sum(String indicator, @Nullable Collection<String> units, LocalDate from, LocalDate to) {
		var sql = """
				select coalesce(sum(numerator), 0), sum(denominator) from (
				  select distinct on (unit_code) numerator, denominator from insight_entered
				  where indicator = :indicator and period_start <= :to and period_end >= :from""" + (units == null ? "" : " and unit_code = any(:units)") + """

				  order by unit_code, period_end desc, entered_at desc) latest""";
		var spec = jdbc.sql(sql).param("indicator", indicator).param("from", from).param("to", to);
		if (units != null) {
			spec = spec.param("units", units.toArray(String[]::new));
		}
		return spec.query((rs, n) -> new Sum(rs.getBigDecimal(1), rs.getBigDecimal(2))).single();
	}

	/** One unit's latest entry for one indicator whose period overlaps the period asked for. */
	public record Latest(String unitCode, String indicator, BigDecimal numerator, @Nullable BigDecimal denominator) {
	}

	/**
	 * Each unit's latest entry per indicator overlapping [from, to], for several indicators in one
	 * query; {@code units} null means every unit the caller can see. Callers sum them as {@link #sum}
	 * does ({@link #add}).
	 */
	@Transactional(readOnly = true)
	public List<Latest> latest(Collection<String> indicators, @Nullable Collection<String> units, LocalDate from, LocalDate to) {
		if (indicators.isEmpty()) {
			return List.of();
		}
		var sql = """
				select distinct on (unit_code, indicator) unit_code, indicator, numerator, denominator from insight_entered
				where indicator = any(:indicators) and period_start <= :to and period_end >= :from""" + (units == null ? "" : " and unit_code = any(:units)") + """

				order by unit_code, indicator, period_end desc, entered_at desc""";
		var spec = jdbc.sql(sql).param("indicators", indicators.toArray(String[]::new)).param("from", from).param("to", to);
		if (units != null) {
			spec = spec.param("units", units.toArray(String[]::new));
		}
		return spec.query((rs, n) -> new Latest(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4))).list();
	}

	/** The sum of entries as {@link #sum} makes it: numerators added (0 for none), denominators added, null when none has one. */
	public static Sum add(Collection<Latest> entries) {
		BigDecimal numerator = BigDecimal.ZERO;
		BigDecimal denominator = null;
		boolean any = false;
		for (var e : entries) {
			numerator = any ? numerator.add(e.numerator()) : e.numerator();
			any = true;
			if (e.denominator() != null) {
				denominator = denominator == null ? e.denominator() : denominator.add(e.denominator());
			}
		}
		return new Sum(numerator, denominator);
	}

	@Transactional
	public long enter(String unitCode, String indicator, LocalDate start, LocalDate end, BigDecimal numerator,
			@Nullable BigDecimal denominator, String evidenceName, String evidenceType, byte[] evidence, String note,
			String enteredBy) {
		return jdbc.sql("""
				insert into insight_entered (unit_code, indicator, period_start, period_end, numerator, denominator,
				                             evidence_name, evidence_type, evidence, note, entered_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, indicator, start, end, numerator, denominator, evidenceName, evidenceType, evidence, note, enteredBy)
			.query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public List<Entry> list(String unitCode, String indicator) {
		return jdbc.sql("""
				select id, unit_code, indicator, period_start, period_end, numerator, denominator, evidence_name, note,
				       entered_by, entered_at
				from insight_entered where unit_code = ? and indicator = ? order by period_end desc, entered_at desc limit 50""")
			.params(unitCode, indicator)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

	public record Evidence(String name, String type, byte[] content) {
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Evidence> evidence(String unitCode, long id) {
		return jdbc.sql("select evidence_name, evidence_type, evidence from insight_entered where id = ? and unit_code = ?")
			.params(id, unitCode).query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}
}
