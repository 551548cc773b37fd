package vn.xaso.community.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import vn.xaso.platform.web.Form;

/** The typed forms of the training and touch-point pages. */
final class TrainingForms {

	private TrainingForms() {
	}

	record NewTouchPoint(@NotBlank(message = "community.error.touchPointName") @Size(max = 100, message = "community.error.touchPointName") @Nullable String name,
			@Nullable Long villageId,
			@NotBlank(message = "community.error.hours") @Size(max = 200, message = "community.error.hours") @Nullable String hours,
			@DecimalMin(value = "-90", message = "community.error.coordinates") @DecimalMax(value = "90", message = "community.error.coordinates") @Nullable BigDecimal latitude,
			@DecimalMin(value = "-180", message = "community.error.coordinates") @DecimalMax(value = "180", message = "community.error.coordinates") @Nullable BigDecimal longitude) {

		Form toForm() {
			return Form.empty().value("name", name).value("villageId", villageId == null ? null : villageId.toString())
				.value("hours", hours).value("latitude", latitude == null ? null : latitude.toPlainString())
				.value("longitude", longitude == null ? null : longitude.toPlainString());
		}
	}

	record NewTraining(@NotBlank(message = "community.error.topic") @Size(max = 200, message = "community.error.topic") @Nullable String topic,
			@NotBlank(message = "community.error.trainer") @Size(max = 100, message = "community.error.trainer") @Nullable String trainer,
			@NotNull(message = "community.error.heldOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
			@Nullable Long touchPointId) {

		Form toForm() {
			return Form.empty().value("topic", topic).value("trainer", trainer)
				.value("heldOn", heldOn == null ? null : heldOn.toString())
				.value("touchPointId", touchPointId == null ? null : touchPointId.toString());
		}
	}

	record Attendance(@NotEmpty(message = "community.error.noHouseholdsChosen") @Nullable List<Long> householdIds) {
	}
}
