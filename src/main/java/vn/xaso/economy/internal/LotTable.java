package vn.xaso.economy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.economy.Lot;
import vn.xaso.economy.LotEvent;

/** SQL for the batch tables {@code economy_lot} and {@code economy_lot_event} (read with their product and producer). */
@Component
class LotTable {

	private static final String SELECT = """
			select l.*, p.name as product_name, p.unit_label, p.gtin, r.name as producer_name,
			       case when p.ocop_certified_on <= ? and ? < p.ocop_certified_on + interval '36 months' then p.ocop_stars end as stars
			  from economy_lot l join economy_product p on p.id = l.product_id join economy_producer r on r.id = l.producer_id
			""";

	private final JdbcClient jdbc;

	LotTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, long productId, long producerId, LotEntry entry, String by) {
		return jdbc.sql("""
				insert into economy_lot (unit_code, product_id, producer_id, lot_number, produced_on, best_before, quantity, origin, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, productId, producerId, entry.lotNumber(), entry.producedOn(), entry.bestBefore(), entry.quantity(),
					entry.origin(), by)
			.query(Long.class).single();
	}

	boolean numberTaken(long productId, String lotNumber) {
		return jdbc.sql("select exists (select 1 from economy_lot where product_id = ? and upper(lot_number) = upper(?))")
			.params(productId, lotNumber).query(Boolean.class).single();
	}

	Optional<Lot> find(long id, LocalDate today) {
		return jdbc.sql(SELECT + " where l.id = ?").params(today, today, id).query(LotTable::map).optional();
	}

	/** Locks the batch row (a recall, an event) before reading it. */
	Optional<Lot> lock(long id, LocalDate today) {
		jdbc.sql("select id from economy_lot where id = ? for update").param(id).query(Long.class).optional();
		return find(id, today);
	}

	/** A batch of a listed product of a verified producer (what the public may see), by product GTIN or id, and lot number. */
	Optional<Lot> shown(long productId, String lotNumber, LocalDate today) {
		return jdbc.sql(SELECT + " where l.product_id = ? and upper(l.lot_number) = upper(?) and p.listed and r.verified_at is not null")
			.params(today, today, productId, lotNumber).query(LotTable::map).optional();
	}

	List<Lot> ofProducer(long producerId, LocalDate today, int limit) {
		return jdbc.sql(SELECT + " where l.producer_id = ? order by l.id desc limit ?").params(today, today, producerId, limit)
			.query(LotTable::map).list();
	}

	/** The product's batches not recalled, newest first. */
	List<Lot> openOfProduct(long productId, LocalDate today) {
		return jdbc.sql(SELECT + " where l.product_id = ? and l.recalled_at is null order by l.id desc limit 100").params(today, today, productId)
			.query(LotTable::map).list();
	}

	List<Lot> ofUnit(String unitCode, LocalDate today, int limit) {
		return jdbc.sql(SELECT + " where l.unit_code = ? order by l.id desc limit ?").params(today, today, unitCode, limit)
			.query(LotTable::map).list();
	}

	void recall(long id, String by, String reason, Instant at) {
		jdbc.sql("update economy_lot set recalled_at = ?, recalled_by = ?, recall_reason = ? where id = ? and recalled_at is null")
			.params(java.sql.Timestamp.from(at), by, reason, id).update();
	}

	/** Stores an event once per batch and eventID; false when that eventID was stored already. */
	boolean insertEvent(String unitCode, long lotId, String eventId, String type, @Nullable String bizStep, Instant eventTime,
			String document, String by) {
		return jdbc.sql("""
				insert into economy_lot_event (unit_code, lot_id, event_id, event_type, biz_step, event_time, document, recorded_by)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (lot_id, event_id) do nothing""")
			.params(unitCode, lotId, eventId, type, bizStep, java.sql.Timestamp.from(eventTime), document, by).update() == 1;
	}

	List<LotEvent> events(long lotId) {
		return jdbc.sql("""
				select id, event_id, event_type, biz_step, event_time, document::text as document, recorded_at,
				       document ->> 'xaso:step' as step, document ->> 'xaso:note' as note,
				       coalesce(document -> 'quantityList' -> 0 ->> 'quantity', document -> 'childQuantityList' -> 0 ->> 'quantity') as quantity,
				       substring(document -> 'readPoint' ->> 'id' from '^https://plus\\.codes/(.+)$') as plus_code,
				       substring(document ->> 'parentID' from '([^:/]+)$') as pack_id
				  from economy_lot_event where lot_id = ? order by event_time, id""")
			.param(lotId)
			.query((rs, n) -> new LotEvent(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"), rs.getString("biz_step"),
					rs.getString("step"), rs.getTimestamp("event_time").toInstant(), decimal(rs.getString("quantity")), rs.getString("note"),
					rs.getString("plus_code"), rs.getString("pack_id"), rs.getString("document"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	int countEvents(long lotId) {
		return jdbc.sql("select count(*) from economy_lot_event where lot_id = ?").param(lotId).query(Integer.class).single();
	}

	private static java.math.@Nullable BigDecimal decimal(@Nullable String s) {
		try {
			return s == null ? null : new java.math.BigDecimal(s);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static Lot map(ResultSet rs, int row) throws SQLException {
		var unit = rs.getString("unit_code");
		long productId = rs.getLong("product_id");
		var ownGtin = rs.getString("gtin");
		var best = rs.getObject("best_before", LocalDate.class);
		var recalled = rs.getTimestamp("recalled_at");
		Integer stars = rs.getObject("stars") == null ? null : rs.getInt("stars");
		return new Lot(rs.getLong("id"), unit, productId, rs.getLong("producer_id"), rs.getString("product_name"), rs.getString("unit_label"),
				rs.getString("producer_name"), Gtins.of(ownGtin, unit, productId).orElse(""), ownGtin == null, rs.getString("lot_number"),
				rs.getObject("produced_on", LocalDate.class), best, rs.getInt("quantity"), rs.getString("origin"), stars,
				rs.getTimestamp("created_at").toInstant(), recalled == null ? null : recalled.toInstant(), rs.getString("recalled_by"),
				rs.getString("recall_reason"));
	}
}
