package vn.xaso.health.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.xaso.health.HealthException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.portal.ModulePosts;

/**
 * The station's public notice of a campaign (its round, its day and place): publishing puts it on the commune portal as
 * a notice (portal's {@link ModulePosts}) and on the station's public answers page; withdrawing takes it off both — in
 * one transaction, so the two never disagree. Publishing again updates the post's text.
 */
@Service
public class CampaignNotices {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final CampaignTable campaigns;
	private final RunningCampaigns running;
	private final ModulePosts posts;
	private final MessageSource messages;
	private final HealthWork work;

	/** The portal post is written with the Vietnamese bundle's words, in health's transaction. */
	CampaignNotices(CampaignTable campaigns, RunningCampaigns running, ModulePosts posts, MessageSource messages, HealthWork work) {
		this.campaigns = campaigns;
		this.running = running;
		this.posts = posts;
		this.messages = messages;
		this.work = work;
	}

	public void publish(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		work.inTx(() -> {
			lock(doctor, id);
			var c = running.find(doctor, id);
			var date = c.startsOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
			var notice = new ModulePosts.Notice(t("health.post.category"), c.name() + " – " + date, t("health.post.summary", date, c.place()),
					t("health.post.body", c.name(), date, c.place()));
			long post = posts.publishNotice(c.unitCode(), key(id), notice, doctor.username());
			campaigns.notice(id, work.now(), post);
			work.audit(c.unitCode(), doctor.username(), "health.campaign.noticePublished", "campaign", id, "portal_post " + post);
			return null;
		});
	}

	/** Takes the notice off the portal and the public answers page; false when it was not published. */
	public boolean withdraw(OfficialPrincipal doctor, long id) {
		AnsweringQuestions.check(doctor);
		return work.inTx(() -> {
			lock(doctor, id);
			var c = running.find(doctor, id);
			if (c.noticeAt() == null) {
				return false;
			}
			posts.withdrawNotice(c.unitCode(), key(id), doctor.username());
			campaigns.notice(id, null, null);
			work.audit(c.unitCode(), doctor.username(), "health.campaign.noticeWithdrawn", "campaign", id, "");
			return true;
		});
	}

	private void lock(OfficialPrincipal doctor, long id) {
		if (!campaigns.lock(doctor.unitCode(), id)) {
			throw new HealthException(null, "health.error.noCampaign");
		}
	}

	private static String key(long id) {
		return "health-campaign-" + id;
	}

	/** The post is written in Vietnamese whatever the doctor's page language: it is the commune's public notice. */
	private String t(String key, Object... args) {
		return messages.getMessage(key, args, VIETNAMESE);
	}
}
