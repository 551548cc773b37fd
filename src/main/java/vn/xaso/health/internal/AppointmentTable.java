package vn.xaso.health.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.health.internal.HealthViews.Appointment;
import vn.xaso.health.internal.HealthViews.Slot;

/**
 * The only SQL of health_slot and health_appointment. A citizen's statements name their citizen id; a doctor's
 * name their commune (and row-level security holds every statement to the scope).
 */
@Component
class AppointmentTable {

	private static final String SLOT = """
			select s.*, (select count(*) from health_appointment a where a.slot_id = s.id and a.status = 'BOOKED') as booked
			from health_slot s""";

	private static final String APPOINTMENT = """
			select a.*, s.day, s.session from health_appointment a join health_slot s on s.id = a.slot_id""";

	private final JdbcClient jdbc;

	AppointmentTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the slot's capacity, creating it if new; returns its id. */
	long setSlot(String unitCode, LocalDate day, String session, int capacity, String by) {
		return jdbc.sql("""
				insert into health_slot (unit_code, day, session, capacity, set_by) values (?, ?, ?, ?, ?)
				on conflict (unit_code, day, session) do update set capacity = excluded.capacity, set_by = excluded.set_by, set_at = now()
				returning id""").params(unitCode, Date.valueOf(day), session, capacity, by).query(Long.class).single();
	}

	/** The slot, locked (one booking or capacity change at a time). */
	Optional<Slot> lockSlot(String unitCode, LocalDate day, String session) {
		return jdbc.sql("select id from health_slot where unit_code = ? and day = ? and session = ? for update")
			.params(unitCode, Date.valueOf(day), session).query(Long.class).optional().flatMap(this::slot);
	}

	Optional<Slot> lockSlot(long id) {
		return jdbc.sql("select id from health_slot where id = ? for update").param(id).query(Long.class).optional().flatMap(this::slot);
	}

	Optional<Slot> slot(long id) {
		return jdbc.sql(SLOT + " where s.id = ?").param(id).query(AppointmentTable::slotRow).optional();
	}

	/** The station's slots from {@code from} to {@code to} (both included), in order. */
	List<Slot> slots(String unitCode, LocalDate from, LocalDate to) {
		return jdbc.sql(SLOT + " where s.unit_code = ? and s.day between ? and ? order by s.day, s.session desc")
			.params(unitCode, Date.valueOf(from), Date.valueOf(to)).query(AppointmentTable::slotRow).list();
	}

	long insert(Slot slot, long citizenId, String citizenName, @Nullable String phone, String reason) {
		return jdbc.sql("""
				insert into health_appointment (unit_code, slot_id, citizen_id, citizen_name, phone, reason, status)
				values (?, ?, ?, ?, ?, ?, 'BOOKED') returning id""")
			.params(slot.unitCode(), slot.id(), citizenId, citizenName, phone, reason).query(Long.class).single();
	}

	/** The citizen's booked appointment in this slot, if any. */
	Optional<Appointment> bookedIn(long slotId, long citizenId) {
		return jdbc.sql(APPOINTMENT + " where a.slot_id = ? and a.citizen_id = ? and a.status = 'BOOKED'").params(slotId, citizenId)
			.query(AppointmentTable::appointmentRow).optional();
	}

	Optional<Appointment> lockMine(long id, long citizenId) {
		return jdbc.sql(APPOINTMENT + " where a.id = ? and a.citizen_id = ? for update of a").params(id, citizenId)
			.query(AppointmentTable::appointmentRow).optional();
	}

	void cancel(long id, Instant at) {
		jdbc.sql("update health_appointment set status = 'CANCELLED', cancelled_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	/** The citizen's appointments from {@code since} on, soonest first. */
	List<Appointment> mine(long citizenId, LocalDate since) {
		return jdbc.sql(APPOINTMENT + " where a.citizen_id = ? and s.day >= ? order by s.day, s.session desc, a.id limit 50")
			.params(citizenId, Date.valueOf(since)).query(AppointmentTable::appointmentRow).list();
	}

	/** The station's booked appointments of one day, by session and booking order. */
	List<Appointment> ofDay(String unitCode, LocalDate day) {
		return jdbc.sql(APPOINTMENT + " where a.unit_code = ? and s.day = ? and a.status = 'BOOKED' order by s.session desc, a.id")
			.params(unitCode, Date.valueOf(day)).query(AppointmentTable::appointmentRow).list();
	}

	/** Booked appointments of {@code day} not reminded yet (every commune: the job runs system-wide). */
	List<Appointment> toRemind(LocalDate day, int limit) {
		return jdbc.sql(APPOINTMENT + " where s.day = ? and a.status = 'BOOKED' and a.reminded_at is null order by a.id limit ?")
			.params(Date.valueOf(day), limit).query(AppointmentTable::appointmentRow).list();
	}

	/** The station's booked appointment, locked. */
	Optional<Appointment> lockBooked(String unitCode, long id) {
		return jdbc.sql(APPOINTMENT + " where a.unit_code = ? and a.id = ? and a.status = 'BOOKED' for update of a").params(unitCode, id)
			.query(AppointmentTable::appointmentRow).optional();
	}

	void mark(long id, boolean came, String by, Instant at) {
		jdbc.sql("update health_appointment set came = ?, marked_by = ?, marked_at = ? where id = ?").params(came, by, Timestamp.from(at), id)
			.update();
	}

	void reminded(long id, Instant at) {
		jdbc.sql("update health_appointment set reminded_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	List<String> communesOf(long citizenId) {
		return jdbc.sql("select distinct unit_code from health_appointment where citizen_id = ?").param(citizenId).query(String.class).list();
	}

	private static Slot slotRow(ResultSet rs, int n) throws SQLException {
		return new Slot(rs.getLong("id"), rs.getString("unit_code"), rs.getDate("day").toLocalDate(), rs.getString("session"),
				rs.getInt("capacity"), rs.getInt("booked"));
	}

	private static Appointment appointmentRow(ResultSet rs, int n) throws SQLException {
		return new Appointment(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("slot_id"), rs.getDate("day").toLocalDate(),
				rs.getString("session"), rs.getLong("citizen_id"), rs.getString("citizen_name"), rs.getString("phone"), rs.getString("reason"),
				rs.getString("status"), rs.getTimestamp("booked_at").toInstant(), (Boolean) rs.getObject("came"));
	}
}
