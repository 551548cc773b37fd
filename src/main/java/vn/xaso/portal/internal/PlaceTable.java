package vn.xaso.portal.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.portal.CommuneInfo.Place;

/** The only SQL of {@code citizen_place}: the commune and village a citizen chose in the app. */
@Component
class PlaceTable {

	private final JdbcClient jdbc;

	PlaceTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Place> of(long citizenId) {
		return jdbc.sql("select unit_code, village_id from citizen_place where citizen_id = ?").param(citizenId)
			.query((rs, n) -> {
				long v = rs.getLong(2);
				return new Place(rs.getString(1), rs.wasNull() ? null : v);
			}).optional();
	}

	void choose(long citizenId, String unitCode, @Nullable Long villageId) {
		jdbc.sql("""
				insert into citizen_place (citizen_id, unit_code, village_id) values (?, ?, ?)
				on conflict (citizen_id) do update set unit_code = excluded.unit_code, village_id = excluded.village_id, updated_at = now()""")
			.params(citizenId, unitCode, villageId).update();
	}
}
