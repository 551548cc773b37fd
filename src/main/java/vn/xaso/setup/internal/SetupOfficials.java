package vn.xaso.setup.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.platform.PersonalData;
import vn.xaso.setup.internal.OfficialsFile.Row;

/**
 * Step 5: the commune's officials, typed one by one or imported from the list the commune already
 * keeps. An import is checked first (a dry run: every row's problems in plain Vietnamese, nothing
 * saved), then created all together; each official gets a one-use first-sign-in link.
 */
@Service
public class SetupOfficials {

	public static final Duration INVITE_LIFE = Duration.ofDays(14);

	/** A checked row: its problems (empty = fine). */
	public record Checked(Row row, List<String> problems) {
		public boolean ok() {
			return problems.isEmpty();
		}
	}

	private final SetupWizard wizard;
	private final SetupStore store;
	private final InviteStore invites;
	private final Accounts accounts;
	private final TransactionTemplate tx;

	SetupOfficials(SetupWizard wizard, SetupStore store, InviteStore invites, Accounts accounts,
			PlatformTransactionManager transactions) {
		this.wizard = wizard;
		this.store = store;
		this.invites = invites;
		this.accounts = accounts;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Dry run: reads and checks the file; when every row is fine, keeps the rows for {@link #confirmImport}. */
	public List<Checked> dryRun(String token, @Nullable String filename, byte[] content) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.OFFICIALS);
		var checked = check(state.unitCode(), OfficialsFile.read(filename, content));
		var allOk = checked.stream().allMatch(Checked::ok);
		store.pendingImport(state.id(), allOk ? checked.stream().map(c -> c.row().toLine()).collect(Collectors.joining("\n")) : null);
		return checked;
	}

	public List<Row> pending(SetupState state) {
		if (state.pendingImport() == null || state.pendingImport().isBlank()) {
			return List.of();
		}
		var rows = new ArrayList<Row>();
		int line = 2;
		for (var text : state.pendingImport().split("\n")) {
			rows.add(Row.fromLine(line++, text));
		}
		return rows;
	}

	/** Creates the officials of the checked import, all or none. Returns how many. */
	public int confirmImport(String token) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.OFFICIALS);
		var rows = pending(state);
		if (rows.isEmpty()) {
			throw new SetupException("file", "Chưa có danh sách đã kiểm tra. Hãy chọn tệp và bấm Kiểm tra trước.");
		}
		return create(state, rows);
	}

	/** Adds one official typed on the page. */
	public void addOne(String token, Row row) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.OFFICIALS);
		var checked = check(state.unitCode(), List.of(row)).get(0);
		if (!checked.ok()) {
			throw new SetupException("fullName", String.join(" ", checked.problems()));
		}
		create(state, List.of(row));
	}

	public void done(String token) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.OFFICIALS);
		store.step(state.id(), state.stepAfter(SetupState.OFFICIALS));
	}

	/** The first-sign-in links of this setup's commune. */
	public List<InviteStore.Invite> invites(@Nullable String unitCode) {
		return unitCode == null ? List.of() : invites.of(unitCode);
	}

	List<Checked> check(String unitCode, List<Row> rows) {
		var seen = new HashSet<String>();
		var result = new ArrayList<Checked>();
		for (var row : rows) {
			var problems = new ArrayList<String>();
			if (row.fullName().isBlank()) {
				problems.add("Thiếu họ và tên.");
			}
			else if (row.fullName().length() > 100) {
				problems.add("Họ và tên dài quá 100 ký tự.");
			}
			var username = row.username().strip().toLowerCase(Locale.ROOT);
			if (!username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
				problems.add("Tên đăng nhập \"" + row.username() + "\" không hợp lệ: 3–40 ký tự, chữ thường không dấu, số, dấu chấm, gạch ngang.");
			}
			else if (!seen.add(username)) {
				problems.add("Tên đăng nhập \"" + username + "\" bị trùng trong tệp.");
			}
			else if (SetupWizard.inUnit(unitCode, () -> accounts.list(unitCode, username, 0, 20).items().stream()
				.anyMatch(a -> a.username().equals(username)))) {
				problems.add("Tên đăng nhập \"" + username + "\" đã có tài khoản.");
			}
			if (!row.phone().isBlank() && PersonalData.normalisePhone(row.phone()) == null) {
				problems.add("Số điện thoại \"" + row.phone() + "\" không hợp lệ (cần số di động 10 chữ số).");
			}
			try {
				OfficialsFile.roles(row.roleWords());
			}
			catch (SetupException e) {
				problems.add(e.getMessage());
			}
			result.add(new Checked(row, problems));
		}
		return result;
	}

	private int create(SetupState state, List<Row> rows) {
		var unitCode = state.unitCode();
		try {
			return SetupWizard.inUnit(unitCode, () -> tx.execute(status -> {
				var expires = Instant.now().plus(INVITE_LIFE);
				for (var row : rows) {
					var username = row.username().strip().toLowerCase(Locale.ROOT);
					accounts.create(unitCode, new Accounts.NewOfficial(username, row.fullName(),
							row.title().isBlank() ? null : row.title(), row.phone().isBlank() ? null : row.phone(), null,
							OfficialsFile.roles(row.roleWords()), null, temporaryPassword()));
					invites.insert(SetupTokens.random(24), unitCode, username, row.fullName().strip(), expires);
				}
				store.officialsAdded(state.id(), rows.size());
				return rows.size();
			}));
		}
		catch (AccountException e) {
			throw new SetupException("file", e.getMessage());
		}
	}

	/** Never shown to anyone: the official chooses their own password through their first-sign-in link. */
	static String temporaryPassword() {
		return "T" + SetupTokens.random(24) + "7k";
	}
}
