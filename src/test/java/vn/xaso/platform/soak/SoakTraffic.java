package vn.xaso.platform.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The soak's mixed traffic (issue 12), JDK only (with {@link SoakClient}) so that {@code bench/soak.sh} compiles
 * the two files with plain {@code javac} and runs them against the packaged jar
 * ({@code SoakTraffic <base-url> <seconds> [stats-seconds] [scale]}), and {@code MixedTrafficSoakTests} runs
 * it in-process. Virtual users with think time:
 * <ul>
 * <li>visitors (each round one of {@link SoakClient#RETURNING_VISITORS} people per visitor thread, each with
 * their own address and a cookie jar kept between visits, as browsers do): commune home, notices, procedure search and a
 * procedure page, public tracking, now and then a feedback report (form with its one-time token);</li>
 * <li>citizens (signed in once with the demo code): their dossiers page and API, an online submission of a
 * marriage registration with a PDF about every fifth round;</li>
 * <li>the one-stop officer: dossier list, the NEW queue, reads a dossier and receives it;</li>
 * <li>the clerk: the document register with and without a search; the chairman: the commune's insights;</li>
 * <li>the reference: the static stylesheet (the server floor) in every visitor round.</li>
 * </ul>
 * Every request from one user carries its own X-Forwarded-For address (believed from the loopback proxy), as
 * real visitors come from many addresses. An error is a transport failure or a status outside 2xx/3xx.
 * Every {@code statsSeconds} it prints one {@code STATS} line (requests, errors, p50/p99 of the window).
 */
public final class SoakTraffic {

	public static final String COMMUNE = "14701";
	private static final Pattern DEMO_CODE = Pattern.compile("la ([0-9]{6})");
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
	private static final String PASSWORD = "XaSo-2026-demo";
	/** A one-page PDF small enough to write by hand (the same as bench/dossiers-submit.sh sends). */
	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
			+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

	private final String base;
	private final long endNanos;
	private final Random seed = new Random(12);
	private final AtomicLong requests = new AtomicLong();
	private final AtomicLong errors = new AtomicLong();
	private final AtomicLong submissions = new AtomicLong();
	private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Long> staticLatencies = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
	/** Codes and phone tails of submitted dossiers, for the public tracking. */
	private final ConcurrentLinkedQueue<String[]> tracked = new ConcurrentLinkedQueue<>();

	public SoakTraffic(String base, Duration duration) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.endNanos = System.nanoTime() + duration.toNanos();
	}

	/** Totals of a run (or of a window). */
	public record Totals(long requests, long errors, long submissions, long p50Micros, long p99Micros, long staticP50Micros,
			List<String> errorSamples) {
	}

	public static void main(String[] args) throws Exception {
		var base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
		var seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
		var statsSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
		var scale = args.length > 3 ? Integer.parseInt(args[3]) : 1;
		var totals = new SoakTraffic(base, Duration.ofSeconds(seconds)).run(scale, statsSeconds, System.out);
		System.out.printf("TOTAL requests=%d errors=%d submissions=%d p50_ms=%.1f p99_ms=%.1f%n", totals.requests(), totals.errors(),
				totals.submissions(), totals.p50Micros() / 1000.0, totals.p99Micros() / 1000.0);
		totals.errorSamples().forEach(e -> System.out.println("ERROR " + e));
		System.exit(totals.errors() == 0 ? 0 : 1);
	}

	/**
	 * Runs the mix until the duration is over: {@code scale} × (4 visitors, 2 citizens, 1 one-stop officer,
	 * 1 clerk, 1 chairman). Prints a STATS line every {@code statsSeconds} to {@code out} (null: none).
	 */
	public Totals run(int scale, int statsSeconds, PrintStream out) throws InterruptedException {
		var users = new ArrayList<Thread>();
		var kinds = List.of("visitor", "visitor", "visitor", "visitor", "citizen", "citizen", "one-stop", "clerk", "chairman");
		for (int i = 0; i < scale * kinds.size(); i++) {
			var kind = kinds.get(i % kinds.size());
			users.add(user(kind, i, switch (kind) {
				case "visitor" -> this::visitor;
				case "citizen" -> this::citizen;
				case "one-stop" -> this::oneStop;
				case "clerk" -> this::clerk;
				default -> this::chairman;
			}));
		}
		users.forEach(Thread::start);
		var all = new ArrayList<Long>();
		var allStatic = new ArrayList<Long>();
		long windowStart = System.nanoTime();
		int window = 0;
		long lastRequests = 0;
		long lastErrors = 0;
		while (users.stream().anyMatch(Thread::isAlive)) {
			long nextWindow = windowStart + Duration.ofSeconds(statsSeconds).toNanos();
			while (System.nanoTime() < nextWindow && users.stream().anyMatch(Thread::isAlive)) {
				Thread.sleep(200);
			}
			var lat = drain(latencies);
			var st = drain(staticLatencies);
			all.addAll(lat);
			allStatic.addAll(st);
			long r = requests.get();
			long e = errors.get();
			window++;
			if (out != null && !lat.isEmpty()) {
				out.printf("STATS window=%d seconds=%.1f requests=%d errors=%d submissions=%d p50_ms=%.1f p99_ms=%.1f static_p50_ms=%.2f%n", window,
						(System.nanoTime() - windowStart) / 1e9, r - lastRequests, e - lastErrors, submissions.get(), pct(lat, 50) / 1000.0,
						pct(lat, 99) / 1000.0, pct(st, 50) / 1000.0);
				out.flush();
			}
			lastRequests = r;
			lastErrors = e;
			windowStart = nextWindow;
		}
		for (var u : users) {
			u.join();
		}
		all.addAll(drain(latencies));
		return new Totals(requests.get(), errors.get(), submissions.get(), pct(all, 50), pct(all, 99), pct(allStatic, 50),
				List.copyOf(errorSamples));
	}

	// ------------------------------------------------------------------ the users

	private interface Round {
		void run(SoakClient c, int round) throws Exception;
	}

	private Thread user(String kind, int n, Round round) {
		var random = new Random(seed.nextLong());
		var thread = new Thread(() -> {
			var client = new SoakClient(base, "10.77." + (n / 250) + "." + (n % 250 + 1), this::recorded, this::fail);
			try {
				Thread.sleep(random.nextInt(2000)); // users do not all arrive at once
				if (!kind.equals("visitor")) {
					signIn(client, kind, n);
				}
				for (int i = 0; System.nanoTime() < endNanos; i++) {
					try {
						round.run(client, i);
					}
					catch (IOException | RuntimeException e) {
						fail(kind + " " + e);
					}
					Thread.sleep(500 + random.nextInt(1000)); // think time
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (Exception e) {
				fail(kind + " could not start: " + e);
			}
		}, "soak-" + kind + "-" + n);
		thread.setDaemon(true);
		return thread;
	}

	private void signIn(SoakClient c, String kind, int n) throws Exception {
		if (kind.equals("citizen")) {
			var phone = "0987" + String.format("%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
			c.form("/citizen/otp", c.token("/citizen/signin"), Map.of("phone", phone));
			var page = c.get("/citizen/verify?phone=" + phone);
			var code = DEMO_CODE.matcher(page.body());
			if (!code.find()) {
				throw new IllegalStateException("no demo code on the verify page (xaso.demo.load=true needed)");
			}
			c.form("/citizen/verify", SoakClient.csrf(page.body()), Map.of("phone", phone, "code", code.group(1)));
			c.csrf = c.token("/citizen");
			return;
		}
		var username = switch (kind) {
			case "one-stop" -> "yenmo.motcua";
			case "clerk" -> "yenmo.vanthu";
			default -> "yenmo.chutich";
		};
		var answer = c.form("/signin", c.token("/signin"), Map.of("username", username, "password", PASSWORD));
		if (!answer.headers().firstValue("Location").orElse("").endsWith("/workspace")) {
			throw new IllegalStateException("sign-in as " + username + " failed");
		}
		c.csrf = c.token("/workspace");
	}

	private void visitor(SoakClient c, int round) throws Exception {
		c.newVisitor(round);
		timedStatic(c);
		c.get("/x/" + COMMUNE);
		c.get(round % 2 == 0 ? "/x/" + COMMUNE + "/notices" : "/x/" + COMMUNE + "/news");
		var q = List.of("khai sinh", "kết hôn", "chứng thực", "hộ tịch", "đất đai").get(round % 5);
		c.get("/procedures?unit=" + COMMUNE + "&q=" + SoakClient.enc(q));
		c.get("/procedures/1.001193?unit=" + COMMUNE);
		var dossier = tracked.peek();
		if (dossier != null) {
			c.get("/dossiers/track?code=" + SoakClient.enc(dossier[0]) + "&phone4=" + dossier[1]);
		}
		else {
			c.get("/dossiers/track");
		}
		if (round % 6 == 5) { // a feedback report now and then
			var token = c.token("/x/" + COMMUNE + "/feedback/new");
			c.multipart("/x/" + COMMUNE + "/feedback", token, Map.of("category", "KHAC",
					"description", "Đèn đường thôn Bình Hải không sáng (soak " + UUID.randomUUID() + ")", "address", "Thôn Bình Hải"));
			c.get("/x/" + COMMUNE + "/feedback");
		}
	}

	private void citizen(SoakClient c, int round) throws Exception {
		c.get("/citizen");
		c.get("/citizen/dossiers");
		var mine = c.get("/api/v1/dossiers/mine");
		var id = ID.matcher(mine.body());
		if (id.find()) {
			c.get("/api/v1/dossiers/mine/" + id.group(1));
		}
		if (round % 5 == 1) {
			var body = ("{\"unitCode\": \"%s\", \"procedureCode\": \"1.000894\", \"applicant\": {\"name\": \"Trần Thị Hoa\", \"cccd\": \"037190001234\", "
					+ "\"phone\": \"0988000001\", \"address\": \"Thôn Bình Hải, xã Yên Mô\"}, \"form\": {\"brideName\": \"Trần Thị Hoa\", "
					+ "\"brideBirthDate\": \"1998-05-04\", \"brideCccd\": \"037198001234\", \"brideEthnicity\": \"Kinh\", \"brideResidence\": \"Thôn Bình Hải\", "
					+ "\"groomName\": \"Phạm Văn Dũng\", \"groomBirthDate\": \"1996-02-01\", \"groomCccd\": \"037096004321\", \"groomEthnicity\": \"Kinh\", "
					+ "\"groomResidence\": \"Thôn Yên Hòa\", \"firstMarriage\": \"true\", \"pledge\": \"true\"}, "
					+ "\"files\": [{\"name\": \"to-khai.pdf\", \"contentBase64\": \"%s\"}]}").formatted(COMMUNE, java.util.Base64.getEncoder().encodeToString(PDF));
			var receipt = c.json("POST", "/api/v1/dossiers/mine", body);
			var code = CODE.matcher(receipt.body());
			if (receipt.statusCode() == 201 && code.find()) {
				submissions.incrementAndGet();
				tracked.add(new String[] { code.group(1), "0001" });
				while (tracked.size() > 50) {
					tracked.poll();
				}
			}
		}
	}

	private void oneStop(SoakClient c, int round) throws Exception {
		c.get(round % 2 == 0 ? "/dossiers" : "/dossiers?tab=all&q=tran");
		var queue = c.json("GET", "/api/v1/dossiers?queue=NEW&size=5", null);
		var id = ID.matcher(queue.body());
		if (!id.find()) {
			return;
		}
		var dossier = c.json("GET", "/api/v1/dossiers/" + id.group(1), null);
		c.get("/dossiers/" + id.group(1));
		var actions = c.json("GET", "/api/v1/dossiers/" + id.group(1) + "/actions", null);
		var version = VERSION.matcher(dossier.body());
		if (actions.body().contains("\"name\":\"receive\"") && version.find()) {
			c.json("POST", "/api/v1/dossiers/" + id.group(1) + "/actions",
					"{\"action\": \"receive\", \"version\": " + version.group(1) + ", \"note\": \"\"}");
		}
	}

	private void clerk(SoakClient c, int round) throws Exception {
		c.get(round % 2 == 0 ? "/documents" : "/documents?q=" + SoakClient.enc("quyết định") + "&dir=out");
		if (round % 3 == 0) {
			c.get("/workspace");
		}
	}

	private void chairman(SoakClient c, int round) throws Exception {
		c.get("/insights/" + COMMUNE);
		if (round % 3 == 0) {
			c.get("/insights/" + COMMUNE + "/DOSSIER_ON_TIME");
		}
		c.get("/dossiers?tab=all");
	}

	private void timedStatic(SoakClient c) throws Exception {
		long t0 = System.nanoTime();
		c.get("/assets/xaso.css");
		staticLatencies.add((System.nanoTime() - t0) / 1000);
	}

	// ------------------------------------------------------------------ HTTP

	/** A request answered: counted, its latency kept for the window's percentiles. */
	private void recorded(long micros) {
		latencies.add(micros);
		requests.incrementAndGet();
	}

	private void fail(String what) {
		errors.incrementAndGet();
		if (errorSamples.size() < 20) {
			errorSamples.add(what);
		}
	}

	private static List<Long> drain(ConcurrentLinkedQueue<Long> queue) {
		var out = new ArrayList<Long>();
		for (Long v; (v = queue.poll()) != null;) {
			out.add(v);
		}
		return out;
	}

	private static long pct(List<Long> values, int percentile) {
		if (values.isEmpty()) {
			return 0;
		}
		var sorted = values.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}
}
