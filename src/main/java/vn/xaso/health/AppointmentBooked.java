package vn.xaso.health;

import java.time.LocalDate;

/** A citizen booked an appointment at the station of {@code unitCode} for {@code day}. */
public record AppointmentBooked(String unitCode, long appointmentId, LocalDate day) {
}
