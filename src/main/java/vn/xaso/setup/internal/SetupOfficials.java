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

	/** A checked row: its problems (empty = fine), in any language. */
	public record Checked(Row row, List<SetupException.Said> texts) {
		public boolean ok() {
			return texts.isEmpty();
		}

		/** The problems in Vietnamese (the command line). */
		public List<String> problems() {
			return texts.stream().map(SetupException.Said::vietnamese).toList();
		}

		/** The problems in the current request's language (the page). */
		public List<String> localProblems() {
			return texts.stream().map(SetupException.Said::local).toList();
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
			throw SetupException.of("file", "setup.error.nothingChecked");
		}
		return create(state, rows);
	}

	/** Adds one official typed on the page. */
	public void addOne(String token, Row row) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.OFFICIALS);
		var checked = check(state.unitCode(), List.of(row)).get(0);
		if (!checked.ok()) {
			throw SetupException.of("fullName", locale -> String.join(" ", checked.texts().stream().map(t -> t.in(locale)).toList()));
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
			var problems = new ArrayList<SetupException.Said>();
			if (row.fullName().isBlank()) {
				problems.add(SetupException.text("setup.error.nameMissing"));
			}
			else if (row.fullName().length() > 100) {
				problems.add(SetupException.text("setup.error.nameLong", "100"));
			}
			var username = row.username().strip().toLowerCase(Locale.ROOT);
			if (!username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
				problems.add(SetupException.text("setup.error.usernameBad", row.username()));
			}
			else if (!seen.add(username)) {
				problems.add(SetupException.text("setup.error.usernameTwice", username));
			}
			else if (SetupWizard.inUnit(unitCode, () -> accounts.list(unitCode, username, 0, 20).items().stream()
				.anyMatch(a -> a.username().equals(username)))) {
				problems.add(SetupException.text("setup.error.usernameTaken", username));
			}
			if (!row.phone().isBlank() && PersonalData.normalisePhone(row.phone()) == null) {
				problems.add(SetupException.text("setup.error.phoneBad", row.phone()));
			}
			try {
				OfficialsFile.roles(row.roleWords());
			}
			catch (SetupException e) {
				problems.add(SetupException.quote(e));
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
			throw SetupException.quoting("file", e);
		}
	}

	/** Never shown to anyone: the official chooses their own password through their first-sign-in link. */
	static String temporaryPassword() {
		return "T" + SetupTokens.random(24) + "7k";
	}
}
