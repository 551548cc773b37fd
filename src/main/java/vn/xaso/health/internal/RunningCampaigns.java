package vn.xaso.health.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.xaso.health.CampaignReminded;
import vn.xaso.health.HealthException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;
import vn.xaso.notify.Recipient;
import vn.xaso.platform.PersonalData;
import vn.xaso.school.SchoolParents;

/**
 * Vaccination and screening campaigns of the station: who to remind comes from a list of phones and/or the parents of
 * the commune's pupils born in the target years (school module); reminders go by text message through notify, once
 * per person and campaign (a second round queues nothing new); the doctor records who came.
 */
@Service
public class RunningCampaigns {

	public record NewCampaign(String name, String place, String startsOn, String phones, String fromYear, String toYear) {
	}

	public record Page(HealthViews.Campaign campaign, List<HealthViews.Person> people) {
	}

	private final CampaignTable campaigns;
	private final SchoolParents parents;
	private final Notifications notifications;
	private final HealthWork work;

	RunningCampaigns(CampaignTable campaigns, SchoolParents parents, Notifications notifications, HealthWork work) {
		this.campaigns = campaigns;
		this.parents = parents;
		this.notifications = notifications;
		this.work = work;
	}

	public List<HealthViews.Campaign> all(OfficialPrincipal doctor) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> campaigns.all(doctor.unitCode()));
	}

	public Page page(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> {
			var c = campaigns.find(doctor.unitCode(), id).orElseThrow(() -> new HealthException(null, "health.error.noCampaign"));
			return new Page(c, campaigns.people(id));
		});
	}

	public long create(OfficialPrincipal doctor, NewCampaign in) {
		AnsweringQuestions.check(doctor);
		var name = AskingTheDoctor.text(in.name());
		if (name.length() < 3 || name.length() > 150) {
			throw new HealthException("name", "health.error.campaignName");
		}
		var place = AskingTheDoctor.text(in.place());
		if (place.length() < 2 || place.length() > 200) {
			throw new HealthException("place", "health.error.place");
		}
		LocalDate startsOn;
		try {
			startsOn = LocalDate.parse(in.startsOn() == null ? "" : in.startsOn().strip());
		}
		catch (DateTimeParseException e) {
			throw new HealthException("startsOn", "health.error.startsOn");
		}
		var phones = new LinkedHashSet<String>();
		for (var line : (in.phones() == null ? "" : in.phones()).split("[\\r\\n,;]+")) {
			if (line.isBlank()) {
				continue;
			}
			var phone = PersonalData.normalisePhone(line.strip());
			if (phone == null || !phone.matches("0[0-9]{9}")) {
				throw new HealthException("phones", "health.error.phoneList", line.strip());
			}
			phones.add(phone);
		}
		var from = year(in.fromYear());
		var to = year(in.toYear());
		if ((from == null) != (to == null) || from != null && (from > to || from < 1900 || to > 2100)) {
			throw new HealthException("fromYear", "health.error.years");
		}
		if (from != null) {
			phones.addAll(parents.parentPhones(doctor.unitCode(), from, to));
		}
		if (phones.isEmpty()) {
			throw new HealthException("phones", "health.error.nobody");
		}
		if (phones.size() > 5000) {
			throw new HealthException("phones", "health.error.tooMany");
		}
		return work.inTx(() -> {
			if (campaigns.nameTaken(doctor.unitCode(), name)) {
				throw new HealthException("name", "health.error.campaignTaken");
			}
			long id = campaigns.insert(doctor.unitCode(), name, place, startsOn, doctor.username(), phones);
			work.audit(doctor.unitCode(), doctor.username(), "health.campaign.created", "campaign", id, name + " " + phones.size());
			return id;
		});
	}

	/** Queues one text message per person of the list (repeats of a person and campaign are not sent again). */
	public int remind(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> {
			if (!campaigns.lock(doctor.unitCode(), id)) {
				throw new HealthException(null, "health.error.noCampaign");
			}
			var c = campaigns.find(doctor.unitCode(), id).orElseThrow();
			var people = campaigns.people(id);
			var params = Map.of("name", c.name(), "place", c.place(), "date", c.startsOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
			for (var p : people) {
				notifications.send(new Notice(c.unitCode(), Recipient.person(p.phone(), null, null), "health.notice.campaign", params,
						"health-campaign-" + id + "-" + p.phone(), null));
			}
			campaigns.reminded(id, work.now());
			work.audit(c.unitCode(), doctor.username(), "health.campaign.reminded", "campaign", id, String.valueOf(people.size()));
			work.publish(new CampaignReminded(c.unitCode(), id, people.size()));
			return people.size();
		});
	}

	public void attended(OfficialPrincipal doctor, long id, String phone) {
		AnsweringQuestions.check(doctor);
		var normalised = PersonalData.normalisePhone(phone == null ? "" : phone.strip());
		work.inTx(() -> {
			campaigns.find(doctor.unitCode(), id).orElseThrow(() -> new HealthException(null, "health.error.noCampaign"));
			if (normalised == null || !campaigns.attended(id, normalised, work.now())) {
				throw new HealthException("phone", "health.error.notOnList");
			}
			work.audit(doctor.unitCode(), doctor.username(), "health.campaign.attended", "campaign", id, PersonalData.maskPhone(normalised));
			return null;
		});
	}

	private static @org.jspecify.annotations.Nullable Integer year(@org.jspecify.annotations.Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip().matches("[0-9]{4}") ? Integer.valueOf(s.strip()) : -1;
	}
}
