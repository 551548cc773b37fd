package vn.xaso.dossiers.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.DossierEvent;

/** The only SQL of a dossier's timeline ({@code dossier_event}). */
@Component
class TimelineTable {

	/** The last step taken on a dossier. */
	record Last(String actorName, String action, @Nullable String toState, Instant at) {
	}

	/** A step as the public tracking page shows it. */
	record Step(Instant at, String action, @Nullable String toState) {
	}

	/** The first steps of a dossier {@code d} numbered by {@link NumberTable}: the part {@code e} of its one statement. */
	static final String FIRST_STEPS = """
			e as (
			  insert into dossier_event (unit_code, dossier_id, actor, actor_name, action, from_state, to_state, note)
			  select :unit, d.id, :actor, :actorName, x.action, x.from_state, x.to_state, x.note
			  from d, unnest(:actions::text[], :froms::text[], :tos::text[], :notes::text[]) with ordinality as x(action, from_state, to_state, note, i)
			  order by x.i),
			""";

	private final JdbcClient jdbc;

	TimelineTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String unitCode, long dossierId, String actor, String actorName, String action, @Nullable String from, @Nullable String to,
			String note, List<Long> files) {
		jdbc.sql("""
				insert into dossier_event (unit_code, dossier_id, actor, actor_name, action, from_state, to_state, note, file_ids)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(unitCode, dossierId, actor, actorName, action, from, to, note, files.toArray(Long[]::new))
			.update();
	}

	Optional<Last> last(long dossierId) {
		return jdbc.sql("select actor_name, action, to_state, at from dossier_event where dossier_id = ? order by id desc limit 1")
			.param(dossierId)
			.query((rs, n) -> new Last(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** The state the dossier was in when it last moved to {@code state}. */
	Optional<String> lastFrom(long dossierId, String state) {
		return jdbc.sql("select from_state from dossier_event where dossier_id = ? and to_state = ? order by id desc limit 1")
			.params(dossierId, state).query(String.class).optional();
	}

	/** Who took {@code action} first (e.g. who received the dossier). */
	Optional<String> firstActor(long dossierId, String action) {
		return jdbc.sql("select actor_name from dossier_event where dossier_id = ? and action = ? order by id limit 1")
			.params(dossierId, action).query(String.class).optional();
	}

	List<DossierEvent> list(long dossierId, Function<String, String> actionLabel) {
		return jdbc.sql("""
				select id, at, actor, actor_name, action, from_state, to_state, note, file_ids
				from dossier_event where dossier_id = ? order by id""")
			.param(dossierId)
			.query((rs, n) -> new DossierEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), actionLabel.apply(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
					ids(rs.getArray(9))))
			.list();
	}

	/** The public steps (without the draft's creation). */
	List<Step> publicSteps(long dossierId) {
		return jdbc.sql("select at, action, to_state from dossier_event where dossier_id = ? and action <> 'draft' order by id")
			.param(dossierId).query((rs, n) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
	}

	private static List<Long> ids(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		var out = new ArrayList<Long>();
		for (var o : (Object[]) array.getArray()) {
			out.add(((Number) o).longValue());
		}
		return out;
	}
}
