/**
 * Party-member e-handbook (sổ tay đảng viên): the commune's party organisation (đảng bộ xã) and its cells (chi bộ),
 * members linked to an official's or a citizen's account, each seeing only their own cell; the cell's secretary
 * manages its members, meetings (monthly and thematic sinh hoạt chi bộ) with agenda, PDF materials and attendance;
 * the commune party committee sees every cell and keeps the library of resolutions and directives (searched without
 * diacritics); study materials with each member's read mark; private member notes. Nobody else — administrators
 * included — reads the contents: the module's own checks and row-level security on the party scope.
 * Cells may belong to a village (units' {@code Villages}); members' records (admission, card number…) read by their
 * secretary, the committee and themself, audited; reminders through notify (a published {@code Notice}).
 * API: {@link vn.xaso.party.PartyMembership}. Events: {@link vn.xaso.party.CellCreated}, {@link vn.xaso.party.MemberAdded},
 * {@link vn.xaso.party.CellMeetingScheduled}, {@link vn.xaso.party.AttendanceTaken},
 * {@link vn.xaso.party.PartyDocumentFiled}, {@link vn.xaso.party.StudyMaterialRead}, {@link vn.xaso.party.MemberMoved}. docs/modules/party.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "audit", "notify", "units", "platform", "platform :: web",
		"platform :: tenancy" })
package vn.xaso.party;
