package vn.xaso.community.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import vn.xaso.community.Survey;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.platform.web.Form;

/** The digital-adoption survey form. */
record SurveyForm(
		@NotNull(message = "community.error.surveyDate") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate surveyedOn,
		@NotNull(message = "community.error.smartphones") @Min(value = 0, message = "community.error.smartphones") @Max(value = 20, message = "community.error.smartphones") @Nullable Integer smartphones,
		@NotNull(message = "community.error.internet") Survey.@Nullable Internet internet,
		@Nullable Boolean ePayment, @Nullable Boolean vneidLevel2, @Nullable Boolean usesApp, @Nullable Boolean inZaloGroup,
		@NotNull(message = "community.error.barrier") Survey.@Nullable Barrier mainBarrier) {

	RecordingSurvey.Answers answers() {
		return new RecordingSurvey.Answers(surveyedOn, smartphones, internet, yes(ePayment), yes(vneidLevel2), yes(usesApp),
				yes(inZaloGroup), mainBarrier);
	}

	Form toForm() {
		return Form.empty().value("surveyedOn", surveyedOn == null ? null : surveyedOn.toString())
			.value("smartphones", smartphones == null ? null : smartphones.toString())
			.value("internet", internet == null ? null : internet.name())
			.value("mainBarrier", mainBarrier == null ? null : mainBarrier.name())
			.value("ePayment", yes(ePayment) ? "true" : null).value("vneidLevel2", yes(vneidLevel2) ? "true" : null)
			.value("usesApp", yes(usesApp) ? "true" : null).value("inZaloGroup", yes(inZaloGroup) ? "true" : null);
	}

	private static boolean yes(@Nullable Boolean b) {
		return Boolean.TRUE.equals(b);
	}
}
