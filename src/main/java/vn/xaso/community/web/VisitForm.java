package vn.xaso.community.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import vn.xaso.community.VisitAction;
import vn.xaso.platform.web.Form;

/** The visit form: when, what was done (checklist), the outcome, an optional follow-up date and the code of a dossier submitted with help. */
record VisitForm(
		@NotNull(message = "community.error.visitedAt") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") @Nullable LocalDateTime visitedAt,
		@NotEmpty(message = "community.error.actions") @Nullable List<VisitAction> actions,
		@NotBlank(message = "community.error.outcome") @Size(max = 1000, message = "community.error.outcome") @Nullable String outcome,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate followUpOn,
		@Size(max = 40, message = "community.error.dossierAction") @Nullable String dossierCode) {

	EnumSet<VisitAction> actionSet() {
		var set = EnumSet.noneOf(VisitAction.class);
		if (actions != null) {
			set.addAll(actions);
		}
		return set;
	}

	Form toForm() {
		return Form.empty().value("visitedAt", visitedAt == null ? null : visitedAt.toString()).value("outcome", outcome)
			.value("followUpOn", followUpOn == null ? null : followUpOn.toString()).value("dossierCode", dossierCode);
	}
}
