package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A refusal keeps its bundle keys: Vietnamese for logs and callers without a language, each field in the reader's language. */
class DossierExceptionTests {

	@Test
	void keyedRefusalIsVietnameseAndEnglishPerField() {
		var messages = new LinkedHashMap<String, DossierException.Message>();
		messages.put("stars", new DossierException.Message("dossiers.say.stars"));
		messages.put("files", new DossierException.Message("dossiers.say.tooManyFiles", "10"));
		var e = DossierException.of(messages);

		assertThat(e.errors()).containsExactly(java.util.Map.entry("stars", "Hãy chọn số sao từ 1 đến 5."),
				java.util.Map.entry("files", "Mỗi lần chỉ gửi được tối đa 10 tệp."));
		assertThat(e.getMessage()).isEqualTo("Hãy chọn số sao từ 1 đến 5. Mỗi lần chỉ gửi được tối đa 10 tệp.");
		assertThat(e.errors(Locale.ENGLISH)).containsExactly(java.util.Map.entry("stars", "Choose from 1 to 5 stars."),
				java.util.Map.entry("files", "At most 10 files can be sent at a time."));
		assertThat(e.errors(Locale.forLanguageTag("vi"))).isEqualTo(e.errors());
		assertThat(e.key()).isEqualTo("dossiers.say.stars");
	}

	@Test
	void conflictNamesWhoActedInTheReadersLanguage() {
		var e = DossierConflict.saying("dossiers.error.changedByNow", "Nguyễn Thị Lan", "Tiếp nhận", "09:15 07/12/2026", "Đang xử lý");
		assertThat(e.getMessage()).startsWith("Hồ sơ vừa được Nguyễn Thị Lan xử lý (Tiếp nhận) lúc 09:15 07/12/2026.")
			.contains("Hồ sơ hiện ở bước \"Đang xử lý\".");
		assertThat(e.errors(Locale.ENGLISH).get("")).startsWith("Nguyễn Thị Lan has just handled the dossier (Tiếp nhận)");
	}

	@Test
	void writtenOutRefusalStaysAsWritten() {
		var e = new DossierException("password", "PIN sai");
		assertThat(e.key()).isNull();
		assertThat(e.errors(Locale.ENGLISH)).containsEntry("password", "PIN sai");
	}
}
