package vn.xaso.economy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.economy.Order;

/** SQL for {@code economy_order}. State changes go through {@link OrderDeal} and are written by {@link #save}. */
@Component
class OrderTable {

	static final String COLUMNS = "id, unit_code, code, product_id, producer_id, product_name, buyer_name, buyer_phone, quantity, "
			+ "unit_price_vnd, amount_vnd, delivery, address, tracking_number, payment, status, bill_id, placed_at, paid_at, "
			+ "shipped_at, done_at, cancelled_at, cancel_reason, lot_id";

	/** A new order's fields. */
	record NewOrder(String unitCode, String code, long productId, long producerId, String productName, String buyerName,
			String buyerPhone, int quantity, long unitPriceVnd, Order.Delivery delivery, @Nullable String address,
			Order.Payment payment) {
	}

	private final JdbcClient jdbc;

	OrderTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Order map(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getLong("id"), rs.getString("unit_code"), rs.getString("code"), rs.getLong("product_id"),
				rs.getLong("producer_id"), rs.getString("product_name"), rs.getString("buyer_name"), rs.getString("buyer_phone"),
				rs.getInt("quantity"), rs.getLong("unit_price_vnd"), rs.getLong("amount_vnd"),
				Order.Delivery.valueOf(rs.getString("delivery")), rs.getString("address"), rs.getString("tracking_number"),
				Order.Payment.valueOf(rs.getString("payment")), Order.Status.valueOf(rs.getString("status")),
				(Long) rs.getObject("bill_id"), instant(rs, "placed_at"), instant(rs, "paid_at"), instant(rs, "shipped_at"),
				instant(rs, "done_at"), instant(rs, "cancelled_at"), rs.getString("cancel_reason"), (Long) rs.getObject("lot_id"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	long insert(NewOrder o) {
		return jdbc.sql("""
				insert into economy_order (unit_code, code, product_id, producer_id, product_name, buyer_name, buyer_phone, quantity,
				                           unit_price_vnd, amount_vnd, delivery, address, payment, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLACED') returning id""")
			.params(o.unitCode(), o.code(), o.productId(), o.producerId(), o.productName(), o.buyerName(), o.buyerPhone(),
					o.quantity(), o.unitPriceVnd(), o.unitPriceVnd() * o.quantity(), o.delivery().name(), o.address(),
					o.payment().name())
			.query(Long.class).single();
	}

	void bill(long id, long billId) {
		jdbc.sql("update economy_order set bill_id = ? where id = ?").params(billId, id).update();
	}

	Optional<Order> byCode(String unitCode, String code) {
		return jdbc.sql("select " + COLUMNS + " from economy_order where unit_code = ? and code = ?").params(unitCode, code)
			.query(OrderTable::map).optional();
	}

	Optional<Order> lockByCode(String unitCode, String code) {
		return jdbc.sql("select " + COLUMNS + " from economy_order where unit_code = ? and code = ? for update").params(unitCode, code)
			.query(OrderTable::map).optional();
	}

	Optional<Order> lockOfProducer(long producerId, long id) {
		return jdbc.sql("select " + COLUMNS + " from economy_order where producer_id = ? and id = ? for update").params(producerId, id)
			.query(OrderTable::map).optional();
	}

	Optional<Order> ofProducer(long producerId, long id) {
		return jdbc.sql("select " + COLUMNS + " from economy_order where producer_id = ? and id = ?").params(producerId, id)
			.query(OrderTable::map).optional();
	}

	List<Order> listOfProducer(long producerId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from economy_order where producer_id = ? order by placed_at desc, id desc limit ?")
			.params(producerId, limit).query(OrderTable::map).list();
	}

	/** The orders filled from one of these batches (not cancelled), oldest first: whom a batch recall concerns. */
	List<Order> ofLots(java.util.Collection<Long> lotIds) {
		if (lotIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from economy_order where lot_id = any(?) and status <> 'CANCELLED' order by placed_at, id")
			.param(lotIds.toArray(Long[]::new)).query(OrderTable::map).list();
	}

	/** Records the batch the order is filled from. */
	void fillFrom(long id, long lotId) {
		jdbc.sql("update economy_order set lot_id = ? where id = ?").params(lotId, id).update();
	}

	/** Writes what the aggregate decided, with the time of the new state. */
	void save(OrderDeal deal, Instant now, @Nullable String cancelledBy, @Nullable String reason) {
		var column = switch (deal.status()) {
			case PAID -> "paid_at";
			case SHIPPED -> "shipped_at";
			case DONE -> "done_at";
			case CANCELLED -> "cancelled_at";
			case PLACED -> "placed_at";
		};
		jdbc.sql("update economy_order set status = ?, tracking_number = ?, " + column + " = ?, cancelled_by = coalesce(?, cancelled_by), "
				+ "cancel_reason = coalesce(?, cancel_reason) where id = ?")
			.params(deal.status().name(), deal.trackingNumber(), Timestamp.from(now), cancelledBy, reason, deal.order().id())
			.update();
	}
}
