package vn.xaso.school;

import java.time.LocalDate;

/** The teacher marked a pupil absent for a school day (not before marked absent that day). */
public record PupilMarkedAbsent(String unitCode, long pupilId, LocalDate day) {
}
