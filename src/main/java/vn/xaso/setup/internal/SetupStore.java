package vn.xaso.setup.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL adapter of {@code setup_state}: row 1 is the instance's own first-run setup, the other rows the setups of
 * communes invited by their province (one each). Every change names the row.
 */
@Repository
public class SetupStore {

	static final long FIRST_RUN = 1;

	private static final String COLUMNS = """
			id, commune_invite, step, unit_code, villages, admin_username, agency_code, working_hours, bank_done, signing, officials,
			pending_import, procedures, completed_at""";

	private final JdbcClient jdbc;

	SetupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The instance's own first-run setup. */
	public Optional<SetupState> find() {
		return byId(FIRST_RUN);
	}

	public Optional<SetupState> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from setup_state where id = ?").param(id).query(SetupStore::map).optional();
	}

	/** The setup of a commune invited by its province, if its link was opened. */
	public Optional<SetupState> invited(String communeCode) {
		return jdbc.sql("select " + COLUMNS + " from setup_state where commune_invite and unit_code = ?").param(communeCode)
			.query(SetupStore::map).optional();
	}

	/** The setups of these invited communes. */
	public List<SetupState> invited(Collection<String> communeCodes) {
		if (communeCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from setup_state where commune_invite and unit_code in (:codes)")
			.param("codes", communeCodes).query(SetupStore::map).list();
	}

	/**
	 * Opens the setup of an invited commune (once: a second browser opening the link at the same moment finds the
	 * same row). It starts at step 1, the commune's villages (the commune itself is the invitation's); an invitation
	 * whose administrator was already created (before the wizard ran per commune) starts after the administrator step.
	 */
	public SetupState openInvited(String communeCode, String tokenHash, String agencyCode, @Nullable String adminUsername) {
		jdbc.sql("""
				insert into setup_state (commune_invite, token_hash, unit_code, agency_code, admin_username, step)
				values (true, ?, ?, ?, ?, ?) on conflict (unit_code) where commune_invite do nothing""")
			.params(tokenHash, communeCode, agencyCode, adminUsername, adminUsername == null ? SetupState.COMMUNE : SetupState.SERVICE)
			.update();
		return invited(communeCode).orElseThrow();
	}

	/** The state, locked until the end of the transaction (one wizard change at a time). */
	public Optional<SetupState> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from setup_state where id = ? for update").param(id).query(SetupStore::map).optional();
	}

	public Optional<String> tokenHash() {
		return jdbc.sql("select token_hash from setup_state where id = 1 and completed_at is null").query(String.class).optional();
	}

	/** The hash of the first-run token, finished or not (a used address is told apart from a wrong one). */
	public Optional<String> firstRunTokenHash() {
		return jdbc.sql("select token_hash from setup_state where id = 1").query(String.class).optional();
	}

	/** Creates the first-run row, or replaces the token of an unfinished one (a finished one is never reopened). */
	public void saveToken(String tokenHash) {
		jdbc.sql("""
				insert into setup_state (id, token_hash) values (1, ?)
				on conflict (id) do update set token_hash = excluded.token_hash, updated_at = now()
				where setup_state.completed_at is null""").param(tokenHash).update();
	}

	public void commune(long id, String unitCode, String villages, int step) {
		jdbc.sql("update setup_state set unit_code = ?, villages = ?, step = ?, updated_at = now() where id = ?")
			.params(unitCode, villages, step, id).update();
	}

	/** Claims the one administrator slot; false if another request already claimed it. */
	public boolean claimAdmin(long id, String username, int step) {
		return jdbc.sql("""
				update setup_state set admin_username = ?, step = ?, updated_at = now()
				where id = ? and admin_username is null and completed_at is null""").params(username, step, id).update() == 1;
	}

	public void service(long id, @Nullable String agencyCode, @Nullable String workingHours, boolean bankDone, int step) {
		jdbc.sql("""
				update setup_state set agency_code = ?, working_hours = ?, bank_done = bank_done or ?, step = ?, updated_at = now()
				where id = ?""").params(agencyCode, workingHours, bankDone, step, id).update();
	}

	public void signing(long id, String signing, int step) {
		jdbc.sql("update setup_state set signing = ?, step = ?, updated_at = now() where id = ?").params(signing, step, id).update();
	}

	public void pendingImport(long id, @Nullable String rows) {
		jdbc.sql("update setup_state set pending_import = ?, updated_at = now() where id = ?").params(rows, id).update();
	}

	public void officialsAdded(long id, int count) {
		jdbc.sql("update setup_state set officials = officials + ?, pending_import = null, updated_at = now() where id = ?")
			.params(count, id).update();
	}

	public void step(long id, int step) {
		jdbc.sql("update setup_state set step = ?, updated_at = now() where id = ?").params(step, id).update();
	}

	public void procedures(long id, String codes, int step) {
		jdbc.sql("update setup_state set procedures = ?, step = ?, updated_at = now() where id = ?").params(codes, step, id).update();
	}

	public boolean complete(long id) {
		return jdbc.sql("update setup_state set completed_at = now(), pending_import = null where id = ? and completed_at is null")
			.param(id).update() == 1;
	}

	private static SetupState map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var completed = rs.getTimestamp("completed_at");
		return new SetupState(rs.getLong("id"), rs.getBoolean("commune_invite"), rs.getInt("step"), rs.getString("unit_code"),
				rs.getString("villages"), rs.getString("admin_username"), rs.getString("agency_code"), rs.getString("working_hours"),
				rs.getBoolean("bank_done"), rs.getString("signing"), rs.getInt("officials"), rs.getString("pending_import"),
				rs.getString("procedures"), completed == null ? null : completed.toInstant());
	}
}
