package vn.xaso.health.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.xaso.community.CommunityPeople;
import vn.xaso.health.CampaignReminded;
import vn.xaso.health.HealthException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;
import vn.xaso.platform.PersonalData;
import vn.xaso.school.SchoolParents;

/**
 * Vaccination and screening campaigns of the station: who to remind comes from a list of phones and, for the target
 * years of birth, either the parents of the commune's pupils (school module) or the people of the commune's households
 * (community module: those whose household phone has a citizen account are reminded, the others go on a printed list
 * for the village heads); reminders go by text message through notify, once per phone and campaign (a second round
 * queues nothing new); the doctor records who came. Creating the same campaign twice within two minutes (a double
 * submit) opens the first.
 */
@Service
public class RunningCampaigns {

	/** {@code source}: where the years of birth are looked up, "school" (pupils' parents) or "households". */
	public record NewCampaign(String name, String place, String startsOn, String phones, String fromYear, String toYear, String source) {

		public NewCampaign(String name, String place, String startsOn, String phones, String fromYear, String toYear) {
			this(name, place, startsOn, phones, fromYear, toYear, "school");
		}
	}

	public record Page(HealthViews.Campaign campaign, List<HealthViews.Person> people) {
	}

	private final CampaignTable campaigns;
	private final SchoolParents parents;
	private final CommunityPeople community;
	private final ApplicationEventPublisher events;
	private final HealthMetrics metrics;
	private final HealthWork work;

	RunningCampaigns(CampaignTable campaigns, SchoolParents parents, CommunityPeople community, ApplicationEventPublisher events,
			HealthMetrics metrics, HealthWork work) {
		this.campaigns = campaigns;
		this.parents = parents;
		this.community = community;
		this.events = events;
		this.metrics = metrics;
		this.work = work;
	}

	public List<HealthViews.Campaign> all(OfficialPrincipal doctor) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> campaigns.all(doctor.unitCode()));
	}

	public Page page(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> new Page(find(doctor, id), campaigns.people(id)));
	}

	HealthViews.Campaign find(OfficialPrincipal doctor, long id) {
		return campaigns.find(doctor.unitCode(), id).orElseThrow(() -> new HealthException(null, "health.error.noCampaign"));
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
		var households = "households".equals(in.source());
		if (!households && !"school".equals(in.source())) {
			throw new HealthException("source", "health.error.source");
		}
		var years = years(in.fromYear(), in.toYear(), households);
		List<CommunityPeople.Person> people = List.of();
		if (years != null && households) {
			people = community.membersBornBetween(doctor.unitCode(), years[0], years[1]);
		}
		else if (years != null) {
			phones.addAll(parents.parentPhones(doctor.unitCode(), years[0], years[1]));
		}
		if (phones.isEmpty() && people.isEmpty()) {
			throw new HealthException(households ? "fromYear" : "phones", households ? "health.error.nobodyBorn" : "health.error.nobody");
		}
		if (phones.size() + people.size() > 5000) {
			throw new HealthException("phones", "health.error.tooMany");
		}
		var found = people;
		return work.inTx(() -> {
			if (campaigns.nameTaken(doctor.unitCode(), name)) {
				return campaigns.createdJustNow(doctor.unitCode(), name, doctor.username(), work.now().minusSeconds(120))
					.orElseThrow(() -> new HealthException("name", "health.error.campaignTaken"));
			}
			long id = campaigns.insert(doctor.unitCode(), name, place, startsOn, doctor.username());
			int added = campaigns.addPhones(doctor.unitCode(), id, phones) + campaigns.addPeople(doctor.unitCode(), id, found);
			metrics.campaign(doctor.unitCode(), startsOn, added, 0);
			work.audit(doctor.unitCode(), doctor.username(), "health.campaign.created", "campaign", id, name + " " + added);
			return id;
		});
	}

	/** The years typed, checked; null when both are blank (refused when the list must come from the households). */
	static int @Nullable [] years(@Nullable String fromYear, @Nullable String toYear, boolean required) {
		var from = year(fromYear);
		var to = year(toYear);
		if ((from == null) != (to == null) || from != null && (from > to || from < 1900 || to > 2100) || required && from == null) {
			throw new HealthException("fromYear", "health.error.years");
		}
		return from == null ? null : new int[] { from, to };
	}

	/** Queues one text message per phone of the list (repeats of a phone and campaign are not sent again). */
	public int remind(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> {
			if (!campaigns.lock(doctor.unitCode(), id)) {
				throw new HealthException(null, "health.error.noCampaign");
			}
			var c = campaigns.find(doctor.unitCode(), id).orElseThrow();
			var phones = new LinkedHashSet<String>();
			int people = 0;
			for (var p : campaigns.people(id)) {
				if (p.phone() != null) {
					phones.add(p.phone());
					people++;
				}
			}
			var params = Map.of("name", c.name(), "place", c.place(), "date", c.startsOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
			for (var phone : phones) {
				events.publishEvent(new Notice(c.unitCode(), Recipient.person(phone, null, null), "health.notice.campaign", params,
						"health-campaign-" + id + "-" + phone, null));
			}
			campaigns.reminded(id, work.now());
			work.audit(c.unitCode(), doctor.username(), "health.campaign.reminded", "campaign", id, String.valueOf(phones.size()));
			work.publish(new CampaignReminded(c.unitCode(), id, people));
			return people;
		});
	}

	/** Records that the person with this phone came (the typed list's way). */
	public void attended(OfficialPrincipal doctor, long id, String phone) {
		AnsweringQuestions.check(doctor);
		var normalised = PersonalData.normalisePhone(phone == null ? "" : phone.strip());
		work.inTx(() -> {
			var c = find(doctor, id);
			if (normalised == null || !campaigns.attended(id, normalised, work.now())) {
				throw new HealthException("phone", "health.error.notOnList");
			}
			metrics.campaign(c.unitCode(), c.startsOn(), 0, 1);
			work.audit(doctor.unitCode(), doctor.username(), "health.campaign.attended", "campaign", id, PersonalData.maskPhone(normalised));
			return null;
		});
	}

	private static @Nullable Integer year(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip().matches("[0-9]{4}") ? Integer.valueOf(s.strip()) : -1;
	}
}
