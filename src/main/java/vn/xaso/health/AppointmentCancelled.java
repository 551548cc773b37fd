package vn.xaso.health;

import java.time.LocalDate;

/** A citizen cancelled their appointment of {@code day}. */
public record AppointmentCancelled(String unitCode, long appointmentId, LocalDate day) {
}
