package vn.xaso.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Open311 GeoReport v2 over HTTP in both formats: every XML response is validated against an XSD of
 * the specification (src/test/resources/open311/georeport-v2.xsd), every JSON response is checked for
 * the specification's required fields and their types; errors are arrays of {code, description}.
 */
@XasoIntegrationTest
class Open311Tests {

	static final String YEN_MO = DemoData.YEN_MO;
	static final JsonMapper JSON = JsonMapper.builder().build();
	static Schema schema;

	@LocalServerPort
	int port;

	@Autowired
	Open311Keys keys;

	@Autowired
	Feedback feedback;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void loadSchema() throws Exception {
		var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		schema = factory.newSchema(Open311Tests.class.getResource("/open311/georeport-v2.xsd"));
	}

	@Test
	void discoveryServicesAndDefinitionsInBothFormats() throws Exception {
		var xml = get("/open311/discovery.xml");
		assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
		valid(xml.body(), "discovery");
		var discovery = json(get("/open311/discovery.json"));
		assertThat(discovery.get("changeset").asString()).matches(".*[+-][0-9]{2}:[0-9]{2}");
		var endpoint = discovery.get("endpoints").get(0);
		assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
		assertThat(endpoint.get("formats").isArray()).isTrue();

		valid(get("/open311/v2/services.xml?jurisdiction_id=" + YEN_MO).body(), "services");
		var services = json(get("/open311/v2/services.json?jurisdiction_id=" + YEN_MO));
		assertThat(services.isArray()).isTrue();
		assertThat(services.size()).isGreaterThanOrEqualTo(6);
		for (var s : services) {
			requireStrings(s, "service_code", "service_name", "description", "type", "keywords", "group");
			assertThat(s.get("metadata").isBoolean()).isTrue();
			assertThat(s.get("type").asString()).isIn("realtime", "batch", "blackbox");
		}

		valid(get("/open311/v2/services/GT-DUONG.xml?jurisdiction_id=" + YEN_MO).body(), "service_definition");
		var definition = json(get("/open311/v2/services/GT-DUONG.json?jurisdiction_id=" + YEN_MO));
		assertThat(definition.get("service_code").asString()).isEqualTo("GT-DUONG");
		for (var a : definition.get("attributes")) {
			assertThat(a.get("variable").isBoolean()).isTrue();
			assertThat(a.get("required").isBoolean()).isTrue();
			assertThat(a.get("order").isIntegralNumber()).isTrue();
			requireStrings(a, "code", "datatype", "description");
		}
		assertThat(definition.get("attributes").get(0).get("values").size()).isGreaterThan(0);
	}

	@Test
	void postThenReadTheRequestByIdTokenAndListInBothFormats() throws Exception {
		var key = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> keys.create(new FeedbackActor(YEN_MO, "yenmo.admin", "Quản trị", Set.of(Role.ADMIN)), "Ứng dụng thử"));
		var form = new LinkedHashMap<String, String>();
		form.put("jurisdiction_id", YEN_MO);
		form.put("api_key", key);
		form.put("service_code", "DIEN-CS");
		form.put("lat", "20.1075");
		form.put("long", "105.9750");
		form.put("address_string", "Cột điện số 12 đường trục xã");
		form.put("description", "Cột đèn số 12 bị nghiêng, dây điện võng thấp, rất nguy hiểm.");
		form.put("first_name", "Hoàng");
		form.put("last_name", "Bí Danh");
		form.put("phone", "0911222333");
		form.put("email", "bi.danh@example.vn");
		form.put("media_url", "https://example.vn/anh/cot-den.jpg");

		var postedXml = post("/open311/v2/requests.xml", form);
		assertThat(postedXml.statusCode()).as(postedXml.body()).isEqualTo(200);
		valid(postedXml.body(), "service_requests");
		var posted = json(post("/open311/v2/requests.json", form)).get(0);
		requireStrings(posted, "service_request_id", "token", "service_notice");
		var id = posted.get("service_request_id").asString();
		var token = posted.get("token").asString();

