package vn.xaso.health.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.health.internal.HealthViews.Appointment;
import vn.xaso.health.internal.HealthViews.Reminder;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.Citizens;
import vn.xaso.school.SchoolParents;

/**
 * What the health station has for one signed-in citizen: the vaccination and screening reminders sent to their
 * verified phone (campaigns still to come, where they have not been recorded as come), their appointments, their
 * answered questions — for their page and their home's "news for you" — and the communes whose station they deal
 * with (earlier questions and appointments, their children's schools), to ask or book there in one tap.
 */
@Service
public class CitizenHealth {

	/** What waits for the citizen: answered questions (ids, newest first), reminders, appointments to come. */
	public record Waiting(List<Long> answered, int reminders, int appointments) {
	}

	private final QuestionTable questions;
	private final CampaignTable campaigns;
	private final AppointmentTable appointments;
	private final Citizens citizens;
	private final SchoolParents parents;
	private final HealthWork work;

	CitizenHealth(QuestionTable questions, CampaignTable campaigns, AppointmentTable appointments, Citizens citizens, SchoolParents parents,
			HealthWork work) {
		this.questions = questions;
		this.campaigns = campaigns;
		this.appointments = appointments;
		this.citizens = citizens;
		this.parents = parents;
		this.work = work;
	}

	public List<Reminder> reminders(CitizenPrincipal citizen) {
		var phone = citizens.verifiedPhone(citizen.id());
		return phone.isEmpty() ? List.of() : work.asCitizen(() -> campaigns.remindersFor(phone.get(), today().minusDays(7)));
	}

	public Waiting waiting(CitizenPrincipal citizen) {
		var phone = citizens.verifiedPhone(citizen.id());
		var today = today();
		return work.asCitizen(() -> new Waiting(questions.answeredIds(citizen.id()),
				phone.map(p -> campaigns.remindersFor(p, today.minusDays(7)).size()).orElse(0),
				(int) appointments.mine(citizen.id(), today).stream().filter(Appointment::booked).count()));
	}

	/** Codes of the communes whose station the citizen deals with, the most likely first. */
	public List<String> communes(CitizenPrincipal citizen) {
		var codes = new LinkedHashSet<String>();
		work.asCitizen(() -> {
			codes.addAll(questions.communesOf(citizen.id()));
			codes.addAll(appointments.communesOf(citizen.id()));
			return null;
		});
		citizens.verifiedPhone(citizen.id()).ifPresent(phone -> codes.addAll(parents.communesOfParent(phone)));
		return List.copyOf(codes);
	}

	private LocalDate today() {
		return work.today();
	}
}
