/**
 * Portal internals: one class per use case ({@link vn.xaso.portal.internal.WritingPosts},
 * {@link vn.xaso.portal.internal.PublishingPost}, {@link vn.xaso.portal.internal.AnnouncingPosts},
 * keeping the schedule, contacts and the citizen's place), the {@code Article} aggregate that guards
 * the editorial workflow, one package-private SQL adapter per table family ({@code PostTable},
 * {@code ScheduleTable}, {@code ContactTable}, {@code PlaceTable}), upload checks, the announcers
 * (notify, radio) and the announcement job.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.portal.internal;
