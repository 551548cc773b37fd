package vn.xaso.setup.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL adapter of {@code setup_state} (one row at most). */
@Repository
public class SetupStore {

	private static final String COLUMNS = """
			step, unit_code, villages, admin_username, agency_code, working_hours, bank_done, signing, officials,
			pending_import, procedures, completed_at""";

	private final JdbcClient jdbc;

	SetupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SetupState> find() {
		return jdbc.sql("select " + COLUMNS + " from setup_state where id = 1").query(SetupStore::map).optional();
	}

	/** The state, locked until the end of the transaction (one wizard change at a time). */
	public Optional<SetupState> lock() {
		return jdbc.sql("select " + COLUMNS + " from setup_state where id = 1 for update").query(SetupStore::map).optional();
	}

	public Optional<String> tokenHash() {
		return jdbc.sql("select token_hash from setup_state where id = 1 and completed_at is null").query(String.class).optional();
	}

	/** Creates the row, or replaces the token of an unfinished setup (a finished one is never reopened). */
	public void saveToken(String tokenHash) {
		jdbc.sql("""
				insert into setup_state (id, token_hash) values (1, ?)
				on conflict (id) do update set token_hash = excluded.token_hash, updated_at = now()
				where setup_state.completed_at is null""").param(tokenHash).update();
	}

	public void commune(String unitCode, String villages, int step) {
		jdbc.sql("update setup_state set unit_code = ?, villages = ?, step = ?, updated_at = now() where id = 1")
			.params(unitCode, villages, step).update();
	}

	/** Claims the one administrator slot; false if another request already claimed it. */
	public boolean claimAdmin(String username, int step) {
		return jdbc.sql("""
				update setup_state set admin_username = ?, step = ?, updated_at = now()
				where id = 1 and admin_username is null and completed_at is null""").params(username, step).update() == 1;
	}

	public void service(@Nullable String agencyCode, @Nullable String workingHours, boolean bankDone, int step) {
		jdbc.sql("""
				update setup_state set agency_code = ?, working_hours = ?, bank_done = bank_done or ?, step = ?, updated_at = now()
				where id = 1""").params(agencyCode, workingHours, bankDone, step).update();
	}

	public void signing(String signing, int step) {
		jdbc.sql("update setup_state set signing = ?, step = ?, updated_at = now() where id = 1").params(signing, step).update();
	}

	public void pendingImport(@Nullable String rows) {
		jdbc.sql("update setup_state set pending_import = ?, updated_at = now() where id = 1").param(rows).update();
	}

	public void officialsAdded(int count) {
		jdbc.sql("update setup_state set officials = officials + ?, pending_import = null, updated_at = now() where id = 1")
			.param(count).update();
	}

	public void step(int step) {
		jdbc.sql("update setup_state set step = ?, updated_at = now() where id = 1").param(step).update();
	}

	public void procedures(String codes, int step) {
		jdbc.sql("update setup_state set procedures = ?, step = ?, updated_at = now() where id = 1").params(codes, step).update();
	}

	public boolean complete() {
		return jdbc.sql("update setup_state set completed_at = now(), pending_import = null where id = 1 and completed_at is null")
			.update() == 1;
	}

	private static SetupState map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var completed = rs.getTimestamp("completed_at");
		return new SetupState(rs.getInt("step"), rs.getString("unit_code"), rs.getString("villages"),
				rs.getString("admin_username"), rs.getString("agency_code"), rs.getString("working_hours"),
				rs.getBoolean("bank_done"), rs.getString("signing"), rs.getInt("officials"), rs.getString("pending_import"),
				rs.getString("procedures"), completed == null ? null : completed.toInstant());
	}
}
