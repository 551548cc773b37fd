/**
 * Health (y tế) — the citizen-facing part of the commune's health station: "ask the doctor" (hỏi bác sĩ), a signed-in
 * citizen's private question with follow-ups, answered by the station's doctors (role DOCTOR, one commune each); urgent
 * words show the emergency number 115 at once; answers the citizen allowed to publish form the station's public,
 * searchable answers on the commune site; vaccination reminder campaigns (a list of phones, or the parents of pupils born in the target years, from school) sent through notify, with attendance.
 * API for other modules: {@link vn.xaso.health.HealthFaq}. Events: {@link vn.xaso.health.QuestionAsked},
 * {@link vn.xaso.health.QuestionAnswered}, {@link vn.xaso.health.QuestionClosed},
 * {@link vn.xaso.health.CampaignReminded}. docs/modules/health.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "units", "audit", "notify", "school", "platform",
		"platform :: web", "platform :: tenancy" })
package vn.xaso.health;
