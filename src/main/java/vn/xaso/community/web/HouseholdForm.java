package vn.xaso.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.platform.web.Form;

/** The new-household form; the household aggregate checks the rest (year range, dates, duplicates). */
record HouseholdForm(
		@NotNull(message = "community.error.village") @Nullable Long villageId,
		@NotBlank(message = "community.error.headName") @Size(max = 100, message = "community.error.headName") @Nullable String headName,
		@NotBlank(message = "community.error.birthYear") @Pattern(regexp = "\\s*[0-9]{4}\\s*", message = "community.error.birthYear") @Nullable String headBirthYear,
		@Pattern(regexp = "\\s*([0-9]{12})?\\s*", message = "community.error.cccd") @Nullable String headCccd,
		@Size(max = 2000, message = "community.error.members") @Nullable String members,
		@Size(max = 20, message = "community.error.phone") @Nullable String phone,
		@NotBlank(message = "community.error.address") @Size(max = 300, message = "community.error.address") @Nullable String address,
		@NotBlank(message = "community.error.consent") @Size(max = 300, message = "community.error.consent") @Nullable String consentWhat,
		@NotBlank(message = "community.error.consentOn") @Nullable String consentOn,
		@Nullable Boolean elderlyAlone, @Nullable Boolean disability, @Nullable Boolean poor) {

	HouseholdEntry.Input input() {
		return new HouseholdEntry.Input(villageId, headName, headBirthYear, headCccd, members, phone, address, consentWhat,
				consentOn, Boolean.TRUE.equals(elderlyAlone), Boolean.TRUE.equals(disability), Boolean.TRUE.equals(poor));
	}

	Form toForm() {
		return Form.empty().value("villageId", villageId == null ? null : villageId.toString()).value("headName", headName)
			.value("headBirthYear", headBirthYear).value("headCccd", headCccd).value("members", members).value("phone", phone)
			.value("address", address).value("consentWhat", consentWhat).value("consentOn", consentOn)
			.value("elderlyAlone", Boolean.TRUE.equals(elderlyAlone) ? "true" : null)
			.value("disability", Boolean.TRUE.equals(disability) ? "true" : null)
			.value("poor", Boolean.TRUE.equals(poor) ? "true" : null);
	}
}
