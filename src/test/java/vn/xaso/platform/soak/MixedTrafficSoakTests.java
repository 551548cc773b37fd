package vn.xaso.platform.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * The short soak (issue 12): the mixed traffic of {@code bench/soak.sh} ({@link SoakTraffic}: visitors, citizens
 * submitting online, the one-stop officer receiving, the clerk's register, the chairman's insights) for
 * 40 seconds in-process ({@code -Dxaso.soak.seconds=…} for longer), then: no request failed (no 4xx/5xx, no transport
 * error), at least one online submission went through, and the server's live threads and the database
 * connections did not grow between the first sample after warm-up and the end.
 */
@XasoIntegrationTest
class MixedTrafficSoakTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMinuteOfMixedTrafficHasNoErrorsAndLeaksNoThreadsOrConnections() throws Exception {
		long seconds = Long.getLong("xaso.soak.seconds", 40);
		var traffic = new SoakTraffic("http://127.0.0.1:" + port, Duration.ofSeconds(seconds));
		var samples = new ArrayList<long[]>(); // {seconds since start, server threads, database connections}
		var sampler = new Thread(() -> {
			long t0 = System.nanoTime();
			try {
				while (!Thread.currentThread().isInterrupted()) {
					Thread.sleep(5_000);
					synchronized (samples) {
						samples.add(new long[] { (System.nanoTime() - t0) / 1_000_000_000L, serverThreads(), connections() });
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "soak-sampler");
		sampler.start();
		var totals = traffic.run(1, (int) Math.max(10, seconds / 4), System.out);
		sampler.interrupt();
		sampler.join();

		assertThat(totals.errorSamples()).as("failed requests").isEmpty();
		assertThat(totals.errors()).isZero();
		assertThat(totals.requests()).as("requests sent").isGreaterThan(seconds);
		assertThat(totals.submissions()).as("online submissions").isPositive();

		List<long[]> kept;
		synchronized (samples) {
			kept = List.copyOf(samples);
		}
		assertThat(kept).hasSizeGreaterThanOrEqualTo(4);
		// The first quarter is warm-up (pools fill up to what the load needs); after it, nothing may grow.
		var afterWarmUp = kept.stream().filter(s -> s[0] >= seconds / 4).toList();
		long[] first = afterWarmUp.getFirst();
		long maxThreads = afterWarmUp.stream().mapToLong(s -> s[1]).max().orElseThrow();
		long lastConnections = afterWarmUp.getLast()[2];
		String table = kept.stream().map(Arrays::toString).reduce("", (a, b) -> a + " " + b);
		assertThat(maxThreads).as("server threads [s, threads, connections]:" + table).isLessThanOrEqualTo(first[1] + 5);
		assertThat(lastConnections).as("database connections [s, threads, connections]:" + table).isLessThanOrEqualTo(Math.max(first[2], 10) + 1);
	}

	/** Live threads of this JVM, without the load driver's own (its users and its HTTP clients). */
	private static long serverThreads() {
		var mx = ManagementFactory.getThreadMXBean();
		return Arrays.stream(mx.getThreadInfo(mx.getAllThreadIds()))
			.filter(t -> t != null && !t.getThreadName().startsWith("soak-") && !t.getThreadName().startsWith("HttpClient-"))
			.count();
	}

	private long connections() {
		return jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and backend_type = 'client backend'")
			.query(Long.class).single();
	}
}
