package vn.xaso.health.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.HealthViews.Appointment;
import vn.xaso.health.internal.HealthViews.Slot;
import vn.xaso.identity.OfficialPrincipal;

/**
 * The station's appointment days, for its doctors: how many people each half-day takes (set or changed for today
 * and the next 90 days, never below the places booked) and one day's list of who comes, morning then afternoon.
 */
@Service
public class StationDays {

	static final int MAX_DAYS_AHEAD = 90;

	public record DayView(LocalDate day, List<Slot> upcoming, List<Appointment> appointments) {
	}

	private final AppointmentTable appointments;
	private final HealthWork work;
	private final HealthMetrics metrics;

	StationDays(AppointmentTable appointments, HealthWork work, HealthMetrics metrics) {
		this.metrics = metrics;
		this.appointments = appointments;
		this.work = work;
	}

	/** One day's list ({@code day} as typed; today when blank or not a date) and the coming days' slots. */
	public DayView day(OfficialPrincipal doctor, @Nullable String day) {
		AnsweringQuestions.check(doctor);
		var today = work.today();
		LocalDate chosen;
		try {
			chosen = day == null || day.isBlank() ? today : LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException e) {
			chosen = today;
		}
		var shown = chosen;
		return work.inTx(() -> new DayView(shown, appointments.slots(doctor.unitCode(), today, today.plusDays(BookingAppointments.DAYS_AHEAD)),
				appointments.ofDay(doctor.unitCode(), shown)));
	}

	/** Opens a half-day with {@code capacity} places, or changes it (0 closes it to new bookings). */
	public void setCapacity(OfficialPrincipal doctor, String day, String session, String capacity) {
		AnsweringQuestions.check(doctor);
		var today = work.today();
		LocalDate date;
		try {
			date = LocalDate.parse(day == null ? "" : day.strip());
		}
		catch (DateTimeParseException e) {
			throw new HealthException("day", "health.error.slotDay", MAX_DAYS_AHEAD);
		}
		if (date.isBefore(today) || date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			throw new HealthException("day", "health.error.slotDay", MAX_DAYS_AHEAD);
		}
		if (!SlotBooking.SESSIONS.contains(session)) {
			throw new HealthException("session", "health.error.session");
		}
		var places = capacity == null ? "" : capacity.strip();
		if (!places.matches("[0-9]{1,3}") || Integer.parseInt(places) > 200) {
			throw new HealthException("capacity", "health.error.capacity");
		}
		int n = Integer.parseInt(places);
		work.inTx(() -> {
			appointments.lockSlot(doctor.unitCode(), date, session).ifPresent(existing -> SlotBooking.checkCapacity(existing, n));
			long id = appointments.setSlot(doctor.unitCode(), date, session, n, doctor.username());
			work.audit(doctor.unitCode(), doctor.username(), "health.slot.set", "slot", id, date + " " + session + " " + n);
			return null;
		});
	}

	/**
	 * Marks an appointment of today or an earlier day as came or not come (marking it the same again changes nothing);
	 * its day.
	 */
	public LocalDate mark(OfficialPrincipal doctor, long id, @Nullable String came) {
		AnsweringQuestions.check(doctor);
		if (!"yes".equals(came) && !"no".equals(came)) {
			throw new HealthException("came", "health.error.cameChoice");
		}
		boolean yes = "yes".equals(came);
		return work.inTx(() -> {
			var a = appointments.lockBooked(doctor.unitCode(), id).orElseThrow(() -> new HealthException(null, "health.error.noAppointment"));
			if (a.day().isAfter(work.today())) {
				throw new HealthException("came", "health.error.markLater", a.day());
			}
			boolean before = Boolean.TRUE.equals(a.came());
			if (a.came() == null || a.came() != yes) {
				appointments.mark(id, yes, doctor.username(), work.now());
				work.audit(doctor.unitCode(), doctor.username(), "health.appointment.marked", "appointment", id, yes ? "came" : "no-show");
				if (before != yes) {
					metrics.appointmentCame(a.unitCode(), a.day(), yes ? 1 : -1);
				}
			}
			return a.day();
		});
	}
}
