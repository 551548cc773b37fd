package vn.xaso.health.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.HealthViews.Appointment;
import vn.xaso.health.internal.HealthViews.Slot;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.Citizens;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * A signed-in citizen books a place at a commune's health station for a half-day the doctors opened (the next
 * {@value #DAYS_AHEAD} days), and cancels it until the day comes. Booking the same half-day again finds the first
 * appointment; a full half-day is refused with its message. Only the citizen's own appointments are ever found.
 */
@Service
public class BookingAppointments {

	public static final int DAYS_AHEAD = 14;

	/** The booking form as typed: the chosen slot's id and what the visit is for. */
	public record Book(String slot, String reason) {
	}

	private final AppointmentTable appointments;
	private final Units units;
	private final Citizens citizens;
	private final HealthWork work;

	BookingAppointments(AppointmentTable appointments, Units units, Citizens citizens, HealthWork work) {
		this.appointments = appointments;
		this.units = units;
		this.citizens = citizens;
		this.work = work;
	}

	/** The station's half-days open for booking, today and the next days, with their free places. */
	public List<Slot> open(String communeCode) {
		var commune = commune(communeCode);
		var today = today();
		return work.asUnit(commune.code(), () -> appointments.slots(commune.code(), today, today.plusDays(DAYS_AHEAD)).stream()
			.filter(s -> s.capacity() > 0).toList());
	}

	/** Books a place; returns the appointment's id (the first one when the citizen had booked this half-day already). */
	public long book(CitizenPrincipal citizen, String communeCode, Book in) {
		var commune = commune(communeCode);
		var reason = AskingTheDoctor.text(in.reason());
		if (reason.length() < 3 || reason.length() > 500) {
			throw new HealthException("reason", "health.error.reason");
		}
		var slotId = in.slot() != null && in.slot().strip().matches("[0-9]{1,12}") ? Long.parseLong(in.slot().strip()) : 0L;
		var phone = citizens.verifiedPhone(citizen.id()).orElse(null);
		return work.asUnit(commune.code(), () -> {
			var slot = appointments.lockSlot(slotId).filter(s -> s.unitCode().equals(commune.code()))
				.orElseThrow(() -> new HealthException("slot", "health.error.slotChoice"));
			var booking = new SlotBooking(slot);
			var existing = appointments.bookedIn(slot.id(), citizen.id());
			if (!booking.mayBook(existing, today())) {
				return existing.orElseThrow().id();
			}
			long id = appointments.insert(slot, citizen.id(), citizen.displayName(), phone, reason);
			booking.booked(id);
			work.audit(slot.unitCode(), citizen.getName(), "health.appointment.booked", "appointment", id, slot.day() + " " + slot.session());
			work.publish(booking.events());
			return id;
		});
	}

	/** Cancels the citizen's appointment; cancelling a cancelled one changes nothing. */
	public void cancel(CitizenPrincipal citizen, long id) {
		work.asCitizen(() -> {
			var appointment = appointments.lockMine(id, citizen.id()).orElseThrow(() -> new HealthException(null, "health.error.noAppointment"));
			var booking = new SlotBooking(appointments.slot(appointment.slotId()).orElseThrow());
			if (booking.mayCancel(appointment, today())) {
				appointments.cancel(id, work.now());
				work.audit(appointment.unitCode(), citizen.getName(), "health.appointment.cancelled", "appointment", id, String.valueOf(appointment.day()));
				work.publish(booking.events());
			}
			return null;
		});
	}

	/** The citizen's appointments from today on. */
	public List<Appointment> mine(CitizenPrincipal citizen) {
		return work.asCitizen(() -> appointments.mine(citizen.id(), today()));
	}

	LocalDate today() {
		return work.today();
	}

	Unit commune(String communeCode) {
		return units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new HealthException(null, "health.error.noCommune"));
	}
}
