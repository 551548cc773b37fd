package vn.xaso.dossiers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.dossiers.Caller;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Carrying over the paper tracking book (sổ theo dõi hồ sơ) of the current year: a dry run lists every
 * row's problems in Vietnamese and changes nothing; the import takes all rows or none. Imported lines are
 * kept apart from XaSo's own dossiers, marked "nhập từ sổ", never changed, and counted in the year's
 * figures ({@code Dossiers.stats}). Importing the same book again adds nothing. Only the commune's
 * administrator. Audited.
 */
@Service
public class TrackingBookImport {

	/** A checked row: its problems (empty when it can be imported) and whether it is already imported. */
	public record Checked(int line, String code, String procedure, String applicant, List<String> problems, boolean already) {

		public boolean ok() {
			return problems.isEmpty();
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
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate tx;

	TrackingBookImport(BookEntryStore store, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.audit = audit;
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
			var problems = new ArrayList<String>();
			if (r.code().isBlank()) {
				problems.add("Thiếu mã hồ sơ.");
			}
			else if (r.code().length() > 60) {
				problems.add("Mã hồ sơ dài quá 60 ký tự.");
			}
			else if (seen.containsKey(r.code())) {
				problems.add("Mã hồ sơ " + r.code() + " bị trùng với dòng " + seen.get(r.code()) + ".");
			}
			else if (own.contains(r.code())) {
				problems.add("Mã hồ sơ " + r.code() + " đã có trong XaSo (hồ sơ nộp qua hệ thống), không nhập lại.");
			}
			if (!r.code().isBlank()) {
				seen.putIfAbsent(r.code(), r.line());
			}
			if (r.procedure().isBlank()) {
				problems.add("Thiếu tên thủ tục.");
			}
			else if (r.procedure().length() > 500) {
				problems.add("Tên thủ tục dài quá 500 ký tự.");
			}
			if (r.applicant().isBlank()) {
				problems.add("Thiếu tên người nộp (cá nhân, tổ chức).");
			}
			else if (r.applicant().length() > 200) {
				problems.add("Tên người nộp dài quá 200 ký tự.");
			}
			var received = date(r.received(), "ngày nhận", problems);
			if (r.received().isBlank()) {
				problems.add("Thiếu ngày nhận hồ sơ.");
			}
			else if (received != null && received.getYear() != year) {
				problems.add("Ngày nhận " + r.received() + " không thuộc năm " + year + ": chỉ nhập sổ của năm nay.");
			}
			var due = date(r.due(), "ngày hẹn trả", problems);
			var result = date(r.result(), "ngày có kết quả", problems);
			var returned = date(r.returned(), "ngày trả kết quả", problems);
			if (received != null && due != null && due.toLocalDate().isBefore(received.toLocalDate())) {
				problems.add("Ngày hẹn trả trước ngày nhận.");
			}
			if (received != null && result != null && result.toLocalDate().isBefore(received.toLocalDate())) {
				problems.add("Ngày có kết quả trước ngày nhận.");
			}
			if (returned != null && result == null) {
				problems.add("Có ngày trả kết quả nhưng thiếu ngày có kết quả.");
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
				audit.record(AuditEvent.of(unit, admin.username(), "dossiers.book.imported").on("tracking-book", Integer.toString(year()))
					.change(null, added + " dòng sổ theo dõi hồ sơ năm " + year() + " (bỏ qua " + (rows.size() - added) + " dòng đã có)"));
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

	private static @Nullable LocalDateTime date(String text, String what, List<String> problems) {
		try {
			return BookFile.dateTime(text);
		}
		catch (IllegalArgumentException e) {
			problems.add("Không hiểu " + what + " \"" + text + "\"; hãy ghi ngày/tháng/năm, ví dụ 15/03/" + LocalDate.now().getYear() + ".");
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
