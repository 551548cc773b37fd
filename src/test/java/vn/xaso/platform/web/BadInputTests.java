package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Bad input never ends in a 5xx or a framework default page: NUL characters in parameters, form fields
 * and JSON strings, malformed addresses, uploads over the limit, wrong content types, year overflow.
 * The API answers problem+json with a Vietnamese detail (English with ?lang=en or Accept-Language: en);
 * people get the Vietnamese error page. See docs/security.md, "Bad input".
 */
@XasoIntegrationTest
class BadInputTests {

	static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper appJson;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void nulInASearchBoxIsA400PageInVietnamese() throws Exception {
		for (var path : new String[] { "/procedures?q=a%00b", "/x/14701/feedback?q=%00", "/x/14701/search?q=%00", "/?q=%00" }) {
			var answer = get(path, HTML, null);
			assertThat(answer.statusCode()).as(path).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
			assertThat(answer.body()).as(path).contains("ký tự NUL").contains("lang=\"vi\"");
		}
	}

	@Test
	void nulInAnApiParameterIsProblemJsonInTheCallersLanguage() throws Exception {
		var vi = get("/api/v1/procedures?unit=14701&q=%00", "application/json", null);
		assertThat(vi.statusCode()).isEqualTo(400);
		assertThat(vi.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		var problem = appJson.readTree(vi.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(problem.get("detail").asString()).contains("ký tự NUL");

		var en = get("/api/v1/procedures?unit=14701&q=%00&lang=en", "application/json", null);
		assertThat(appJson.readTree(en.body()).get("detail").asString()).contains("invalid character");
		assertThat(appJson.readTree(en.body()).get("title").asString()).isEqualTo("Invalid request");
		var acceptLanguage = get("/api/v1/calendar/lunar?date=%00", "application/json", "en-GB,en;q=0.9");
		assertThat(acceptLanguage.statusCode()).isEqualTo(400);
		assertThat(appJson.readTree(acceptLanguage.body()).get("detail").asString()).contains("invalid character");
	}

	@Test
	void nulInAFormFieldAndInAJsonStringIsA400() {
		var anonymous = new WebSession(port);
		var form = anonymous.post("/dossiers/track", Map.of("code", "HS\u0000", "phone4", "1234"));
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("ký tự NUL");

		var multipart = anonymous.upload("/x/14701/feedback", Map.of("category", "KHAC", "description", "Ổ gà\u0000 trên đường"),
				"photo", "anh.jpg", new byte[10]);
		assertThat(multipart.statusCode()).isEqualTo(400);
		assertThat(multipart.body()).contains("ký tự NUL");

		var official = new WebSession(port).signInOfficial("yenmo.motcua", "XaSo-2026-demo");
		var json = official.send("POST", "/api/v1/dossiers", "application/json", "application/json",
				"{\"procedureCode\":\"1.001193\",\"applicant\":{\"fullName\":\"A\\u0000B\"}}".getBytes(StandardCharsets.UTF_8));
		assertThat(json.statusCode()).as(json.body()).isEqualTo(400);
		assertThat(json.body()).contains("NUL");
		var key = official.send("POST", "/api/v1/dossiers", "application/json", "application/json",
				"{\"procedureCode\":\"1.001193\",\"form\":{\"a\\u0000\":\"b\"}}".getBytes(StandardCharsets.UTF_8));
		assertThat(key.statusCode()).as(key.body()).isEqualTo(400);
	}

	@Test
	void aMalformedPercentEscapeIsAVietnamesePageOrProblem() {
		var page = RawHttp.send(port, "GET", "/x/%zz", "Accept: " + HTML + "\r\n", new byte[0]);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("lang=\"vi\"").contains("Yêu cầu không hợp lệ").doesNotContain("Apache Tomcat");
		var api = RawHttp.send(port, "GET", "/api/v1/units/%zz", "Accept: application/json\r\n", new byte[0]);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.head().toLowerCase()).contains("content-type: application/problem+json");
		assertThat(api.body()).contains("\"status\":400");
	}

	@Test
	void anUploadOverTheLimitIsA413InVietnamese() {
		var anonymous = new WebSession(port);
		anonymous.get("/x/14701/feedback/new");
		var answer = anonymous.upload("/x/14701/feedback", Map.of("category", "KHAC", "description", "Ảnh quá lớn để gửi lên."),
				"photo", "anh.jpg", new byte[26 * 1024 * 1024]);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("Tệp gửi lên quá lớn").doesNotContain("Apache Tomcat");
		// The application's own page (with the layout's language switch), not only the last-resort report.
		assertThat(answer.body()).contains("?lang=en");
	}

	@Test
	void wrongContentTypeAndUnknownApiPathsAreProblemJson() throws Exception {
		// the national calendar is changed by the national administrator only (issue 12, abuse)
		var admin = new WebSession(port).signInOfficial("quocgia.lich", "XaSo-2026-demo");
		var media = admin.send("POST", "/api/v1/calendar/adjustments", "application/json", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
		assertThat(media.statusCode()).isEqualTo(415);
		assertThat(media.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(appJson.readTree(media.body()).get("detail").asString()).contains("JSON");

		var missing = admin.send("GET", "/api/v1/khong-co", "application/json", null, new byte[0]);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(appJson.readTree(missing.body()).get("title").asString()).isEqualTo("Không tìm thấy trang");

		var anonymous = get("/api/v1/khong-co", "application/json", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(appJson.readTree(anonymous.body()).get("title").asString()).isEqualTo("Bạn cần đăng nhập");
	}

	@Test
	void aYearOutsideTheCalendarIsA400NotAnOverflow() throws Exception {
		var answer = get("/api/v1/calendar/add-working-days?from=%2B999999999-12-31&days=3", "application/json", null);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("1900").contains("2199");
		assertThat(get("/api/v1/calendar/lunar?date=-999999999-01-01", "application/json", null).statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> get(String path, String accept, String acceptLanguage) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
		if (acceptLanguage != null) {
			builder.header("Accept-Language", acceptLanguage);
		}
		return http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString());
	}
}
