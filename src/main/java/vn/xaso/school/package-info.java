/**
 * School (trường học) — the citizen-facing part of the commune's schools: schools with the account tuition is paid
 * into, classes with their teacher (role TEACHER), pupils with their parent's phone (a citizen signed in with that
 * phone is the parent), the e-contact book (sổ liên lạc điện tử: a teacher's note to one pupil's parent or to the
 * class, the parent's replies; nothing visible to other parents) and tuition paid by VietQR into the school's own
 * account through payments (a bill with a payee), with the receipt and who has not paid (the teacher only).
 * API for other modules: {@link vn.xaso.school.SchoolParents}. Events: {@link vn.xaso.school.NoteWritten},
 * {@link vn.xaso.school.ReplyWritten}, {@link vn.xaso.school.TuitionPaid}, {@link vn.xaso.school.FeeOpened},
 * {@link vn.xaso.school.PupilMarkedAbsent}. A parent confirms the link before the book opens (and may withdraw); daily
 * attendance with a QR card per pupil, term results as entered by the school; counters for insights. docs/modules/school.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "audit", "payments", "notify", "platform", "platform :: metrics",
		"platform :: web", "platform :: tenancy", "platform :: render" })
package vn.xaso.school;
