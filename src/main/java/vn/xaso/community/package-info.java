/**
 * Digital society in the village (xã hội số): households per village with their consent, dated
 * digital-adoption surveys, community technology teams (Tổ công nghệ số cộng đồng) at commune and
 * village level, their members and the households assigned to them, visits with follow-ups,
 * training sessions and touch points, and the household import (dry run first).
 * Events: {@link vn.xaso.community.HouseholdRegistered}, {@link vn.xaso.community.SurveyRecorded},
 * {@link vn.xaso.community.VisitRecorded}. docs/modules/community.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "units", "audit", "setup",
		"addresses", "dossiers", "platform", "platform :: web", "platform :: tenancy", "platform :: metrics" })
package vn.xaso.community;