		var oneXml = get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=" + YEN_MO).body();
		valid(oneXml, "service_requests");
		var one = json(get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + YEN_MO)).get(0);
		requireStrings(one, "service_request_id", "status", "service_name", "service_code", "description", "agency_responsible",
				"requested_datetime", "updated_datetime", "expected_datetime", "address");
		assertThat(one.get("status").asString()).isEqualTo("open");
		assertThat(one.get("lat").isNumber()).isTrue();
		assertThat(one.get("long").isNumber()).isTrue();
		assertThat(one.get("requested_datetime").asString()).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+07:00");
		for (var body : new String[] { oneXml, one.toString() }) {
			assertThat(body).doesNotContain("Bí Danh", "0911222333", "bi.danh", "example.vn/anh");
		}

		valid(get("/open311/v2/tokens/" + token + ".xml?jurisdiction_id=" + YEN_MO).body(), "service_requests");
		assertThat(json(get("/open311/v2/tokens/" + token + ".json?jurisdiction_id=" + YEN_MO)).get(0).get("service_request_id").asString())
			.isEqualTo(id);

		var query = "?jurisdiction_id=" + YEN_MO + "&service_code=DIEN-CS&status=open&start_date=2020-01-01T00:00:00Z&end_date=2100-01-01T00:00:00%2B07:00";
		valid(get("/open311/v2/requests.xml" + query).body(), "service_requests");
		var list = json(get("/open311/v2/requests.json" + query));
		assertThat(list.isArray()).isTrue();
		assertThat(list.valueStream().map(n -> n.get("service_request_id").asString())).contains(id);
		assertThat(list.valueStream().map(n -> n.get("service_code").asString())).containsOnly("DIEN-CS");
		assertThat(json(get("/open311/v2/requests.json?jurisdiction_id=" + YEN_MO + "&status=closed&service_request_id=" + id)).size()).isZero();

		// Answering closes it for Open311; the updates feed has each change.
		long internalId = Tenancy.callAs(UnitScope.of(YEN_MO), () -> feedback.search(
				new FeedbackActor(YEN_MO, "yenmo.tuphap", "x", Set.of(Role.SPECIALIST)), new Feedback.Search(id, null, null, null, null, 0, 5))
			.rows().getFirst().id());
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> feedback.answer(new FeedbackActor(YEN_MO, "yenmo.tuphap", "x", Set.of(Role.SPECIALIST)),
				internalId, "Điện lực đã dựng lại cột đèn số 12."));
		assertThat(json(get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + YEN_MO)).get(0).get("status").asString()).isEqualTo("closed");
		valid(get("/open311/v2/updates.xml?jurisdiction_id=" + YEN_MO).body(), "service_request_updates");
		var updates = json(get("/open311/v2/updates.json?jurisdiction_id=" + YEN_MO));
		var mine = updates.valueStream().filter(u -> u.get("service_request_id").asString().equals(id)).toList();
		assertThat(mine).extracting(u -> u.get("status").asString()).containsExactly("open", "closed");
		assertThat(mine.getLast().get("update_id").isIntegralNumber()).isTrue();
	}

	@Test
	void errorsFollowTheSpecificationInBothFormats() throws Exception {
		var noJurisdiction = get("/open311/v2/services.xml");
		assertThat(noJurisdiction.statusCode()).isEqualTo(400);
		valid(noJurisdiction.body(), "errors");
		var unknown = get("/open311/v2/services.json?jurisdiction_id=99999");
		assertThat(unknown.statusCode()).isEqualTo(404);
		var error = JSON.readTree(unknown.body());
		assertThat(error.isArray()).isTrue();
		assertThat(error.get(0).get("code").asInt()).isEqualTo(404);
		requireStrings(error.get(0), "description");
		// Vietnamese by default, English on request (issue 11: every error a person can meet)
		assertThat(error.get(0).get("description").asString()).contains("Không có xã");
		var english = JSON.readTree(get("/open311/v2/services.json?jurisdiction_id=99999&lang=en").body());
		assertThat(english.get(0).get("description").asString()).contains("was not found");

		var badKey = post("/open311/v2/requests.json", Map.of("jurisdiction_id", YEN_MO, "api_key", "xs311_wrong", "service_code", "KHAC",
				"description", "Nội dung đủ dài.", "address_string", "Thôn"));
		assertThat(badKey.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(badKey.body()).get(0).get("code").asInt()).isEqualTo(403);
		var badKeyXml = post("/open311/v2/requests.xml", Map.of("jurisdiction_id", YEN_MO, "service_code", "KHAC"));
		assertThat(badKeyXml.statusCode()).isEqualTo(403);
		valid(badKeyXml.body(), "errors");

		var key = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> keys.create(new FeedbackActor(YEN_MO, "yenmo.admin", "Quản trị", Set.of(Role.ADMIN)), "Khóa lỗi"));
		var noLocation = post("/open311/v2/requests.xml", Map.of("jurisdiction_id", YEN_MO, "api_key", key, "service_code", "KHAC",
				"description", "Nội dung đủ dài để gửi."));
		assertThat(noLocation.statusCode()).isEqualTo(400);
		valid(noLocation.body(), "errors");
		assertThat(noLocation.body()).contains("nơi xảy ra");
		var badDate = get("/open311/v2/requests.json?jurisdiction_id=" + YEN_MO + "&start_date=hom-qua");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(get("/open311/v2/requests/PA-14701-999999.xml?jurisdiction_id=" + YEN_MO).statusCode()).isEqualTo(404);

		// A revoked key no longer works; a key of Yên Mô does not work for Nga An.
		assertThat(post("/open311/v2/requests.json", Map.of("jurisdiction_id", "16144", "api_key", key, "service_code", "KHAC",
				"description", "Nội dung đủ dài để gửi.", "address_string", "Thôn")).statusCode()).isEqualTo(403);
	}

	@Test
	void notANumberOrOutOfRangeCoordinatesAreA400AndNothingIsSaved() throws Exception {
		var key = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> keys.create(new FeedbackActor(YEN_MO, "yenmo.admin", "Quản trị", Set.of(Role.ADMIN)), "Khóa NaN"));
		for (var pair : new String[][] { { "NaN", "NaN" }, { "Infinity", "1" }, { "91", "105" }, { "20", "-181" } }) {
			var answer = post("/open311/v2/requests.json", Map.of("jurisdiction_id", YEN_MO, "api_key", key, "service_code", "KHAC",
					"description", "Nội dung đủ dài để gửi.", "lat", pair[0], "long", pair[1]));
			assertThat(answer.statusCode()).as(pair[0] + "," + pair[1] + ": " + answer.body()).isEqualTo(400);
			assertThat(JSON.readTree(answer.body()).get(0).get("description").asString()).contains("WGS84");
		}
	}

	// ---------------------------------------------------------------- helpers

	private static void valid(String xml, String root) throws Exception {
		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		assertThat(xml).contains("<" + root + ">");
		schema.newValidator().validate(new StreamSource(new StringReader(xml)));
	}

	private static void requireStrings(JsonNode node, String... fields) {
		for (var f : fields) {
			assertThat(node.has(f)).as(f + " in " + node).isTrue();
			assertThat(node.get(f).isString()).as(f + " is a string in " + node).isTrue();
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		var body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
