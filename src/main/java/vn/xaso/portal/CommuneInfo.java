package vn.xaso.portal;

import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * The rest of a commune's public site: the leaders' weekly work schedule (lịch công tác) and the
 * public contacts; and the commune and village a citizen chose in the app.
 */
@Service
public class CommuneInfo {

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final Units units;
	private final Villages villages;

	CommuneInfo(JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog audit, Units units, Villages villages) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.audit = audit;
		this.units = units;
		this.villages = villages;
	}

	public record ScheduleEntry(long id, LocalDate day, String time, String leader, String content, String place) {
	}

	/** A public contact; {@code phone} is empty unless the commune marked it public. */
	public record Contact(long id, int position, String name, String title, String phone, boolean phonePublic, String email) {
	}

	public record Place(String unitCode, @Nullable Long villageId) {
	}

	// ---- schedule -----------------------------------------------------------------------------

	/** The entries of the week (Monday to Sunday) that holds {@code day}. */
	public List<ScheduleEntry> week(String unitCode, LocalDate day) {
		var monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
		return asUnit(unitCode, () -> jdbc.sql("""
				select id, day, time_of_day, leader, content, place from portal_schedule
				where unit_code = ? and day between ? and ? order by day, time_of_day, id""")
			.params(unitCode, Date.valueOf(monday), Date.valueOf(monday.plusDays(6)))
			.query((rs, n) -> new ScheduleEntry(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list());
	}

	public long addSchedule(OfficialPrincipal me, LocalDate day, String time, String leader, String content, String place) {
		requireEditor(me);
		var t = clean(time);
		if (!t.isEmpty() && !t.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
			throw new PortalException("time", "Giờ chưa đúng, ví dụ 07:30.");
		}
		var l = clean(leader);
		if (l.isEmpty() || l.length() > 120) {
			throw new PortalException("leader", "Hãy ghi lãnh đạo chủ trì (tối đa 120 ký tự).");
		}
		var c = clean(content);
		if (c.isEmpty() || c.length() > 500) {
			throw new PortalException("content", "Hãy ghi nội dung công việc (tối đa 500 ký tự).");
		}
		var p = clean(place);
		if (p.length() > 200) {
			throw new PortalException("place", "Địa điểm dài quá 200 ký tự.");
		}
		return tx.execute(s -> {
			long id = jdbc.sql("""
					insert into portal_schedule (unit_code, day, time_of_day, leader, content, place, created_by)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(me.unitCode(), Date.valueOf(day), t, l, c, p, me.username()).query(Long.class).single();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.schedule.added").on("portal_schedule", id)
				.change(null, day + " " + t + " " + c));
			return id;
		});
	}

	public void removeSchedule(OfficialPrincipal me, long id) {
		requireEditor(me);
		tx.executeWithoutResult(s -> {
			int n = jdbc.sql("delete from portal_schedule where id = ? and unit_code = ?").params(id, me.unitCode()).update();
			if (n == 0) {
				throw new PortalException("id", "Không có mục lịch này.");
			}
			// Deleting leaves no newer updated_at: touch a remaining row so public caches revalidate.
			jdbc.sql("update portal_schedule set updated_at = now() where id = (select max(id) from portal_schedule where unit_code = ?)")
				.param(me.unitCode()).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.schedule.removed").on("portal_schedule", id));
		});
	}

	// ---- contacts -----------------------------------------------------------------------------

	/** Contacts for the public page: a phone not marked public is never returned. */
	public List<Contact> publicContacts(String unitCode) {
		return asUnit(unitCode, () -> contacts(unitCode).stream()
			.map(c -> c.phonePublic() ? c : new Contact(c.id(), c.position(), c.name(), c.title(), "", false, c.email())).toList());
	}

	public List<Contact> contactsForEditor(OfficialPrincipal me) {
		return tx.execute(s -> contacts(me.unitCode()));
	}

	private List<Contact> contacts(String unitCode) {
		return jdbc.sql("select id, position, name, title, phone, phone_public, email from portal_contact where unit_code = ? order by position, id")
			.param(unitCode)
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getBoolean(6), rs.getString(7)))
			.list();
	}

	public long addContact(OfficialPrincipal me, int position, String name, String title, String phone, boolean phonePublic, String email) {
		if (!me.has(Role.ADMIN) && !me.has(Role.LEADER)) {
			throw new PortalException("name", "Chỉ quản trị hoặc lãnh đạo xã sửa danh bạ.");
		}
		var n = clean(name);
		if (n.isEmpty() || n.length() > 120) {
			throw new PortalException("name", "Hãy ghi họ tên (tối đa 120 ký tự).");
		}
		var t = clean(title);
		if (t.isEmpty() || t.length() > 160) {
			throw new PortalException("title", "Hãy ghi chức vụ (tối đa 160 ký tự).");
		}
		var p = clean(phone).replaceAll("[ .-]", "");
		if (!p.isEmpty()) {
			p = p.startsWith("+84") ? "0" + p.substring(3) : p;
			if (!p.matches("0[0-9]{9,10}")) {
				throw new PortalException("phone", "Số điện thoại chưa đúng, ví dụ 0229 3868 123 hoặc 0912 345 678.");
			}
		}
		var e = clean(email);
		if (!e.isEmpty() && (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw new PortalException("email", "Thư điện tử chưa đúng, ví dụ vanphong@yenmo.ninhbinh.gov.vn.");
		}
		if (position < 0 || position > 999) {
			throw new PortalException("position", "Thứ tự từ 0 đến 999.");
		}
		var phoneValue = p;
		return tx.execute(s -> {
			long id = jdbc.sql("""
					insert into portal_contact (unit_code, position, name, title, phone, phone_public, email)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(me.unitCode(), position, n, t, phoneValue, phonePublic && !phoneValue.isEmpty(), e).query(Long.class).single();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.contact.added").on("portal_contact", id)
				.change(null, n + ", " + t + (phoneValue.isEmpty() ? "" : ", " + PersonalData.maskPhone(phoneValue))));
			return id;
		});
	}

	public void removeContact(OfficialPrincipal me, long id) {
		if (!me.has(Role.ADMIN) && !me.has(Role.LEADER)) {
			throw new PortalException("name", "Chỉ quản trị hoặc lãnh đạo xã sửa danh bạ.");
		}
		tx.executeWithoutResult(s -> {
			int n = jdbc.sql("delete from portal_contact where id = ? and unit_code = ?").params(id, me.unitCode()).update();
			if (n == 0) {
				throw new PortalException("id", "Không có người này trong danh bạ.");
			}
			jdbc.sql("update portal_contact set updated_at = now() where id = (select max(id) from portal_contact where unit_code = ?)")
				.param(me.unitCode()).update();
			audit.record(AuditEvent.of(me.unitCode(), me.username(), "portal.contact.removed").on("portal_contact", id));
		});
	}

	// ---- the citizen's place ------------------------------------------------------------------

	public Optional<Place> placeOf(long citizenId) {
		return tx.execute(s -> jdbc.sql("select unit_code, village_id from citizen_place where citizen_id = ?").param(citizenId)
			.query((rs, n) -> {
				long v = rs.getLong(2);
				return new Place(rs.getString(1), rs.wasNull() ? null : v);
			}).optional());
	}

	/** The citizen chooses their commune and (optionally) village; both are checked to exist and belong together. */
	public void choosePlace(long citizenId, String unitCode, @Nullable Long villageId) {
		if (!unitCode.matches("[0-9]{5}") || !units.isCommune(unitCode)) {
			throw new PortalException("unit", "Hãy chọn xã, phường của bạn.");
		}
		if (villageId != null && villages.list(unitCode).stream().noneMatch(v -> v.id() == villageId && v.active())) {
			throw new PortalException("village", "Thôn đã chọn không thuộc xã này.");
		}
		// The audit entry joins the commune's chain, so the write runs in that commune's scope.
		Tenancy.runAs(UnitScope.of(unitCode), () -> tx.executeWithoutResult(s -> {
			jdbc.sql("""
					insert into citizen_place (citizen_id, unit_code, village_id) values (?, ?, ?)
					on conflict (citizen_id) do update set unit_code = excluded.unit_code, village_id = excluded.village_id, updated_at = now()""")
				.params(citizenId, unitCode, villageId).update();
			audit.record(AuditEvent.of(unitCode, "citizen:" + citizenId, "portal.citizen.place").on("citizen", citizenId)
				.change(null, unitCode + (villageId == null ? "" : " / " + villageId)));
		}));
	}

	// ---- helpers ------------------------------------------------------------------------------

	private static void requireEditor(OfficialPrincipal me) {
		if (!me.has(Role.LEADER) && !me.has(Role.SPECIALIST) && !me.has(Role.ADMIN)) {
			throw new PortalException("content", "Chỉ lãnh đạo, công chức chuyên môn hoặc quản trị sửa lịch công tác.");
		}
	}

	private static String clean(@Nullable String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
	}

	private <T> T asUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}
}
