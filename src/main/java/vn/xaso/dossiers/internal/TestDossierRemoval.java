package vn.xaso.dossiers.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * "Xoá hồ sơ thử": removing the dossiers an administrator made while trying XaSo before opening it to
 * citizens. Only dossiers that cannot be real work yet: submitted in the last {@link #WINDOW}, no bill or
 * payment, no result approved, signed or returned. Each removal is audited with the code, procedure and
 * reason (no personal data). The code numbers they used are not reused: a removed test dossier's number stays
 * accounted for by its audit entry (dossiers.test-removed, with the code), so the daily numbering keeps no
 * unexplained gap and never a duplicate. Dossiers marked as tests by the try-it guide ({@link TestDossierMarks})
 * come first.
 */
@Service
public class TestDossierRemoval {

	public static final Duration WINDOW = Duration.ofDays(30);

	/** A dossier that may be removed, as listed to the administrator. */
	public record Candidate(long id, String code, String procedure, String applicant, String state, Instant submittedAt,
			boolean test) {
	}

	private static final String REMOVABLE = """
			unit_code = :unit and submitted_at is not null and submitted_at >= :since
			and bill_id is null and paid_at is null and result_signed_at is null and returned_at is null
			and state not in ('approved', 'result_ready', 'returned')""";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final DossierMetrics metrics;

	TestDossierRemoval(JdbcClient jdbc, AuditLog audit, Clock clock, PlatformTransactionManager transactions,
			DossierMetrics metrics) {
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	public List<Candidate> candidates(Caller admin) {
		var unit = requireAdmin(admin);
		return in(unit, () -> jdbc.sql("select id, code, procedure_name, applicant_name, state, submitted_at, test from dossier where "
				+ REMOVABLE + " order by test desc, submitted_at desc, id desc limit 200")
			.param("unit", unit)
			.param("since", since())
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant(), rs.getBoolean(7)))
			.list());
	}

	/**
	 * Removes the chosen test dossiers, all or none: every id must still be removable. Returns how many
	 * were removed (0 when they were removed already — a double submit).
	 */
	public int remove(Caller admin, Collection<Long> ids, String reason, boolean confirmed) {
		var unit = requireAdmin(admin);
		var why = reason == null ? "" : reason.strip();
		if (ids.isEmpty()) {
			throw new DossierException("ids", "Hãy đánh dấu hồ sơ thử cần xoá.");
		}
		if (why.length() < 5 || why.length() > 300) {
			throw new DossierException("reason", "Hãy ghi lý do xoá (từ 5 đến 300 ký tự), ví dụ: hồ sơ thử khi cài đặt.");
		}
		if (!confirmed) {
			throw new DossierException("confirm", "Hãy đánh dấu ô xác nhận đây là hồ sơ thử, không phải hồ sơ thật của người dân.");
		}
		return in(unit, () -> {
			var existing = jdbc.sql("select id from dossier where unit_code = :unit and id in (:ids) for update")
				.param("unit", unit).param("ids", ids).query(Long.class).list();
			var removable = jdbc.sql("select id, code, procedure_name from dossier where " + REMOVABLE + " and id in (:ids)")
				.param("unit", unit).param("since", since()).param("ids", ids)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.list();
			if (removable.size() != existing.size()) {
				throw new DossierException("ids", "Có hồ sơ đã thu phí, đã có kết quả hoặc nộp quá " + WINDOW.toDays()
						+ " ngày: đó là hồ sơ thật, không xoá được. Không hồ sơ nào bị xoá.");
			}
			for (var d : removable) {
				long id = Long.parseLong(d[0]);
				metrics.withdraw(id); // the dashboards' counters forget it too (−1 for each fact reported)
				jdbc.sql("delete from dossier_apology where dossier_id = ?").param(id).update();
				jdbc.sql("delete from dossier where id = ?").param(id).update();
				audit.record(AuditEvent.of(unit, admin.username(), "dossiers.test-removed").on("dossier", d[1])
					.change(d[1] + " — " + d[2], "đã xoá (hồ sơ thử): " + why));
			}
			return removable.size();
		});
	}

	private Timestamp since() {
		return Timestamp.from(clock.instant().minus(WINDOW));
	}

	private static String requireAdmin(Caller caller) {
		if (caller.isCitizen() || caller.unitCode() == null || !caller.roles().contains(Role.ADMIN)) {
			throw new DossierException("ids", "Chỉ quản trị viên của xã mới xoá hồ sơ thử.");
		}
		return caller.unitCode();
	}

	private <T> T in(String unit, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}
}
