package vn.xaso.portal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One post of a commune's portal: a news item, a notice or a legal dissemination article.
 *
 * @param villageIds the villages a notice is for; empty means the whole commune
 * @param channels where it is announced besides the portal: WEB_PUSH, ZALO, EMAIL, SMS, RADIO
 * @param broadcastId the loudspeaker broadcast reading it aloud, once the radio made one
 */
public record Post(long id, String unitCode, String kind, String category, String title, String summary, String body,
		String status, @Nullable Instant publishAt, List<Long> villageIds, Set<String> channels, boolean urgent,
		@Nullable Instant announcedAt, String announceNote, @Nullable Long broadcastId, String createdBy,
		@Nullable String approvedBy, Instant updatedAt) {

	public static final List<String> KINDS = List.of("notice", "news", "law");
	/** The channels besides the portal, in the order the form shows them. */
	public static final List<String> CHANNELS = List.of("WEB_PUSH", "ZALO", "EMAIL", "SMS", "RADIO");

	public boolean published() {
		return "published".equals(status);
	}

	/** Published and its time has come. */
	public boolean visibleAt(Instant now) {
		return published() && publishAt != null && !publishAt.isAfter(now);
	}

	public boolean editable() {
		return "draft".equals(status) || "submitted".equals(status);
	}

	public boolean forVillage(@Nullable Long villageId) {
		return villageId != null && villageIds.contains(villageId);
	}
}
