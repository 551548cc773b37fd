package vn.xaso.community.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.community.internal.PlanningTrainings;

/**
 * One touch point as its page shows it: village name (null: the whole commune), hours, coordinates as written,
 * {@code plusCode} null without coordinates (or outside Vietnam), and its next trainings.
 */
public record TouchPointLine(long id, String name, @Nullable String villageName, String hours, @Nullable String lat,
		@Nullable String lon, @Nullable String plusCode, List<PlanningTrainings.Training> coming) {
}
