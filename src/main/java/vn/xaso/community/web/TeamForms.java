package vn.xaso.community.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.web.Form;

/** The typed forms of the team pages. */
final class TeamForms {

	private TeamForms() {
	}

	/** A new team: its name and, for a village-level team, the village. */
	record NewTeam(@NotBlank(message = "community.error.teamName") @Size(max = 100, message = "community.error.teamName") @Nullable String name,
			@Nullable Long villageId) {

		Form toForm() {
			return Form.empty().value("name", name).value("villageId", villageId == null ? null : villageId.toString());
		}
	}

	/** A new member: the account to open (username, name, phone) and whether they lead the team. */
	record NewMember(@NotBlank(message = "community.error.username") @Size(max = 40, message = "community.error.username") @Nullable String username,
			@NotBlank(message = "community.error.memberName") @Size(max = 100, message = "community.error.memberName") @Nullable String fullName,
			@Size(max = 20, message = "community.error.phone") @Nullable String phone, @Nullable Boolean leader) {

		Form toForm() {
			return Form.empty().value("username", username).value("fullName", fullName).value("phone", phone)
				.value("leader", Boolean.TRUE.equals(leader) ? "true" : null);
		}
	}

	/** Households given to a member. */
	record Assignment(@NotNull(message = "community.error.noMember") @Nullable Long memberId,
			@NotEmpty(message = "community.error.noHouseholdsChosen") @Nullable List<Long> householdIds) {
	}
}
