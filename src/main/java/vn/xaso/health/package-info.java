/**
 * Health (y tế) — the citizen-facing part of the commune's health station: "ask the doctor" (hỏi bác sĩ), a signed-in
 * citizen's private question with follow-ups, answered by the station's doctors (role DOCTOR, one commune each); urgent
 * words show the emergency number 115 at once; answers the citizen allowed to publish form the station's public,
 * searchable answers on the commune site; photos with a question (checked by content, never public) and the asker's
 * rating; vaccination reminder campaigns (a list of phones, or the parents of pupils born in the target years, from
 * school, or the people of the commune's households from community) sent through notify, with attendance per person and
 * coverage, a printed list for the village heads, and the campaign's notice on the commune portal (portal's ModulePosts);
 * shown on the citizen's own page; counters for the insights (HealthMetrics); appointments at the station (half-days
 * whose places the doctors set, booking and cancelling, a reminder the day before).
 * API for other modules: {@link vn.xaso.health.HealthFaq}. Events: {@link vn.xaso.health.QuestionAsked},
 * {@link vn.xaso.health.QuestionAnswered}, {@link vn.xaso.health.QuestionClosed}, {@link vn.xaso.health.QuestionRated},
 * {@link vn.xaso.health.CampaignReminded}, {@link vn.xaso.health.AppointmentBooked},
 * {@link vn.xaso.health.AppointmentCancelled}. docs/modules/health.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "units", "audit", "notify", "school", "community", "portal", "platform", "platform :: metrics",
		"platform :: web", "platform :: tenancy", "platform :: render" })
package vn.xaso.health;
