package vn.xaso.health.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.community.CommunityPeople;
import vn.xaso.health.HealthException;
import vn.xaso.identity.OfficialPrincipal;

/**
 * A campaign's people beyond the typed list: "take the list from the households" (the community module's people born
 * in the target years; taking it again adds only those not on the list yet), each person marked came or not yet, and
 * the printed list of those without a reachable phone, by village, for the village heads. Every change is counted for
 * the insights (people on the list, people who came).
 */
@Service
public class CampaignPeople {

	/** The printed list: the campaign and its people without a phone, by village and household. */
	public record PrintList(HealthViews.Campaign campaign, List<HealthViews.Person> people) {
	}

	private final CampaignTable campaigns;
	private final RunningCampaigns running;
	private final CommunityPeople community;
	private final HealthMetrics metrics;
	private final HealthWork work;

	/** The households' people come through community's published API only. */
	CampaignPeople(CampaignTable campaigns, RunningCampaigns running, CommunityPeople community, HealthMetrics metrics, HealthWork work) {
		this.campaigns = campaigns;
		this.running = running;
		this.community = community;
		this.metrics = metrics;
		this.work = work;
	}

	/** Adds the households' people born from {@code fromYear} to {@code toYear}; how many were new on the list. */
	public int fromHouseholds(OfficialPrincipal doctor, long id, @Nullable String fromYear, @Nullable String toYear) {
		AnsweringQuestions.check(doctor);
		work.inTx(() -> running.find(doctor, id));
		var years = RunningCampaigns.years(fromYear, toYear, true);
		var people = community.membersBornBetween(doctor.unitCode(), years[0], years[1]);
		if (people.isEmpty()) {
			throw new HealthException("fromYear", "health.error.nobodyBorn");
		}
		return work.inTx(() -> {
			if (!campaigns.lock(doctor.unitCode(), id)) {
				throw new HealthException(null, "health.error.noCampaign");
			}
			var c = running.find(doctor, id);
			if (c.people() + people.size() > 5000) {
				throw new HealthException("fromYear", "health.error.tooMany");
			}
			int added = campaigns.addPeople(c.unitCode(), id, people);
			metrics.campaign(c.unitCode(), c.startsOn(), added, 0);
			work.audit(c.unitCode(), doctor.username(), "health.campaign.households", "campaign", id, years[0] + "-" + years[1] + " +" + added);
			return added;
		});
	}

	/** Marks one person of the list as came ({@code "yes"}) or not yet ({@code "no"}); the same mark again changes nothing. */
	public void mark(OfficialPrincipal doctor, long id, long personId, @Nullable String came) {
		AnsweringQuestions.check(doctor);
		if (!"yes".equals(came) && !"no".equals(came)) {
			throw new HealthException("came", "health.error.cameChoice");
		}
		boolean yes = "yes".equals(came);
		work.inTx(() -> {
			var c = running.find(doctor, id);
			if (!campaigns.hasPerson(id, personId)) {
				throw new HealthException(null, "health.error.noPerson");
			}
			if (campaigns.markPerson(id, personId, yes, work.now())) {
				metrics.campaign(c.unitCode(), c.startsOn(), 0, yes ? 1 : -1);
				work.audit(c.unitCode(), doctor.username(), "health.campaign.marked", "campaign", id, personId + (yes ? " came" : " not yet"));
			}
			return null;
		});
	}

	public PrintList printList(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> new PrintList(running.find(doctor, id), campaigns.withoutPhone(id)));
	}
}
