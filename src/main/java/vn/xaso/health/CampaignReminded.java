package vn.xaso.health;

/** The reminders of a vaccination campaign were queued, one per person of its list. */
public record CampaignReminded(String unitCode, long campaignId, int people) {
}
