package vn.xaso.community;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.PersonalData;

/** A household's full record (reading it is audited). */
public record Household(long id, String unitCode, long villageId, String villageName, String headName, int headBirthYear,
		@Nullable String headCccd, @Nullable String members, @Nullable String phone, String address, Consent consent,
		Vulnerability vulnerability, @Nullable Long memberId, @Nullable String memberName) {

	/** What the household agreed to be kept, when, and who recorded it. */
	public record Consent(String what, LocalDate on, String recordedBy) {
	}

	public record Vulnerability(boolean elderlyAlone, boolean disability, boolean poor) {

		public boolean any() {
			return elderlyAlone || disability || poor;
		}
	}

	/** One line of a list: CCCD and phone masked. */
	public record Line(long id, String villageName, String headName, int headBirthYear, String maskedCccd,
			String maskedPhone, Vulnerability vulnerability, @Nullable String memberName) {

		public static Line of(long id, String villageName, String headName, int headBirthYear, @Nullable String cccd,
				@Nullable String phone, Vulnerability vulnerability, @Nullable String memberName) {
			return new Line(id, villageName, headName, headBirthYear, PersonalData.maskCccd(cccd),
					PersonalData.maskPhone(phone), vulnerability, memberName);
		}
	}
}
