package vn.xaso.radio.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The loudspeakers' daily counters for the indicators, published in the transaction that stores
 * the broadcast or the receiver's play report; {@link #recount} counts the same from the tables.
 * A play counts once per village (zone): the first receiver report of a broadcast in a zone counts,
 * with its day and length; more receivers of the same zone add nothing, like the operations page's
 * minutes per village.
 */
@Component
public class RadioMetrics implements MetricSource {

	/** Broadcasts created (announced or recorded), on the day they were created, whatever became of them. */
	public static final String BROADCASTS = "radio.broadcasts";
	/** Broadcasts played in a village (zone): one per broadcast and zone. */
	public static final String PLAYS = "radio.plays";
	/** Σ whole seconds of those plays (milliseconds / 1000, rounded down per play). */
	public static final String SECONDS_PLAYED = "radio.seconds_played";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	RadioMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(BROADCASTS, PLAYS, SECONDS_PLAYED);
	}

	/** A broadcast was stored at {@code at}. Call inside that transaction. */
	public void broadcastCreated(String unitCode, Instant at) {
		events.publishEvent(MetricEvent.count(unitCode, at, BROADCASTS));
	}

	/**
	 * Locks the zone so play reports of one zone are stored one after another: the first stored play
	 * of a broadcast in a zone is then the one with the smallest id, which is what the recount counts.
	 * Call before inserting the play, in the same transaction.
	 */
	public void lockZone(long zoneId) {
		jdbc.sql("select id from radio_zone where id = ? for update").param(zoneId).query(Long.class).optional();
	}

	/** Reports the stored play {@code playId} if it is the first of its broadcast in its zone. */
	public void played(long playId) {
		jdbc.sql("""
				select p.unit_code, (p.played_at at time zone 'Asia/Ho_Chi_Minh')::date, p.duration_ms / 1000
				from radio_play p
				where p.id = ? and p.id = (select min(o.id) from radio_play o where o.zone_id = p.zone_id and o.broadcast_id = p.broadcast_id)""")
			.param(playId)
			.query((rs, n) -> {
				var deltas = new LinkedHashMap<String, Long>();
				deltas.put(PLAYS, 1L);
				if (rs.getLong(3) > 0) {
					deltas.put(SECONDS_PLAYED, rs.getLong(3));
				}
				return new MetricEvent(UUID.randomUUID(), rs.getString(1), rs.getObject(2, LocalDate.class), deltas, Instant.now());
			})
			.optional()
			.ifPresent(events::publishEvent);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				with b as (
				  select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date as day from radio_broadcast),
				p as (
				  select distinct on (zone_id, broadcast_id) unit_code, (played_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
				         duration_ms / 1000 as seconds
				  from radio_play order by zone_id, broadcast_id, id)
				select unit_code, day, 'radio.broadcasts', count(*) from b where day between :from and :to group by 1, 2
				union all
				select unit_code, day, 'radio.plays', count(*) from p where day between :from and :to group by 1, 2
				union all
				select unit_code, day, 'radio.seconds_played', sum(seconds) from p where day between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
			.list();
	}
}
