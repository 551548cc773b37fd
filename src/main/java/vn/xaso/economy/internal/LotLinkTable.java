package vn.xaso.economy.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for {@code economy_lot_input}, the links between batches ("made from"), and what is left of a batch: its
 * quantity less what processing steps took from it and what orders filled from it (not cancelled) took.
 */
@Component
class LotLinkTable {

	/** A linked batch and the quantity that went along the link (in the input batch's unit). */
	record Link(long lotId, BigDecimal quantity) {
	}

	private final JdbcClient jdbc;

	LotLinkTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores one input of a processing step; false when that event had stored it already. */
	boolean insert(String unitCode, long lotId, long inputLotId, BigDecimal quantity, String eventId, String by) {
		return jdbc.sql("""
				insert into economy_lot_input (unit_code, lot_id, input_lot_id, quantity, event_id, recorded_by)
				values (?, ?, ?, ?, ?, ?) on conflict (lot_id, input_lot_id, event_id) do nothing""")
			.params(unitCode, lotId, inputLotId, quantity, eventId, by).update() == 1;
	}

	/** The batches {@code lotId} was made from, with the quantity taken from each. */
	List<Link> madeFrom(long lotId) {
		return jdbc.sql("select input_lot_id, sum(quantity) from economy_lot_input where lot_id = ? group by input_lot_id order by input_lot_id")
			.param(lotId).query((rs, n) -> new Link(rs.getLong(1), rs.getBigDecimal(2))).list();
	}

	/** The batches made from {@code lotId}, with the quantity of it each took. */
	List<Link> madeInto(long lotId) {
		return jdbc.sql("select lot_id, sum(quantity) from economy_lot_input where input_lot_id = ? group by lot_id order by lot_id")
			.param(lotId).query((rs, n) -> new Link(rs.getLong(1), rs.getBigDecimal(2))).list();
	}

	/** Every batch made from {@code lotId}, directly or through other batches (any depth; a cycle ends the walk). */
	Set<Long> descendants(long lotId) {
		return Set.copyOf(jdbc.sql("""
				with recursive made (id) as (
				  select lot_id from economy_lot_input where input_lot_id = ?
				  union
				  select i.lot_id from economy_lot_input i join made m on i.input_lot_id = m.id)
				select id from made where id <> ?""").params(lotId, lotId).query(Long.class).list());
	}

	/** What is left of each batch: quantity − taken by processing steps − ordered from it (orders not cancelled). */
	Map<Long, BigDecimal> left(Collection<Long> lotIds) {
		var left = new HashMap<Long, BigDecimal>();
		if (lotIds.isEmpty()) {
			return left;
		}
		jdbc.sql("""
				select l.id, l.quantity
				         - coalesce((select sum(i.quantity) from economy_lot_input i where i.input_lot_id = l.id), 0)
				         - coalesce((select sum(o.quantity) from economy_order o where o.lot_id = l.id and o.status <> 'CANCELLED'), 0)
				  from economy_lot l where l.id = any(?)""")
			.param(lotIds.toArray(Long[]::new)).query((rs, n) -> left.put(rs.getLong(1), rs.getBigDecimal(2))).list();
		return left;
	}
}
