package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.xaso.catalog.FieldType;

/**
 * Issue 21: no raw machine values on the officials' dossier page, also when a yes/no or a date was stored in a
 * text field (older form versions, imported dossiers): "true" reads "Có", "2026-12-06" reads "06/12/2026".
 */
class OfficialRawValuesTests {

	@Test
	void yesNoAndIsoDatesInTextFieldsReadAsPeopleSayThem() {
		assertThat(Evidence.human(FieldType.TEXT, "true")).isEqualTo("Có");
		assertThat(Evidence.human(FieldType.TEXT, "FALSE")).isEqualTo("Không");
		assertThat(Evidence.human(FieldType.TEXT, "2026-12-06")).isEqualTo("06/12/2026");
		assertThat(Evidence.human(FieldType.SELECT, "2026-12-06")).isEqualTo("06/12/2026");
		assertThat(Evidence.human(FieldType.TEXTAREA, "2026-13-45")).isEqualTo("2026-13-45");
		assertThat(Evidence.human(FieldType.TEXT, "Thôn Đông, xã Yên Mô")).isEqualTo("Thôn Đông, xã Yên Mô");
		assertThat(Evidence.human(FieldType.NUMBER, "2")).isEqualTo("2");
	}
}
