package vn.xaso.health.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.xaso.health.AppointmentBooked;
import vn.xaso.health.AppointmentCancelled;
import vn.xaso.health.HealthException;
import vn.xaso.health.internal.HealthViews.Appointment;
import vn.xaso.health.internal.HealthViews.Slot;

/**
 * The appointment aggregate: one slot of the station (a half-day with its capacity), locked while it decides. A
 * citizen books a place while one is free and the day has not passed — booking again finds the first appointment;
 * cancels their own until the day comes — cancelling again changes nothing; a doctor may not set the capacity below
 * the places already booked. A refused step throws with its message and changes nothing.
 */
final class SlotBooking {

	static final List<String> SESSIONS = List.of("MORNING", "AFTERNOON");

	private final Slot slot;
	private final List<Object> events = new ArrayList<>();

	SlotBooking(Slot slot) {
		this.slot = slot;
	}

	/** Whether a new appointment may be made now ({@code existing}: the citizen's appointment there, found again). */
	boolean mayBook(Optional<Appointment> existing, LocalDate today) {
		if (existing.isPresent()) {
			return false;
		}
		if (slot.day().isBefore(today)) {
			throw new HealthException(null, "health.error.slotPast");
		}
		if (slot.free() <= 0) {
			throw new HealthException("slot", "health.error.slotFull");
		}
		return true;
	}

	void booked(long appointmentId) {
		events.add(new AppointmentBooked(slot.unitCode(), appointmentId, slot.day()));
	}

	/** Whether the appointment is to be cancelled now (false: it was cancelled already). */
	boolean mayCancel(Appointment appointment, LocalDate today) {
		if (!appointment.booked()) {
			return false;
		}
		if (slot.day().isBefore(today)) {
			throw new HealthException(null, "health.error.cancelPast");
		}
		events.add(new AppointmentCancelled(slot.unitCode(), appointment.id(), slot.day()));
		return true;
	}

	/** A doctor's new capacity for a slot of today or later: never below the places booked. */
	static void checkCapacity(Slot existing, int capacity) {
		if (capacity < existing.booked()) {
			throw new HealthException("capacity", "health.error.capacityBelowBooked", existing.booked());
		}
	}

	Slot slot() {
		return slot;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
