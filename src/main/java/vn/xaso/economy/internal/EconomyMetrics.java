package vn.xaso.economy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.economy.LotStarted;
import vn.xaso.economy.OrderCancelled;
import vn.xaso.economy.OrderDelivered;
import vn.xaso.economy.OrderPaid;
import vn.xaso.economy.OrderPlaced;
import vn.xaso.economy.ProducerVerified;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * Economy's daily counters for the insights indicators (issue 17), published as {@link MetricEvent}s in the transaction
 * that changed economy's tables and recounted from those tables the same way ({@link #recount}); the insights module
 * keeps the commune's counters and their province and nation roll-ups from them.
 * <ul>
 * <li>Flows, on the day they happened: orders placed and their value (VND), orders cancelled, VietQR transfers received
 * (on the day paid), cash orders settled (on the day delivered), batches (lots) started.</li>
 * <li>Stocks (changes summed from the beginning): producers verified (+1 on the day); products listed and OCOP products
 * by stars. A product counts as listed while it is shown, and for its stars from the day its rating is entered until
 * the certificate expires (36 months after it was granted, QĐ 148/QĐ-TTg): +1 then, −1 on the expiry day, booked
 * ahead. Every change of what a product counts for is kept in {@code economy_product_count}, so a product hidden,
 * shown again or re-rated is recounted exactly as its events added up.</li>
 * </ul>
 */
@Component
public class EconomyMetrics implements MetricSource {

	public static final String PRODUCERS = "economy.producers_verified";
	public static final String LISTED = "economy.products_listed";
	public static final String OCOP_3 = "economy.ocop_3";
	public static final String OCOP_4 = "economy.ocop_4";
	public static final String OCOP_5 = "economy.ocop_5";
	public static final String ORDERS = "economy.orders";
	public static final String ORDERS_VALUE = "economy.orders_value_vnd";
	public static final String CANCELLED = "economy.orders_cancelled";
	public static final String PAID_VIETQR = "economy.paid_vietqr";
	public static final String PAID_CASH = "economy.paid_cash";
	public static final String LOTS = "economy.lots";

	/** How long an OCOP certificate is valid. */
	static final int OCOP_MONTHS = 36;

	private static final String DAY = " at time zone 'Asia/Ho_Chi_Minh')::date";

