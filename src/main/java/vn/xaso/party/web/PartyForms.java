package vn.xaso.party.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.party.internal.HoldingCellMeetings;
import vn.xaso.party.internal.KeepingLibrary;
import vn.xaso.party.internal.KeepingRecords;
import vn.xaso.party.internal.OrganisingParty;

/** The party forms, typed; the use cases check the values and refuse with a message per field. */
final class PartyForms {

	private PartyForms() {
	}

	record CellForm(@Nullable String cellName, @Nullable String villageCode) {
	}

	record VillageForm(@Nullable String villageCode) {
	}

	record OrganisationForm(@Nullable String organisation) {
	}

	record RecordForm(@Nullable String admittedOn, @Nullable String officialOn, @Nullable String cardNumber, @Nullable String birthYear,
			@Nullable String phone) {

		KeepingRecords.Input input() {
			return new KeepingRecords.Input(admittedOn, officialOn, cardNumber, birthYear, phone);
		}
	}

	record MoveForm(@Nullable String toCell) {
	}

	record MemberForm(@Nullable String account, @Nullable String fullName, @Nullable String secretary, @Nullable String committee) {

		OrganisingParty.NewMember input() {
			return new OrganisingParty.NewMember(account, fullName, "true".equals(secretary), "true".equals(committee));
		}
	}

	record MeetingForm(@Nullable String kind, @Nullable String title, @Nullable String date, @Nullable String time, @Nullable String place,
			@Nullable String agenda) {

		HoldingCellMeetings.Input input() {
			return new HoldingCellMeetings.Input(kind, title, date, time, place, agenda);
		}
	}

	record MaterialForm(@Nullable String fileTitle) {
	}

	record AttendanceForm(@Nullable String memberId, @Nullable String present, @Nullable String reason) {
	}

	record NoteForm(@Nullable String body) {
	}

	record DocumentForm(@Nullable String kind, @Nullable String number, @Nullable String title, @Nullable String issuedOn,
			@Nullable String summary) {

		KeepingLibrary.Input input() {
			return new KeepingLibrary.Input(kind, number, title, issuedOn, summary);
		}
	}

	record StudyForm(@Nullable String title, @Nullable String scope) {
	}

	record SetUpForm(@Nullable String cellName, @Nullable String account, @Nullable String fullName) {

		OrganisingParty.SetUp input() {
			return new OrganisingParty.SetUp(cellName, account, fullName);
		}
	}

	record SearchQuery(@Nullable String q) {
	}
}
