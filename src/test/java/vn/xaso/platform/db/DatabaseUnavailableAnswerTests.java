package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** The 503 answer for API callers is well-formed problem JSON whatever the translated words contain. */
class DatabaseUnavailableAnswerTests {

	@Test
	void apiCallersGetValidProblemJsonEvenWithQuotesAndLineBreaksInTheText() throws Exception {
		var messages = new StaticMessageSource();
		var vi = Locale.forLanguageTag("vi");
		messages.addMessage("db.unavailable.title", vi, "Hệ thống \"đang bận\"");
		messages.addMessage("db.unavailable.text", vi, "Mất kết nối\ncơ sở dữ liệu \\ thử lại\u0001");
		var response = new MockHttpServletResponse();
		new DatabaseUnavailableFilter(messages).respond(new MockHttpServletRequest("GET", "/api/v1/dossiers/mine"), response);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		var problem = JsonMapper.builder().build().readTree(response.getContentAsString());
		assertThat(problem.get("title").asString()).isEqualTo("Hệ thống \"đang bận\"");
		assertThat(problem.get("detail").asString()).isEqualTo("Mất kết nối\ncơ sở dữ liệu \\ thử lại\u0001");
		assertThat(problem.get("status").asInt()).isEqualTo(503);
	}
}