	/** What a product counted for from one moment on. */
	record Counted(boolean listed, @Nullable Integer stars, @Nullable LocalDate until) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	EconomyMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(PRODUCERS, LISTED, OCOP_3, OCOP_4, OCOP_5, ORDERS, ORDERS_VALUE, CANCELLED, PAID_VIETQR, PAID_CASH, LOTS);
	}

	static String ocop(int stars) {
		return "economy.ocop_" + stars;
	}

	/**
	 * The changes of the counters when a product that counted for {@code before} (null: nothing yet) counts for
	 * {@code after} from {@code day} on, per day (an OCOP rating's end is booked on its expiry day).
	 */
	static Map<LocalDate, Map<String, Long>> change(@Nullable Counted before, Counted after, LocalDate day) {
		var result = new TreeMap<LocalDate, Map<String, Long>>();
		if (before != null) {
			add(result, before, day, -1);
		}
		add(result, after, day, 1);
		result.values().forEach(m -> m.values().removeIf(v -> v == 0));
		result.values().removeIf(Map::isEmpty);
		return result;
	}

	private static void add(Map<LocalDate, Map<String, Long>> result, Counted c, LocalDate day, long sign) {
		if (c.listed()) {
			result.computeIfAbsent(day, d -> new TreeMap<>()).merge(LISTED, sign, Long::sum);
		}
		if (c.stars() != null && c.until() != null && c.until().isAfter(day)) {
			result.computeIfAbsent(day, d -> new TreeMap<>()).merge(ocop(c.stars()), sign, Long::sum);
			result.computeIfAbsent(c.until(), d -> new TreeMap<>()).merge(ocop(c.stars()), -sign, Long::sum);
		}
	}

	/**
	 * A product was added or changed: when what it counts for changed, that is kept and its change published. Call
	 * inside the transaction that wrote the product (its row is locked by that write).
	 */
	void productChanged(String unitCode, long productId) {
		var now = jdbc.sql("select listed, ocop_stars, (ocop_certified_on + interval '" + OCOP_MONTHS + " months')::date from economy_product where id = ?")
			.param(productId).query((rs, n) -> new Counted(rs.getBoolean(1), (Integer) rs.getObject(2), rs.getObject(3, LocalDate.class)))
			.single();
		var before = jdbc.sql("select listed, ocop_stars, ocop_until from economy_product_count where product_id = ? order by id desc limit 1")
			.param(productId).query((rs, n) -> new Counted(rs.getBoolean(1), (Integer) rs.getObject(2), rs.getObject(3, LocalDate.class)))
			.optional().orElse(null);
		if (now.equals(before)) {
			return;
		}
		var day = jdbc.sql("insert into economy_product_count (unit_code, product_id, listed, ocop_stars, ocop_until) values (?, ?, ?, ?, ?) "
				+ "returning (counted_at" + DAY)
			.params(unitCode, productId, now.listed(), now.stars(), now.until()).query(LocalDate.class).single();
		change(before, now, day).forEach((d, deltas) -> publish(unitCode, d, deltas));
	}

	@EventListener
	void on(ProducerVerified verified) {
		one("select unit_code, (verified_at" + DAY + ", 1 from economy_producer where id = ? and verified_at is not null",
				verified.producerId(), PRODUCERS);
	}

	@EventListener
	void on(OrderPlaced placed) {
		jdbc.sql("select unit_code, (placed_at" + DAY + ", amount_vnd from economy_order where id = ?").param(placed.orderId())
			.query((rs, n) -> {
				var deltas = new TreeMap<String, Long>();
				deltas.put(ORDERS, 1L);
				deltas.put(ORDERS_VALUE, rs.getLong(3));
				publish(rs.getString(1), rs.getObject(2, LocalDate.class), deltas);
				return 0;
			}).list();
	}

	@EventListener
	void on(OrderPaid paid) {
		one("select unit_code, (paid_at" + DAY + ", 1 from economy_order where id = ? and payment = 'VIETQR' and paid_at is not null",
				paid.orderId(), PAID_VIETQR);
	}

	@EventListener
	void on(OrderDelivered delivered) {
		one("select unit_code, (done_at" + DAY + ", 1 from economy_order where id = ? and payment = 'CASH' and done_at is not null",
				delivered.orderId(), PAID_CASH);
	}

	@EventListener
	void on(OrderCancelled cancelled) {
		one("select unit_code, (cancelled_at" + DAY + ", 1 from economy_order where id = ? and cancelled_at is not null",
				cancelled.orderId(), CANCELLED);
	}

	@EventListener
	void on(LotStarted lot) {
		one("select unit_code, (created_at" + DAY + ", 1 from economy_lot where id = ?", lot.lotId(), LOTS);
	}

	private void one(String sql, long id, String metric) {
		jdbc.sql(sql).param(id).query((rs, n) -> {
			publish(rs.getString(1), rs.getObject(2, LocalDate.class), Map.of(metric, rs.getLong(3)));
			return 0;
		}).list();
	}

	private void publish(String unitCode, LocalDate day, Map<String, Long> deltas) {
		events.publishEvent(MetricEvent.of(unitCode, day, deltas));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		var counts = new ArrayList<MetricCount>();
		jdbc.sql("""
				select unit_code, (verified_at at time zone 'Asia/Ho_Chi_Minh')::date d, 'economy.producers_verified', count(*) from economy_producer
				  where (verified_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (placed_at at time zone 'Asia/Ho_Chi_Minh')::date, 'economy.orders', count(*) from economy_order
				  where (placed_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (placed_at at time zone 'Asia/Ho_Chi_Minh')::date, 'economy.orders_value_vnd', sum(amount_vnd) from economy_order
				  where (placed_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (cancelled_at at time zone 'Asia/Ho_Chi_Minh')::date, 'economy.orders_cancelled', count(*) from economy_order
				  where (cancelled_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (paid_at at time zone 'Asia/Ho_Chi_Minh')::date, 'economy.paid_vietqr', count(*) from economy_order
				  where payment = 'VIETQR' and (paid_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (done_at at time zone 'Asia/Ho_Chi_Minh')::date, 'economy.paid_cash', count(*) from economy_order
				  where payment = 'CASH' and (done_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date, 'economy.lots', count(*) from economy_lot
				  where (created_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4))))
			.list();
		counts.addAll(recountProducts(from, to));
		return counts;
	}

	/** The products' stocks: every kept change, replayed per product as {@link #productChanged} published it. */
	private List<MetricCount> recountProducts(LocalDate from, LocalDate to) {
		record Key(String unit, LocalDate day, String metric) {
		}
		var sums = new HashMap<Key, Long>();
		var last = new HashMap<Long, Counted>();
		jdbc.sql("select product_id, unit_code, listed, ocop_stars, ocop_until, (counted_at" + DAY
				+ " from economy_product_count order by product_id, id")
			.query((rs, n) -> {
				long product = rs.getLong(1);
				var unit = rs.getString(2);
				var now = new Counted(rs.getBoolean(3), (Integer) rs.getObject(4), rs.getObject(5, LocalDate.class));
				change(last.get(product), now, rs.getObject(6, LocalDate.class)).forEach((day, deltas) -> {
					if (!day.isBefore(from) && !day.isAfter(to)) {
						deltas.forEach((metric, value) -> sums.merge(new Key(unit, day, metric), value, Long::sum));
					}
				});
				last.put(product, now);
				return 0;
			}).list();
		var counts = new ArrayList<MetricCount>();
		sums.forEach((k, v) -> {
			if (v != 0) {
				counts.add(new MetricCount(Objects.requireNonNull(k.unit()), k.day(), k.metric(), v));
			}
		});
		return counts;
	}
}
