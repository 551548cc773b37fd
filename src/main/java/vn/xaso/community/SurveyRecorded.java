package vn.xaso.community;

import java.time.LocalDate;

/** A digital-adoption survey of a household was recorded (surveys are appended, never overwritten). */
public record SurveyRecorded(String unitCode, long surveyId, long householdId, LocalDate surveyedOn, boolean smartphone,
		boolean ePayment, boolean vneidLevel2, boolean usesApp) {
}
