package vn.xaso.cameras.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for {@code cameras_address}, the camera's stream and snapshot addresses: written when a camera is registered or
 * edited, read only by {@link ViewingCameras} (the audited "Xem camera").
 */
@Component
class AddressTable {

	/** Where the viewer's player app finds the camera. */
	record Addresses(String stream, @Nullable String snapshot) {

		@Override
		public String toString() {
			return "Addresses[hidden]";
		}
	}

	private final JdbcClient jdbc;

	AddressTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void put(String unitCode, long cameraId, Addresses a) {
		jdbc.sql("""
				insert into cameras_address (camera_id, unit_code, stream_url, snapshot_url) values (?, ?, ?, ?)
				on conflict (camera_id) do update set stream_url = excluded.stream_url, snapshot_url = excluded.snapshot_url""")
			.params(cameraId, unitCode, a.stream(), a.snapshot()).update();
	}

	Optional<Addresses> of(String unitCode, long cameraId) {
		return jdbc.sql("select stream_url, snapshot_url from cameras_address where unit_code = ? and camera_id = ?")
			.params(unitCode, cameraId).query((rs, n) -> new Addresses(rs.getString(1), rs.getString(2))).optional();
	}
}
