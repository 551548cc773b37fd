package vn.xaso.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.xaso.feedback.FeedbackReport;
import vn.xaso.platform.PersonalData;

/**
 * Tells a reporter that their report (or the report theirs was merged into) was answered or closed.
 * The call to the notify module goes in {@link #notifyReporter}: until that module's API is merged,
 * this only writes a log line (phone masked). Anonymous reporters without contact get nothing.
 */
@Component
public class FeedbackNotifier {

	private static final Logger log = LoggerFactory.getLogger(FeedbackNotifier.class);

	/**
	 * @param follower the report whose reporter is told (the kept report itself or a duplicate merged into it)
	 * @param kept the report that was answered or closed
	 * @param template message key prefix in the feedback bundle, e.g. {@code notify.feedback.answered}
	 */
	public void notifyReporter(FeedbackReport follower, FeedbackReport kept, String template) {
		if (follower.citizenId() == null && follower.contactPhone() == null && follower.contactEmail() == null) {
			return;
		}
		// TODO(notify): vn.xaso.notify.Notifications.send(new Notice(kept.unitCode(), new Recipient(follower.citizenId(),
		//   follower.contactEmail(), follower.contactPhone(), follower.contactName()), template, params, dedupeKey, link))
		log.info("Feedback {}: would notify reporter of {} ({}) with {}", kept.code(), follower.code(),
				PersonalData.maskPhone(follower.contactPhone()), template);
	}

	/** The link a notification points to: the report's public page. */
	public static String link(FeedbackReport kept) {
		return "/x/" + kept.unitCode() + "/feedback/" + kept.code();
	}
}
