package vn.xaso.economy.internal;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commune's marketplace figures for its staff: producers (verified), products listed, OCOP products by stars
 * (valid ratings only), orders and their value (cancelled ones apart), the share paid by VietQR and the batches (lots)
 * with a traceability diary: the state now, from the tables. The same figures over time, per commune and rolled up to
 * the province, are the insights indicators counted by {@link EconomyMetrics}.
 */
@Component
public class Figures {

	public record Marketplace(long producers, long verified, long listed, Map<Integer, Long> ocopByStars, long orders,
			long valueVnd, long cancelled, long paidByVietQr, long paidInCash, long lots) {

		/** Percent of the settled orders paid by VietQR (0 when none). */
		public long vietQrShare() {
			long settled = paidByVietQr + paidInCash;
			return settled == 0 ? 0 : Math.round(100.0 * paidByVietQr / settled);
		}
	}

	private final JdbcClient jdbc;

	Figures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Marketplace of(String unitCode, java.time.LocalDate today) {
		var producers = jdbc.sql("select count(*), count(verified_at) from economy_producer where unit_code = ?").param(unitCode)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long listed = jdbc.sql("select count(*) from economy_product where unit_code = ? and listed").param(unitCode).query(Long.class).single();
		var stars = new TreeMap<Integer, Long>();
		jdbc.sql("""
				select ocop_stars, count(*) from economy_product where unit_code = ? and ocop_stars is not null
				  and ocop_certified_on <= ? and ocop_certified_on > ? group by ocop_stars""")
			.params(unitCode, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.minusMonths(36)))
			.query((rs, n) -> stars.put(rs.getInt(1), rs.getLong(2))).list();
		var orders = jdbc.sql("""
				select count(*) filter (where status <> 'CANCELLED'), coalesce(sum(amount_vnd) filter (where status <> 'CANCELLED'), 0),
				       count(*) filter (where status = 'CANCELLED'),
				       count(*) filter (where payment = 'VIETQR' and status in ('PAID', 'SHIPPED', 'DONE')),
				       count(*) filter (where payment = 'CASH' and status = 'DONE')
				from economy_order where unit_code = ?""").param(unitCode)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }).single();
		long lots = jdbc.sql("select count(*) from economy_lot where unit_code = ?").param(unitCode).query(Long.class).single();
		return new Marketplace(producers[0], producers[1], listed, stars, orders[0], orders[1], orders[2], orders[3], orders[4], lots);
	}
}
