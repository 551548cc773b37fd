package vn.xaso.feedback.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.feedback.FeedbackReport;
import vn.xaso.notify.Notice;
import vn.xaso.notify.NotifyException;
import vn.xaso.notify.Recipient;
import vn.xaso.platform.PersonalData;

/**
 * Tells a reporter through the notify module that their report (or the report theirs was merged
 * into) was answered or closed. Templates are {@code notify.feedback.answered.*} and
 * {@code notify.feedback.closed.*} in the feedback bundle. A signed-in reporter is reached on their
 * own channels (citizen id); an anonymous reporter only if they left an e-mail address (the notify
 * module uses e-mail alone without a citizen id). Nobody without contact is notified.
 */
@Component
public class FeedbackNotifier {

	private static final Logger log = LoggerFactory.getLogger(FeedbackNotifier.class);

	private final ApplicationEventPublisher events;

	FeedbackNotifier(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * @param follower the report whose reporter is told (the kept report itself or a duplicate merged into it)
	 * @param kept the report that was answered or closed
	 * @param template message key prefix in the feedback bundle, e.g. {@code notify.feedback.answered}
	 */
	public void notifyReporter(FeedbackReport follower, FeedbackReport kept, String template) {
		if (follower.citizenId() == null && follower.contactEmail() == null) {
			return;
		}
		var link = follower.citizenId() != null ? "/citizen/feedback/" + follower.code() : link(kept);
		var when = kept.closedAt() != null && template.endsWith("closed") ? kept.closedAt() : kept.answeredAt();
		var dedupe = "feedback:" + template + ":" + kept.code() + ":" + follower.code() + ":" + (when == null ? 0 : when.toEpochMilli());
		try {
			events.publishEvent(new Notice(kept.unitCode(),
					new Recipient(follower.citizenId(), follower.contactEmail(), follower.contactPhone(), follower.contactName()), template,
					Map.of("code", kept.code(), "category", kept.category().name(), "link", link), dedupe, link));
		}
		catch (NotifyException e) {
			// The answer itself is saved; a message that cannot be queued is logged, not fatal.
			log.warn("Feedback {}: could not notify the reporter of {} ({}): {}", kept.code(), follower.code(),
					PersonalData.maskPhone(follower.contactPhone()), e.getMessage());
		}
	}

	/** The public page of a report. */
	public static String link(FeedbackReport kept) {
		return "/x/" + kept.unitCode() + "/feedback/" + kept.code();
	}
}
