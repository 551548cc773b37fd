package vn.xaso.dossiers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierException.Message;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Carrying over the paper tracking book (sổ theo dõi hồ sơ) of the current year: a dry run lists every
 * row's problems (in the reader's language) and changes nothing; the import takes all rows or none. Imported lines are
 * kept apart from XaSo's own dossiers, marked "nhập từ sổ", never changed, and counted in the year's
 * figures ({@code Dossiers.stats}). Importing the same book again adds nothing. Only the commune's
 * administrator. Audited.
 */
@Service
public class TrackingBookImport {

	/** A checked row: its problems (messages of the dossiers bundle; empty when it can be imported) and whether it is already imported. */
	public record Checked(int line, String code, String procedure, String applicant, List<Message> messages, boolean already) {

		public boolean ok() {
			return messages.isEmpty();
		}

		/** The problems in Vietnamese (pages show {@link #messages()} in the reader's language). */
		public List<String> problems() {
			return messages.stream().map(m -> DossierException.vietnamese(m.key(), m.args())).toList();
		}
	}

	/** The dry run of a whole file. */
	public record Check(List<Checked> rows) {

		public long fresh() {
			return rows.stream().filter(r -> r.ok() && !r.already()).count();
		}

		public long already() {
			return rows.stream().filter(r -> r.ok() && r.already()).count();
		}

		public long wrong() {
			return rows.stream().filter(r -> !r.ok()).count();
		}
	}

	private final BookEntryStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate tx;

	TrackingBookImport(BookEntryStore store, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	public int year() {
		return LocalDate.now(clock.withZone(Sla.VIETNAM)).getYear();
	}

	/** Dry run: nothing is written. */
	public Check check(Caller admin, byte[] content) {
		var unit = requireAdmin(admin);
		var rows = BookFile.read(content);
		if (rows.isEmpty()) {
			throw Texts.refused("file", "dossiers.error.book.empty");
		}
		var codes = rows.stream().map(BookFile.Row::code).filter(c -> !c.isBlank()).toList();
		var imported = in(unit, () -> store.importedCodes(unit, codes));
		var own = in(unit, () -> store.dossierCodes(unit, codes));
		var seen = new HashMap<String, Integer>();
		int year = year();
		var checked = new ArrayList<Checked>();
		for (var r : rows) {
			var problems = new ArrayList<Message>();
			if (r.code().isBlank()) {
				problems.add(new Message("dossiers.error.book.codeMissing"));
			}
			else if (r.code().length() > 60) {
				problems.add(new Message("dossiers.error.book.codeLong"));
			}
			else if (seen.containsKey(r.code())) {
				problems.add(new Message("dossiers.error.book.codeTwice", r.code(), String.valueOf(seen.get(r.code()))));
			}
			else if (own.contains(r.code())) {
				problems.add(new Message("dossiers.error.book.codeOwn", r.code()));
			}
			if (!r.code().isBlank()) {
				seen.putIfAbsent(r.code(), r.line());
			}
			if (r.procedure().isBlank()) {
				problems.add(new Message("dossiers.error.book.procedureMissing"));
			}
			else if (r.procedure().length() > 500) {
				problems.add(new Message("dossiers.error.book.procedureLong"));
			}
			if (r.applicant().isBlank()) {
				problems.add(new Message("dossiers.error.book.applicantMissing"));
			}
			else if (r.applicant().length() > 200) {
				problems.add(new Message("dossiers.error.book.applicantLong"));
			}
			var received = date(r.received(), "dossiers.error.book.receivedDate", problems);
			if (r.received().isBlank()) {
				problems.add(new Message("dossiers.error.book.receivedMissing"));
			}
			else if (received != null && received.getYear() != year) {
				problems.add(new Message("dossiers.error.book.receivedYear", r.received(), String.valueOf(year)));
			}
			var due = date(r.due(), "dossiers.error.book.dueDate", problems);
			var result = date(r.result(), "dossiers.error.book.resultDate", problems);
			var returned = date(r.returned(), "dossiers.error.book.returnedDate", problems);
			if (received != null && due != null && due.toLocalDate().isBefore(received.toLocalDate())) {
				problems.add(new Message("dossiers.error.book.dueBefore"));
			}
			if (received != null && result != null && result.toLocalDate().isBefore(received.toLocalDate())) {
				problems.add(new Message("dossiers.error.book.resultBefore"));
			}
			if (returned != null && result == null) {
				problems.add(new Message("dossiers.error.book.returnedWithoutResult"));
			}
			checked.add(new Checked(r.line(), r.code(), r.procedure(), r.applicant(), List.copyOf(problems),
					imported.contains(r.code())));
		}
		return new Check(List.copyOf(checked));
	}

	/** Imports every row of the book, or none when a row has a problem; returns how many lines were new. */
	public int importBook(Caller admin, byte[] content) {
		var unit = requireAdmin(admin);
		var check = check(admin, content);
		if (check.wrong() > 0) {
			throw Texts.refused("file", "dossiers.error.book.wrongRows", String.valueOf(check.wrong()));
		}
		var rows = BookFile.read(content);
		return in(unit, () -> {
			int added = 0;
			for (var r : rows) {
				var received = BookFile.dateTime(r.received());
				if (store.insert(unit, r, received.atZone(Sla.VIETNAM).toInstant(), day(r.due()), day(r.result()), day(r.returned()),
						admin.username())) {
					added++;
				}
			}
			if (added > 0) {
				events.publishEvent(AuditEvent.of(unit, admin.username(), "dossiers.book.imported").on("tracking-book", Integer.toString(year()))
					.change(null, Texts.vi("dossiers.text.bookImported", String.valueOf(added), String.valueOf(year()), String.valueOf(rows.size() - added))));
			}
			return added;
		});
	}

	/** The imported lines of the current year, newest received first. */
	public List<BookEntryStore.Entry> entries(Caller official, int limit) {
		var unit = official.unitCode();
		if (unit == null) {
			return List.of();
		}
		int year = year();
		return in(unit, () -> store.entries(unit, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), limit));
	}

	public long count(Caller official) {
		var unit = official.unitCode();
		if (unit == null) {
			return 0;
		}
		int year = year();
		return in(unit, () -> store.count(unit, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
	}

	private static @Nullable LocalDate day(String text) {
		var t = BookFile.dateTime(text);
		return t == null ? null : t.toLocalDate();
	}

	/** {@code key}: the message naming the date that cannot be read. */
	private static @Nullable LocalDateTime date(String text, String key, List<Message> problems) {
		try {
			return BookFile.dateTime(text);
		}
		catch (IllegalArgumentException e) {
			problems.add(new Message(key, text, String.valueOf(LocalDate.now().getYear())));
			return null;
		}
	}

	private static String requireAdmin(Caller caller) {
		if (caller.isCitizen() || caller.unitCode() == null || !caller.roles().contains(Role.ADMIN)) {
			throw Texts.refused("file", "dossiers.error.book.adminOnly");
		}
		return caller.unitCode();
	}

	private <T> T in(String unit, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}

}
