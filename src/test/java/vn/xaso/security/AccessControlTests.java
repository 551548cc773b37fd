package vn.xaso.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The access-control harness: every endpoint × every kind of caller — anonymous, a citizen, each
 * role of Xã Yên Mô (and its demo producer's account), the Ninh Bình province viewer, and an administrator of Xã Nga An trying to
 * reach Yên Mô's objects. Rules live in {@code src/test/resources/access-control/*.tsv}; a module
 * adds its endpoints there, and an endpoint without a rule fails the build.
 */
@XasoIntegrationTest
class AccessControlTests {

	record Rule(String method, String pattern, String access, String example, Map<String, String> body,
			String otherUnitPath, String source) {

		boolean allows(String caller, Set<String> roles) {
			return switch (access) {
				case "PUBLIC" -> true;
				case "CITIZEN" -> caller.equals("citizen");
				// Commune and province staff: a producer's account (role PRODUCER) is not staff.
				case "OFFICIAL" -> roles.stream().anyMatch(r -> vn.xaso.identity.Role.valueOf(r).staff());
				// Any signed-in account, staff or producer: the workspace and one's own account settings.
				case "ACCOUNT" -> !roles.isEmpty();
				case "NOBODY", "SIGNOUT" -> false;
				default -> Arrays.stream(access.substring("ROLES:".length()).split(",")).anyMatch(roles::contains);
			};
		}
	}

	/** Callers: name → roles (empty for anonymous and citizen). */
	static final Map<String, Set<String>> CALLERS = new LinkedHashMap<>();
	static {
		CALLERS.put("anonymous", Set.of());
		CALLERS.put("citizen", Set.of());
		CALLERS.put("yenmo.admin", Set.of("ADMIN"));
		CALLERS.put("yenmo.chutich", Set.of("LEADER"));
		CALLERS.put("yenmo.motcua", Set.of("ONE_STOP"));
		CALLERS.put("yenmo.tuphap", Set.of("SPECIALIST"));
		CALLERS.put("yenmo.vanthu", Set.of("CLERK"));
		CALLERS.put("yenmo.congnghe", Set.of("COMMUNITY_TEAM"));
		CALLERS.put("yenmo.truongthon", Set.of("VILLAGE_HEAD"));
		CALLERS.put("yenmo.htx", Set.of("PRODUCER"));
		CALLERS.put("yenmo.bacsi", Set.of("DOCTOR"));
		CALLERS.put("yenmo.giaovien", Set.of("TEACHER"));
		CALLERS.put("yenmo.congan", Set.of("POLICE_POST"));
		CALLERS.put("ninhbinh.tinh", Set.of("PROVINCE_VIEWER"));
		CALLERS.put("ninhbinh.trienkhai", Set.of("PROVINCE_ADMIN"));
		CALLERS.put("ngaan.admin", Set.of("ADMIN"));
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	static List<Rule> rules() throws IOException {
		var rules = new ArrayList<Rule>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:access-control/*.tsv")) {
			var lines = resource.getContentAsString(StandardCharsets.UTF_8).lines().toList();
			for (var line : lines) {
				if (line.isBlank() || line.strip().startsWith("#")) {
					continue;
				}
				var f = line.strip().split("\\s+");
				var body = new LinkedHashMap<String, String>();
				if (f.length > 4 && !f[4].equals("-")) {
					for (var pair : f[4].split("&")) {
						var kv = pair.split("=", 2);
						body.put(kv[0], kv.length > 1 ? kv[1] : "");
					}
				}
				rules.add(new Rule(f[0], f[1], f[2], f[3], body, f.length > 5 ? f[5] : null, resource.getFilename()));
			}
		}
		return rules;
	}

	@Test
	void everyEndpointHasAnAccessRule() throws IOException {
		var covered = new TreeSet<String>();
		for (var rule : rules()) {
			covered.add(rule.method() + " " + rule.pattern());
		}
		var missing = new TreeSet<String>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getPackageName().startsWith("vn.xaso")) {
				continue;
			}
			var methods = e.getKey().getMethodsCondition().getMethods();
			for (var pattern : e.getKey().getPatternValues()) {
				for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
					var key = method.name() + " " + pattern;
					if (!covered.contains(key)) {
						missing.add(key);
					}
				}
			}
		}
		assertThat(missing).as("endpoints without a rule in src/test/resources/access-control/*.tsv").isEmpty();
	}

	/**
	 * Each caller's requests go one after the other, in the order of the rules, on that caller's own session, as
	 * before; the callers themselves run side by side on a few threads (they share nothing: each has its own cookies
	 * and CSRF token, and the rate limits that could answer 429 count per hour, not per second), and each check waits
	 * for its own answer. The other-unit checks come last, one at a time, once every caller is done: they compare
	 * snapshots of Yên Mô's accounts and villages, which no request may change while they look.
	 */
	@TestFactory
	Stream<DynamicTest> everyCallerGetsExactlyTheAccessTheRulesGive() throws IOException {
		var sessions = new ConcurrentHashMap<String, WebSession>();
		var placeholders = placeholders();
		var rules = rules();
		var tests = new ArrayList<DynamicTest>();
		var callers = Executors.newFixedThreadPool(CALLER_THREADS, Thread.ofPlatform().daemon().name("access-caller-", 1).factory());
		var allAnswered = new ArrayList<CompletableFuture<?>>();
		for (var caller : CALLERS.keySet()) {
			var callerRules = rules.stream().filter(rule -> !rule.access().equals("SIGNOUT") || caller.equals("anonymous")).toList();
			var answers = callerRules.stream().map(rule -> new CompletableFuture<HttpResponse<String>>()).toList();
			allAnswered.addAll(answers);
			callers.execute(() -> {
				for (int i = 0; i < callerRules.size(); i++) {
					var rule = callerRules.get(i);
					try {
						var session = sessions.get(caller);
						if (session == null) {
							session = session(caller);
							sessions.put(caller, session);
						}
						answers.get(i).complete(session.request(rule.method(), fill(rule.example(), caller, placeholders), rule.body()));
					}
					catch (RuntimeException | Error e) {
						answers.get(i).completeExceptionally(e);
					}
				}
			});
			for (int i = 0; i < callerRules.size(); i++) {
				var rule = callerRules.get(i);
				var answer = answers.get(i);
				tests.add(DynamicTest.dynamicTest(caller + " → " + rule.method() + " " + rule.pattern(), () -> {
					var path = fill(rule.example(), caller, placeholders);
					var response = answer.join();
					assertThat(response.uri().getPath()).as("the answer to this check's request")
						.isEqualTo(java.net.URI.create("http://x" + path).getPath());
					var allowed = rule.allows(caller, CALLERS.get(caller));
					if (allowed) {
						assertThat(response.statusCode()).as(describe(response)).isNotIn(401, 403, 429);
						assertThat(location(response)).as(describe(response)).doesNotContain("/signin");
					}
					else if (caller.equals("anonymous")) {
						if (rule.access().equals("SIGNOUT")) {
							assertThat(response.statusCode()).as(describe(response)).isEqualTo(302);
						}
						else if (path.startsWith("/api/")) {
							assertThat(response.statusCode()).as(describe(response)).isEqualTo(401);
						}
						else {
							assertThat(response.statusCode()).as(describe(response)).isEqualTo(302);
							// a citizen page adds ?continue=<the page> to come back after signing in
							assertThat(location(response).replaceFirst("\\?continue=.*$", "")).as(describe(response)).endsWith("/signin");
						}
					}
					else {
						assertThat(response.statusCode()).as(describe(response)).isEqualTo(403);
					}
				}));
			}
		}
		callers.shutdown();
		var everyCallerDone = CompletableFuture.allOf(allAnswered.toArray(CompletableFuture[]::new));
		for (var rule : rules) {
			if (rule.otherUnitPath() == null) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest("ngaan.admin → Yên Mô object " + rule.method() + " " + rule.pattern(), () -> {
				everyCallerDone.handle((done, failed) -> done).join(); // nothing else changes Yên Mô while the snapshots are taken
				var session = sessions.computeIfAbsent("ngaan.admin", this::session);
				var path = fill(rule.otherUnitPath(), "ngaan.admin", placeholders);
				var before = snapshot();
				var response = session.request(rule.method(), path, rule.body());
				assertThat(response.statusCode()).as(describe(response)).isIn(403, 404);
				assertThat(snapshot()).as("nothing of Yên Mô changed").isEqualTo(before);
			}));
		}
		return tests.stream();
	}

	/** Callers answered side by side: enough to keep the server busy while one caller waits for its answer. */
	static final int CALLER_THREADS = 4;

	private WebSession session(String caller) {
		var session = new WebSession(port);
		if (caller.equals("citizen")) {
			return session.signInCitizen("0988000003", outbox);
		}
		if (caller.equals("anonymous")) {
			return session;
		}
		return session.signInOfficial(caller, DemoData.PASSWORD);
	}

	@Autowired
	vn.xaso.units.Villages villages;

	@Autowired
	vn.xaso.documents.Documents documents;

	@Autowired
	vn.xaso.documents.WorkFiles workFiles;

	private Map<String, String> placeholders() {
		// A Yên Mô village of our own: other test classes may have removed the demo ones.
		var village = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> villages.create(DemoData.YEN_MO, "Kiểm Soát " + (System.nanoTime() % 100000), "Thôn"));
		// A released outgoing document of Yên Mô: every state change on it is refused.
		long document = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			var leader = new vn.xaso.documents.Actor(DemoData.YEN_MO, "yenmo.chutich", "Chủ tịch", Set.of(vn.xaso.identity.Role.LEADER, vn.xaso.identity.Role.CLERK));
			long id = documents.draft(leader, new vn.xaso.documents.Documents.Draft(vn.xaso.documents.DocumentType.THONG_BAO,
					"Thông báo kiểm soát truy cập", "Nội dung.", "Các thôn", "", "Nguyễn Văn An", "Chủ tịch", ""));
			documents.submit(leader, id);
			documents.approve(leader, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			documents.release(leader, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			return id;
		});
		// A closed work file of Yên Mô holding that document: every change to it is refused.
		long workFile = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			var clerk = new vn.xaso.documents.Actor(DemoData.YEN_MO, "yenmo.vanthu", "Văn thư", Set.of(vn.xaso.identity.Role.CLERK));
			long id = workFiles.create(clerk, new vn.xaso.documents.WorkFiles.NewWorkFile("AC-" + (System.nanoTime() % 1000000),
					"Hồ sơ kiểm soát truy cập", String.valueOf(java.time.LocalDate.now(vn.xaso.documents.Documents.VIETNAM).getYear()),
					"yenmo.vanthu", "10"));
			workFiles.add(clerk, id, document);
			workFiles.close(clerk, id);
			return id;
		});
		var all = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> {
			var map = new HashMap<String, String>();
			map.put("{yenmo.official}", String.valueOf(jdbc.sql("select id from official where username = 'yenmo.congnghe'").query(Long.class).single()));
			map.put("{yenmo.village}", String.valueOf(village.id()));
			map.put("{yenmo.document}", String.valueOf(document));
			map.put("{yenmo.workfile}", String.valueOf(workFile));
			for (var caller : CALLERS.keySet()) {
				jdbc.sql("select id from official where username = ?").param(caller).query(Long.class).optional()
					.ifPresent(id -> map.put(caller + "{own.official}", String.valueOf(id)));
			}
			return map;
		}));
		// Fixtures run outside any transaction; each chooses its own unit scope.
		all.putAll(moduleFixtures());
		return all;
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** Placeholders of every module's {@link AccessControlFixture} found on the test class path. */
	private Map<String, String> moduleFixtures() {
		var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(AccessControlFixture.class));
		var map = new HashMap<String, String>();
		for (var candidate : scanner.findCandidateComponents("vn.xaso")) {
			try {
				var fixture = (AccessControlFixture) Class.forName(candidate.getBeanClassName()).getDeclaredConstructor().newInstance();
				map.putAll(fixture.create(context));
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("Cannot create access-control fixture " + candidate.getBeanClassName(), e);
			}
		}
		return map;
	}

	private static String fill(String path, String caller, Map<String, String> placeholders) {
		var filled = path;
		// {own.official}: the caller's own account (an object of their own unit); anonymous and
		// citizens use a Yên Mô account, which they must not reach either way.
		filled = filled.replace("{own.official}", placeholders.getOrDefault(caller + "{own.official}", placeholders.get("{yenmo.official}")));
		// {own.unit}: the caller's own unit (Yên Mô for anonymous and citizens, who have none).
		filled = filled.replace("{own.unit}", caller.startsWith("ngaan.") ? DemoData.NGA_AN
				: caller.startsWith("ninhbinh.") ? DemoData.NINH_BINH : DemoData.YEN_MO);
		for (var e : placeholders.entrySet()) {
			filled = filled.replace(e.getKey(), e.getValue());
		}
		return filled;
	}

	/** A fingerprint of Yên Mô's accounts and villages, to prove a refused request changed nothing. */
	private String snapshot() {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc.sql("""
				select md5(coalesce(string_agg(o::text, '|' order by o.id), '')) from official o""").query(String.class).single()
				+ jdbc.sql("select md5(coalesce(string_agg(v::text, '|' order by v.id), '')) from village v where commune_code = '14701'")
					.query(String.class).single()));
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String describe(HttpResponse<String> response) {
		return response.request().method() + " " + response.request().uri() + " → " + response.statusCode() + " "
				+ location(response);
	}
}
