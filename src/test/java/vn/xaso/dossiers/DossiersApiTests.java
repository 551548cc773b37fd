package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.demo.DemoData;
import vn.xaso.testing.XasoIntegrationTest;

/** The JSON API over real HTTP: counter submission, officials' read, search and action with the 409 race, public tracking. */
@XasoIntegrationTest
class DossiersApiTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A signed-in official's API client: session cookie and the CSRF token of the workspace page. */
	final class Client {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = "";

		Client signIn(String username) throws Exception {
			var page = http.send(HttpRequest.newBuilder(uri("/signin")).GET().build(), HttpResponse.BodyHandlers.ofString());
			var m = CSRF.matcher(page.body());
			assertThat(m.find()).isTrue();
			var form = "username=" + enc(username) + "&password=" + enc(DemoData.PASSWORD) + "&_csrf=" + enc(m.group(1));
			var noRedirect = HttpClient.newBuilder().cookieHandler(http.cookieHandler().orElseThrow()).build();
			noRedirect.send(HttpRequest.newBuilder(uri("/signin")).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			var workspace = http.send(HttpRequest.newBuilder(uri("/workspace")).GET().build(), HttpResponse.BodyHandlers.ofString());
			var w = CSRF.matcher(workspace.body());
			assertThat(w.find()).as("signed in as " + username).isTrue();
			csrf = w.group(1);
			return this;
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String json) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static JsonNode json(HttpResponse<String> r) {
		return JSON.readTree(r.body());
	}

	@Test
	void counterSubmissionReadSearchActAndTrackOverHttp() throws Exception {
		var motcua = new Client().signIn("yenmo.motcua");
		var pdf = Base64.getEncoder().encodeToString(DossierFixtures.pdf());
		var body = """
				{"unitCode": "14701", "procedureCode": "1.000894", "channel": "COUNTER",
				 "applicant": {"name": "Trần Thị Hoa", "cccd": "037190001234", "phone": "0988 000 001", "address": "Thôn Bình Hải, xã Yên Mô"},
				 "form": %s,
				 "files": [{"name": "to-khai.pdf", "contentBase64": "%s"}, {"name": "giay-to.pdf", "contentBase64": "%s"}]}"""
			.formatted(JSON.writeValueAsString(DossierFixtures.marriageForm()), pdf, pdf);
		var created = motcua.post("/api/v1/dossiers", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		var receipt = json(created);
		long id = receipt.get("dossierId").asLong();
		var code = receipt.get("code").asString();
		assertThat(receipt.get("state").asString()).isEqualTo("received");

		// bad input: Vietnamese messages per field, nothing created
		var bad = motcua.post("/api/v1/dossiers", """
				{"unitCode": "14701", "procedureCode": "1.000894", "applicant": {"name": "", "cccd": "999", "phone": "12"}}""");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad).get("errors").get("applicant.cccd").asString()).contains("12 chữ số");
		assertThat(motcua.post("/api/v1/dossiers", "{not json").statusCode()).isEqualTo(400);

		var read = motcua.get("/api/v1/dossiers/" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		long version = json(read).get("version").asLong();
		var search = motcua.get("/api/v1/dossiers?q=" + enc(code));
		assertThat(json(search).get("total").asLong()).isEqualTo(1);

		var assign = motcua.post("/api/v1/dossiers/" + id + "/actions",
				"{\"action\": \"assign\", \"version\": " + version + ", \"assignee\": \"yenmo.tuphap\"}");
		assertThat(assign.statusCode()).as(assign.body()).isEqualTo(200);
		assertThat(json(assign).get("state").asString()).isEqualTo("processing");
		// the same version again: 409 saying who did what
		var stale = motcua.post("/api/v1/dossiers/" + id + "/actions", "{\"action\": \"refuse\", \"version\": " + version + ", \"note\": \"x\"}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(json(stale).get("errors").get("").asString()).contains("Nguyễn Thị Lan").contains("Chuyển xử lý");

		// public tracking: no personal data, wrong digits look like an unknown code
		var anonymous = HttpClient.newHttpClient();
		var track = anonymous.send(HttpRequest.newBuilder(uri("/api/v1/dossiers/track?code=" + enc(code) + "&phone4=0001")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(track.statusCode()).isEqualTo(200);
		assertThat(track.body()).contains(code).doesNotContain("Trần Thị Hoa").doesNotContain("0988000001");
		var wrong = anonymous.send(HttpRequest.newBuilder(uri("/api/v1/dossiers/track?code=" + enc(code) + "&phone4=9999")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isEqualTo(404);

		// another commune's official: not found
		var ngaan = new Client().signIn("ngaan.admin");
		assertThat(ngaan.get("/api/v1/dossiers/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void refusalsAnswerInEnglishWithLangEn() throws Exception {
		var motcua = new Client().signIn("yenmo.motcua");
		var pdf = Base64.getEncoder().encodeToString(DossierFixtures.pdf());
		var created = motcua.post("/api/v1/dossiers", """
				{"unitCode": "14701", "procedureCode": "1.000894", "channel": "COUNTER",
				 "applicant": {"name": "Lê Văn Nam", "cccd": "037190004321", "phone": "0988 000 002", "address": "Thôn Bình Hải, xã Yên Mô"},
				 "form": %s, "files": [{"name": "to-khai.pdf", "contentBase64": "%s"}, {"name": "giay-to.pdf", "contentBase64": "%s"}]}"""
			.formatted(JSON.writeValueAsString(DossierFixtures.marriageForm()), pdf, pdf));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("dossierId").asLong();
		long version = json(motcua.get("/api/v1/dossiers/" + id)).get("version").asLong();

		// a step's refusal from the use case (the bundle's key): Vietnamese by default, English with ?lang=en
		var step = "{\"action\": \"assign\", \"version\": " + version + ", \"assignee\": \"\"}";
		var vietnamese = motcua.post("/api/v1/dossiers/" + id + "/actions", step);
		assertThat(vietnamese.statusCode()).isEqualTo(400);
		assertThat(json(vietnamese).get("errors").get("assignee").asString()).isEqualTo("Hãy chọn công chức chuyên môn xử lý hồ sơ.");
		var english = motcua.post("/api/v1/dossiers/" + id + "/actions?lang=en", step);
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(json(english).get("errors").get("assignee").asString()).isEqualTo("Choose the specialist who handles the dossier.");
		assertThat(json(english).get("detail").asString()).isEqualTo("Choose the specialist who handles the dossier.");

		// someone acted first: the 409 says who and what in English too
		var assign = motcua.post("/api/v1/dossiers/" + id + "/actions",
				"{\"action\": \"assign\", \"version\": " + version + ", \"assignee\": \"yenmo.tuphap\"}");
		assertThat(assign.statusCode()).as(assign.body()).isEqualTo(200);
		var stale = motcua.post("/api/v1/dossiers/" + id + "/actions?lang=en",
				"{\"action\": \"refuse\", \"version\": " + version + ", \"note\": \"x\"}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(json(stale).get("errors").get("").asString()).startsWith("Nguyễn Thị Lan has just handled the dossier")
			.contains("Your step was not saved");

		// the API's own checks too
		var track = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/dossiers/track?code=&phone4=12&lang=en")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(track.statusCode()).isEqualTo(400);
		assertThat(json(track).get("errors").get("phone4").asString()).isEqualTo("Enter exactly the last 4 digits of the applicant's phone.");
	}
}
