package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Property-based fuzzing (plain JUnit, fixed seed: docs/decisions/0001): every operation of the OpenAPI
 * description ({@code /v3/api-docs}), and every public page and form of the access-control rules, gets
 * random hostile values — NUL, huge strings, negative and huge numbers, NaN, wrong JSON types, broken
 * bodies, malformed percent-escapes — as an anonymous caller and as a signed-in official. Properties:
 * never a 5xx; a refused (4xx) POST/PUT/DELETE changes nothing (row counts of the main tables and the
 * audit log length are the same before and after).
 */
@XasoIntegrationTest
class FuzzTests {

	static final long SEED = 20261206L;
	static final int ROUNDS = 4;
	static final String PASSWORD = "XaSo-2026-demo";
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String COUNTS = "select (select count(*) from audit_entry) || ',' || (select count(*) from dossier) || ','"
			+ " || (select count(*) from dossier_event) || ',' || (select count(*) from feedback_report) || ','"
			+ " || (select count(*) from payment_bill) || ',' || (select count(*) from notify_push_subscription) || ','"
			+ " || (select count(*) from calendar_adjustment) || ',' || (select count(*) from personal_paper) || ','"
			+ " || (select count(*) from citizen) || ',' || (select count(*) from portal_post)";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final List<String> failures = new ArrayList<>();

	@Test
	void everyApiOperationSurvivesHostileInput() {
		var values = new HostileValues(new Random(SEED));
		var docs = JSON.readTree(new WebSession(port).get("/v3/api-docs").body());
		var components = docs.path("components");
		var callers = List.of(new WebSession(port), new WebSession(port).signInOfficial("yenmo.motcua", PASSWORD));
		var count = 0;
		for (var caller : callers) {
			for (var path : docs.path("paths").propertyNames()) {
				var item = docs.path("paths").get(path);
				for (var method : item.propertyNames()) {
					if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
						continue;
					}
					var operation = item.get(method);
					for (var round = 0; round < ROUNDS; round++) {
						count++;
						var target = fill(path, operation.path("parameters"), values);
						String contentType = null;
						var body = new byte[0];
						var content = operation.path("requestBody").path("content");
						if (!content.isMissingNode() || values.chance(20)) {
							if (values.chance(15)) {
								contentType = values.pick(List.of("application/json", "text/plain", "multipart/form-data; boundary=x",
										"application/x-www-form-urlencoded"));
								body = values.brokenBody().getBytes(StandardCharsets.UTF_8);
							}
							else {
								contentType = "application/json";
								var schema = content.path("application/json").path("schema");
								body = JSON.writeValueAsBytes(values.json(schema.isMissingNode() ? null : schema, components, 0));
							}
						}
						call(caller, method.toUpperCase(), target, contentType, body);
					}
				}
			}
		}
		assertThat(count).as("operations × rounds × callers").isGreaterThan(100);
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void everyPublicPageAndFormSurvivesHostileInput() throws IOException {
		var values = new HostileValues(new Random(SEED + 1));
		var anonymous = new WebSession(port);
		for (var file : Files.list(Path.of("src/test/resources/access-control")).sorted().toList()) {
			for (var line : Files.readAllLines(file)) {
				var columns = line.strip().split("\\s+");
				if (line.startsWith("#") || columns.length < 4 || !columns[2].equals("PUBLIC")) {
					continue;
				}
				for (var round = 0; round < ROUNDS; round++) {
					var example = columns[3];
					var query = example.contains("?") ? example.substring(example.indexOf('?') + 1) : "";
					var path = example.contains("?") ? example.substring(0, example.indexOf('?')) : example;
					path = java.util.regex.Pattern.compile("\\{[^}]+\\}").matcher(path).replaceAll(m -> segment(values.text()));
					if (values.chance(30)) {
						// A path segment replaced by a hostile value.
						var segments = path.split("/");
						if (segments.length > 2) {
							segments[segments.length - 1] = segment(values.text());
							path = String.join("/", segments);
						}
					}
					var params = new LinkedHashMap<String, String>();
					for (var pair : query.split("&")) {
						if (!pair.isBlank()) {
							params.put(pair.split("=")[0], values.chance(70) ? values.text() : "1");
						}
					}
					params.put(values.pick(List.of("q", "page", "size", "lang", "status", "unit", "from", "to", "date")), values.text());
					var target = path + "?" + encode(params);
					if (columns[0].equals("GET")) {
						call(anonymous, "GET", target, null, new byte[0]);
					}
					else {
						var form = new LinkedHashMap<String, String>();
						if (columns.length > 4 && !columns[4].equals("-")) {
							for (var pair : columns[4].split("&")) {
								form.put(pair.split("=")[0], values.text());
							}
						}
						call(anonymous, columns[0], path, "application/x-www-form-urlencoded", encode(form).getBytes(StandardCharsets.UTF_8));
					}
				}
			}
		}
		// Malformed percent-escapes never reach the application: Tomcat refuses them (its report is ours).
		for (var raw : List.of("/x/%zz", "/procedures?q=%zz", "/api/v1/units/%", "/api/v1/procedures?q=%e0%80", "/%c0%ae%c0%ae/")) {
			var answer = RawHttp.send(port, "GET", raw, "Accept: text/html\r\n", new byte[0]);
			if (answer.status() >= 500) {
				failures.add("GET " + raw + " → " + answer.status());
			}
		}
		assertThat(failures).as("seed " + (SEED + 1)).isEmpty();
	}

	private void call(WebSession caller, String method, String target, String contentType, byte[] body) {
		var mutating = !method.equals("GET");
		var before = mutating ? counts() : "";
		var answer = caller.send(method, target, "application/json, text/html;q=0.9", contentType, body);
		var status = answer.statusCode();
		var shown = method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target) + " body "
				+ new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
		if (status >= 500) {
			failures.add(status + " ← " + shown + " → " + answer.body().substring(0, Math.min(300, answer.body().length())));
		}
		if (mutating && status >= 400 && status < 500) {
			var after = counts();
			if (!after.equals(before)) {
				failures.add("refused (" + status + ") but changed " + before + " → " + after + " ← " + shown);
			}
		}
	}

	private String counts() {
		return Tenancy.callAs(UnitScope.systemWide(),
				() -> new TransactionTemplate(transactions).execute(s -> jdbc.sql(COUNTS).query(String.class).single()));
	}

	private static String fill(String path, JsonNode parameters, HostileValues values) {
		var query = new LinkedHashMap<String, String>();
		for (var parameter : parameters) {
			var name = parameter.path("name").asString();
			var value = values.text();
			switch (parameter.path("in").asString()) {
				case "path" -> path = path.replace("{" + name + "}", segment(value));
				case "query" -> {
					if (values.chance(80)) {
						query.put(name, value);
					}
				}
				default -> {
				}
			}
		}
		if (values.chance(20)) {
			query.put(values.text(), values.text());
		}
		return query.isEmpty() ? path : path + "?" + encode(query);
	}

	private static String segment(String value) {
		return URLEncoder.encode(value.isEmpty() ? "x" : value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String encode(java.util.Map<String, String> params) {
		return params.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
