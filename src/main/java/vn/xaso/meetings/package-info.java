/**
 * Paperless meetings (phòng họp không giấy): meetings of the commune (people's committee, council session, party
 * committee, village meeting) with remote rooms in the village cultural houses (a video link stored and shown),
 * chair, secretary and invitees; the invitation as a Giấy mời numbered and signed through the documents module's own
 * path (drafted, signed by a leader, released by the clerk) and then through notify; replies, check-in by each
 * invitee's QR or by the secretary, the quorum; agenda items with PDFs; speakers in turn with a time limit and their
 * opinions; votes per item (open or secret, simple or two-thirds majority, one ballot per member, results frozen and
 * audited); minutes drafted from the record, completed by the secretary, signed by the chair and the secretary and
 * sent to the invitees; tasks from the conclusions or given directly by a leader (a team, a priority, a document),
 * with "my tasks", progress reports with photos, reminders once each, the organisers' overview and the tasks-on-time
 * counters for insights.
 * API: {@link vn.xaso.meetings.Meetings}. Events: {@link vn.xaso.meetings.MeetingScheduled},
 * {@link vn.xaso.meetings.InvitationsSent}, {@link vn.xaso.meetings.MeetingOpened},
 * {@link vn.xaso.meetings.MeetingClosed}, {@link vn.xaso.meetings.VoteClosed},
 * {@link vn.xaso.meetings.MinutesSigned}, {@link vn.xaso.meetings.TaskAssigned},
 * {@link vn.xaso.meetings.TaskCompleted}. docs/modules/meetings.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "audit", "notify",
		"documents", "signing", "calendar", "units", "platform", "platform :: web", "platform :: tenancy", "platform :: render",
		"platform :: metrics" })
package vn.xaso.meetings;
