package vn.xaso.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.feedback.Open311Keys.ApiKey;

/** The only SQL of {@code feedback_api_key}. */
@Component
class ApiKeyTable {

	private final JdbcClient jdbc;

	ApiKeyTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ApiKey> list(String unitCode) {
		return jdbc.sql("select * from feedback_api_key where unit_code = ? order by revoked_at nulls first, id desc")
			.param(unitCode)
			.query((rs, n) -> new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
			.list();
	}

	long insert(String unitCode, String name, String prefix, String hash, String createdBy, Instant at) {
		return jdbc.sql("""
				insert into feedback_api_key (unit_code, name, prefix, key_hash, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, name, prefix, hash, createdBy, Timestamp.from(at))
			.query(Long.class).single();
	}

	boolean revoke(String unitCode, long id, Instant at) {
		return jdbc.sql("update feedback_api_key set revoked_at = ? where unit_code = ? and id = ? and revoked_at is null")
			.params(Timestamp.from(at), unitCode, id).update() > 0;
	}

	Optional<Long> active(String unitCode, String hash) {
		return jdbc.sql("select id from feedback_api_key where unit_code = ? and key_hash = ? and revoked_at is null")
			.params(unitCode, hash).query(Long.class).optional();
	}
}
