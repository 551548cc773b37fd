package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.XasoApplication;
import vn.xaso.demo.DemoData;
import vn.xaso.documents.ApprovedDocumentsChild;
import vn.xaso.dossiers.DossierFixtures;

/**
 * kill -9 of PostgreSQL, then of XaSo itself, while an official submits dossiers and two clerks release
 * documents concurrently over HTTP (issue 12). XaSo runs in a child JVM with the production defaults
 * (durable database); the leader has approved the documents beforehand ({@link ApprovedDocumentsChild}).
 * PostgreSQL is killed once a sixth of the work is acknowledged (its keeper starts it again), XaSo in the
 * middle of the second half. After a new start on the same data folder: every acknowledged (201) dossier
 * is there and the day's numbers are 1..N with none reused, duplicated or skipped; every acknowledged
 * release ("Đã phát hành" on the page) is released with the number shown to the clerk and the year's
 * outgoing register is 1..N with the counter at N; and the audit chain verifies intact (the
 * administrator's "verify" page). {@code bench/crash.sh} ({@code ./xaso bench crash}) runs the same with
 * 1,000 of each ({@code -Dxaso.crash.submissions}, {@code -Dxaso.crash.releases}).
 */
class CrashConsistencyTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern NUMBER_SYMBOL = Pattern.compile("<dd>([0-9]+/[^<0-9][^<]*)</dd>");
	private static final String RELEASED = "Đã phát hành: văn bản đã có số";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** How long a start may take (a loaded machine takes minutes; bench/crash.sh allows more). */
	private static final Duration START = Duration.ofMinutes(Integer.getInteger("xaso.crash.start-minutes", 5));

	@Test
	void acknowledgedDossiersAndReleasesSurviveKillingTheDatabaseAndTheApplication() throws Exception {
		int submissions = Integer.getInteger("xaso.crash.submissions", 40);
		int releases = Integer.getInteger("xaso.crash.releases", 16);
		var dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(dataDir);
		int port = freePort();
		var dossiers = ConcurrentHashMap.<String>newKeySet();
		var released = new ConcurrentHashMap<Long, String>();
		var prepare = System.nanoTime();

		var app = startApp(dataDir, port, ApprovedDocumentsChild.class.getName(), List.of("-Dxaso.crash.prepare=" + releases),
				dataDir.resolve("app-1.log"), true);
		try {
			awaitHealthy(port, app, START);
			var approvedFile = dataDir.resolve("approved-documents.txt");
			await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				assertThat(app.isAlive()).as("the leader approves the documents").isTrue();
				return Files.exists(approvedFile);
			});
			System.out.printf("crash test: %d documents approved in %d s%n", releases, Duration.ofNanos(System.nanoTime() - prepare).toSeconds());
			var queue = new ConcurrentLinkedQueue<Long>(Files.readAllLines(approvedFile).stream().map(Long::valueOf).toList());
			assertThat(queue).hasSize(releases);
			var official = signIn(port, "yenmo.motcua");
			var clerks = List.of(signIn(port, "yenmo.vanthu"), signIn(port, "yenmo.vanthu"));
			BooleanSupplier none = () -> false;
			var started = System.nanoTime();
			// Phase 1: PostgreSQL is killed once a sixth of the work is acknowledged.
			int sixth = (submissions + releases) / 6;
			phase(steps(official, port, clerks, dossiers, () -> submissions / 2, released, queue, () -> releases / 2),
					() -> dossiers.size() + released.size() >= sixth, () -> {
						long pg = Long.parseLong(Files.readAllLines(dataDir.resolve("pg17/postmaster.pid")).get(0).trim());
						new ProcessBuilder("kill", "-9", Long.toString(pg)).start().waitFor();
					}, false);
			int afterPhase1 = dossiers.size() + released.size();
			assertThat(afterPhase1).as("the work goes on once the database is back").isGreaterThan(sixth);
			// Phase 2: XaSo itself is killed in the middle of the second half.
			int target = afterPhase1 + (submissions + releases - afterPhase1) / 2;
			phase(steps(official, port, clerks, dossiers, () -> submissions, released, queue, () -> releases),
					() -> dossiers.size() + released.size() >= target, () -> app.destroyForcibly(), true);
			System.out.printf("crash test: %d dossiers and %d releases acknowledged in %d s%n", dossiers.size(), released.size(),
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			assertThat(app.isAlive()).as("XaSo was killed").isFalse();
			assertThat(released).as("releases acknowledged before the kills").isNotEmpty();
		}
		finally {
			app.destroyForcibly();
			app.waitFor(30, TimeUnit.SECONDS);
		}

		// Start again on the same folder: healthy, and the unit's administrator finds the audit chain intact.
		int again = freePort();
		var restarted = startApp(dataDir, again, XasoApplication.class.getName(), List.of(), dataDir.resolve("app-2.log"), false);
		try {
			awaitHealthy(again, restarted, START);
			var admin = signIn(again, "yenmo.admin");
			var verified = admin.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + again + "/admin/audit/verify"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", admin.csrf())
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(admin.csrf(), StandardCharsets.UTF_8))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(verified.statusCode()).isEqualTo(200);
			assertThat(verified.body()).as("audit chain intact").contains("notice-success").doesNotContain("notice-error");

			int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("pg17/postmaster.pid")).get(3).trim());
			try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "")) {
				checkDossiers(c, dossiers);
				checkReleases(c, released);
			}
		}
		finally {
			restarted.destroy();
			restarted.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private static void checkDossiers(Connection c, Set<String> acknowledged) throws Exception {
		var day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var codes = new ArrayList<String>();
		try (var ps = c.prepareStatement("select code from dossier where unit_code = '14701' and code like ?")) {
			ps.setString(1, "%-" + DateTimeFormatter.ofPattern("yyMMdd").format(day) + "-%");
			try (var rs = ps.executeQuery()) {
				while (rs.next()) {
					codes.add(rs.getString(1));
				}
			}
		}
		assertThat(codes).as("every acknowledged dossier is there").containsAll(acknowledged);
		var numbers = codes.stream().map(code -> Integer.parseInt(code.substring(code.lastIndexOf('-') + 1))).sorted().toList();
		assertThat(Set.copyOf(numbers)).as("no number used twice").hasSameSizeAs(numbers);
		assertThat(numbers.getLast()).as("no number skipped").isEqualTo(numbers.size());
		try (var ps = c.prepareStatement("select last_number from dossier_sequence where unit_code = '14701' and day = ?")) {
			ps.setObject(1, day);
			try (var rs = ps.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).as("the sequence was not advanced by lost work").isEqualTo(numbers.size());
			}
		}
	}

	private static void checkReleases(Connection c, Map<Long, String> acknowledged) throws Exception {
		for (var ack : acknowledged.entrySet()) {
			try (var ps = c.prepareStatement("select status, number_symbol from document where id = ?")) {
				ps.setLong(1, ack.getKey());
				try (var rs = ps.executeQuery()) {
					assertThat(rs.next()).as("acknowledged release %d is there", ack.getKey()).isTrue();
					assertThat(rs.getString(1)).as("acknowledged release %d is released", ack.getKey()).isEqualTo("released");
					assertThat(rs.getString(2)).as("with the number the clerk was shown").isEqualTo(ack.getValue());
				}
			}
		}
		int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
		var numbers = new ArrayList<Integer>();
		try (var ps = c.prepareStatement("select number from document where unit_code = '14701' and direction = 'out' "
				+ "and register_year = ? and number is not null order by number")) {
			ps.setInt(1, year);
			try (var rs = ps.executeQuery()) {
				while (rs.next()) {
					numbers.add(rs.getInt(1));
				}
			}
		}
		int last;
		try (var ps = c.prepareStatement("select last_number from document_counter where unit_code = '14701' and register = 'di' and year = ?")) {
			ps.setInt(1, year);
			try (var rs = ps.executeQuery()) {
				assertThat(rs.next()).isTrue();
				last = rs.getInt(1);
			}
		}
		assertThat(Set.copyOf(numbers)).as("no register number used twice").hasSameSizeAs(numbers);
		assertThat(numbers).as("register 1..N, none skipped, counter = N").containsExactlyElementsOf(IntStream.rangeClosed(1, last).boxed().toList());
	}

	/** One worker submitting dossiers (4 threads share the official's session), one per clerk releasing documents. */
	private List<Step> steps(Session official, int port, List<Session> clerks, Set<String> dossiers, IntSupplier dossierGoal,
			Map<Long, String> released, Queue<Long> queue, IntSupplier releaseGoal) {
		var pdf = Base64.getEncoder().encodeToString(DossierFixtures.pdf());
		var body = """
				{"unitCode": "14701", "procedureCode": "1.000894", "channel": "COUNTER",
				 "applicant": {"name": "Trần Thị Hoa", "cccd": "037190001234", "phone": "0988 000 001", "address": "Thôn Bình Hải"},
				 "form": %s, "files": [{"name": "to-khai.pdf", "contentBase64": "%s"}]}"""
			.formatted(JSON.writeValueAsString(DossierFixtures.marriageForm()), pdf);
		Step submit = () -> {
			if (dossiers.size() >= dossierGoal.getAsInt()) {
				return false;
			}
			try {
				var response = official.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers"))
					.header("Accept", "application/json").header("Content-Type", "application/json")
					.header("X-CSRF-TOKEN", official.csrf()).timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 201) {
					dossiers.add(JSON.readTree(response.body()).get("code").asString());
					return true;
				}
			}
			catch (IOException connectionDropped) {
				// not acknowledged
			}
			Thread.sleep(300); // 503 while the database is away
			return true;
		};
		var steps = new ArrayList<>(List.of(submit, submit, submit, submit));
		for (var clerk : clerks) {
			steps.add(() -> {
				Long id;
				if (released.size() >= releaseGoal.getAsInt() || (id = queue.poll()) == null) {
					return false;
				}
				try {
					var form = "password=" + URLEncoder.encode(DemoData.SIGNING_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
							+ URLEncoder.encode(clerk.csrf(), StandardCharsets.UTF_8);
					var posted = clerk.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents/" + id + "/release"))
						.header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
					if (posted.statusCode() == 302) {
						// The clerk's answer is the document's page with the notice and the number.
						var page = clerk.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents/" + id))
							.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
						var number = NUMBER_SYMBOL.matcher(page.body());
						if (page.statusCode() == 200 && page.body().contains(RELEASED) && number.find()) {
							released.put(id, number.group(1));
							return true;
						}
						if (page.statusCode() == 200 && page.body().contains("notice-error")) {
							return true; // refused, e.g. already released by a try whose answer was lost: not acknowledged
						}
					}
				}
				catch (IOException connectionDropped) {
					// not acknowledged
				}
				queue.add(id); // try again once the database is back
				Thread.sleep(300);
				return true;
			});
		}
		return steps;
	}

	/** Runs every step on its own thread until each says it is done; runs {@code crash} once when {@code when} becomes true. */
	private static void phase(List<Step> steps, BooleanSupplier when, Crash crash, boolean stopAfterCrash) throws Exception {
		var crashed = new AtomicBoolean();
		var afterCrash = new AtomicInteger();
		var deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("xaso.crash.minutes", 5)).toNanos();
		try (var pool = Executors.newFixedThreadPool(steps.size())) {
			var futures = new ArrayList<Future<?>>();
			for (var step : steps) {
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < deadline && !(stopAfterCrash && crashed.get() && afterCrash.incrementAndGet() > 20)) {
						if (!step.run()) {
							break;
						}
						if (when.getAsBoolean() && crashed.compareAndSet(false, true)) {
							crash.run();
						}
					}
					return null;
				}));
			}
			for (var f : futures) {
				f.get(60, TimeUnit.MINUTES);
			}
		}
		assertThat(crashed).as("the crash happened during the work").isTrue();
	}

	@FunctionalInterface
	interface Step {
		/** One attempt; false once its goal is reached. */
		boolean run() throws Exception;
	}

	@FunctionalInterface
	interface Crash {
		void run() throws Exception;
	}

	record Session(HttpClient http, String csrf) {
	}

	private static Session signIn(int port, String username) throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
		var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin")).build(),
				HttpResponse.BodyHandlers.ofString());
		var m = CSRF.matcher(page.body());
		assertThat(m.find()).isTrue();
		var form = "username=" + username + "&password=" + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		var workspace = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/workspace")).build(),
				HttpResponse.BodyHandlers.ofString());
		var w = CSRF.matcher(workspace.body());
		assertThat(w.find()).as("signed in").isTrue();
		return new Session(http, w.group(1));
	}

	private static Process startApp(Path dataDir, int port, String mainClass, List<String> properties, Path log, boolean demo)
			throws IOException {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
		command.addAll(properties);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, "serve", "--server.port=" + port,
				"--xaso.data-dir=" + dataDir, "--xaso.demo.load=" + demo, "--xaso.documents.jobs.enabled=false",
				"--xaso.notify.jobs.enabled=false", "--xaso.backup.schedule=-", "--spring.main.banner-mode=off"));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
	}

	private static void awaitHealthy(int port, Process app, Duration timeout) throws Exception {
		var http = HttpClient.newHttpClient();
		var deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("XaSo is starting").isTrue();
			try {
				var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
					.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("XaSo did not become ready within " + timeout);
	}

	private static int freePort() throws IOException {
		try (var s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
