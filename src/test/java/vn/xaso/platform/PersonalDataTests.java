package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

	@Test
	void masksIdentityNumbersAndPhonesLeavingTheLastDigits() {
		assertThat(PersonalData.maskCccd("001203012345")).isEqualTo("********2345");
		assertThat(PersonalData.maskPhone("0912345678")).isEqualTo("091****678");
	}

	@Test
	void masksEveryPersonalNumberInFreeText() {
		var text = "Ông A, CCCD 037095001234, ĐT +84912345678 và 0988 (không đủ số), mã hồ sơ 2026";
		var masked = PersonalData.maskAll(text);
		assertThat(masked).doesNotContain("037095001234").doesNotContain("912345678").contains("********1234")
			.contains("0988 (không đủ số)").contains("2026");
	}

	@Test
	void leavesUuidsWholeButStillMasksNumbersBesideThem() {
		// The last group of this id is 0 followed by 11 digits, the shape of a CCCD; the first is all digits.
		var text = "request 12345678-aaaa-4bbb-8ccc-012345678901 by 0912345678, id 550e8400-e29b-41d4-a716-446655440000";
		assertThat(PersonalData.maskAll(text)).isEqualTo(
				"request 12345678-aaaa-4bbb-8ccc-012345678901 by 091****678, id 550e8400-e29b-41d4-a716-446655440000");
	}

	@Test
	void normalisesVietnameseMobileNumbers() {
		assertThat(PersonalData.normalisePhone("+84 912 345 678")).isEqualTo("0912345678");
		assertThat(PersonalData.normalisePhone("0912.345.678")).isEqualTo("0912345678");
		assertThat(PersonalData.normalisePhone("0112345678")).isNull();
		assertThat(PersonalData.normalisePhone("091234567")).isNull();
	}

	@Test
	void acceptsCccdOnlyWithTwelveDigitsAndARealProvinceCode() {
		assertThat(PersonalData.isValidCccd("037095001234")).isTrue(); // Ninh Bình
		assertThat(PersonalData.isValidCccd("096300123456")).isTrue(); // Cà Mau, born in the 2000s
		assertThat(PersonalData.isValidCccd("003095001234")).isFalse(); // 003 was never a province code
		assertThat(PersonalData.isValidCccd("09909500123")).isFalse();
		assertThat(PersonalData.cccdProblem("03709500123")).contains("12 chữ số").contains("11");
		assertThat(PersonalData.cccdProblem("003095001234")).contains("003");
		assertThat(PersonalData.cccdProblem("0370950012ab")).contains("chữ số");
		assertThat(PersonalData.cccdProblem("037095001234")).isNull();
	}
}
