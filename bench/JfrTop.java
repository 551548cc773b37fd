import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU goes in a JFR recording (issue 15, goal 2): `java bench/JfrTop.java rec.jfr [thread-regex] [top]`.
 * Reads the recording's execution samples (jdk.ExecutionSample: a thread running Java code, sampled every 10–20 ms) and
 * prints, over the samples of the threads whose name matches thread-regex (default: all):
 * <ol>
 * <li>samples per thread group (request threads, listeners' pool, others);</li>
 * <li>shares by part, each sample counted once: walking its stack from the top (the running method) down, the first
 * frame that belongs to one of the parts below names it; plain JDK frames (collections, strings, reflection) are passed
 * over, so a HashMap filled by Jackson counts as Jackson, while a regular expression run by XaSo's checks counts as
 * "regex" and a hash as "SHA-256";</li>
 * <li>shares by step of a request ("inclusive": a sample counts for every listed method on its stack);</li>
 * <li>the top methods by self samples, and the top methods inclusive;</li>
 * <li>GC pauses and JIT compilation time in the recording (CPU the samples do not show).</li>
 * </ol>
 */
public class JfrTop {

	/** The parts, tried in this order for each frame from the top of the stack; the first match names the sample. */
	static final List<Map.Entry<String, Predicate<String>>> PARTS = List.of(
			part("regex (java.util.regex)", "java.util.regex."),
			part("Java serialization (session attributes)", "java.io.ObjectInputStream", "java.io.ObjectOutputStream",
					"java.io.ObjectStreamClass"),
			part("SHA-256 / crypto", "sun.security.", "java.security.", "javax.crypto.", "com.sun.crypto."),
			part("password hashing (BCrypt/Argon2/PBKDF2)", "org.springframework.security.crypto.", "org.bouncycastle."),
			part("PDFBox (PDF content check)", "org.apache.pdfbox.", "org.apache.fontbox."),
			part("image decoding (ImageIO)", "javax.imageio.", "com.sun.imageio.", "sun.awt."),
			part("JSON (Jackson)", "tools.jackson.", "com.fasterxml.jackson."),
			part("logging (Logback/SLF4J)", "ch.qos.logback.", "org.slf4j."),
			part("message bundles (MessageFormat, ResourceBundle)", "java.text.MessageFormat", "java.util.ResourceBundle",
					"org.springframework.context.support.AbstractMessageSource",
					"org.springframework.context.support.ResourceBundleMessageSource"),
			part("Unicode normalisation / text", "java.text.Normalizer", "jdk.internal.icu."),
			part("PostgreSQL JDBC driver", "org.postgresql."),
			part("connection pool (HikariCP)", "com.zaxxer.hikari."),
			part("Spring Session JDBC", "org.springframework.session."),
			part("Spring Security", "org.springframework.security."),
			part("Spring Modulith events (outbox)", "org.springframework.modulith."),
			part("Spring JDBC / transactions", "org.springframework.jdbc.", "org.springframework.transaction."),
			part("Spring events / AOP / beans", "org.springframework.context.", "org.springframework.aop.",
					"org.springframework.beans.", "org.springframework.core."),
			part("Spring MVC / web", "org.springframework.web.", "org.springframework.http.", "org.springframework.boot.web."),
			part("XaSo code", "vn.xaso."),
			part("Tomcat (HTTP, I/O)", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."),
			part("Micrometer / observation", "io.micrometer."),
			part("other libraries", "org.", "com.", "io.", "net.", "gg.", "tools."));

	/** Steps of a request and of the work after it: a sample counts for each of these methods on its stack. */
	static final List<String> STEPS = List.of(
			"org.apache.catalina.connector.CoyoteAdapter.service",
			"org.springframework.session.web.http.SessionRepositoryFilter.doFilterInternal",
			"org.springframework.session.jdbc.JdbcIndexedSessionRepository.findById",
			"org.springframework.session.jdbc.JdbcIndexedSessionRepository.save",
			"org.springframework.security.web.FilterChainProxy.doFilterInternal",
			"org.springframework.security.web.csrf.CsrfFilter.doFilterInternal",
			"vn.xaso.platform.idempotency.IdempotencyFilter.doFilterInternal",
			"vn.xaso.platform.web.BadInputFilter.doFilterInternal",
			"org.springframework.web.servlet.DispatcherServlet.doDispatch",
			"vn.xaso.platform.web.JsonBodyNulCheck.beforeBodyRead",
			"org.springframework.http.converter.AbstractJacksonHttpMessageConverter.read",
			"org.springframework.http.converter.AbstractJacksonHttpMessageConverter.writeInternal",
			"vn.xaso.dossiers.web.api.DossiersApiController.submit",
			"vn.xaso.dossiers.web.api.DossiersApiController.uploads",
			"vn.xaso.dossiers.internal.SubmittingDossier.submit",
			"vn.xaso.dossiers.internal.DossierProcedures.current",
			"vn.xaso.dossiers.internal.Applicants.validate",
			"vn.xaso.dossiers.internal.FileChecks.contentType",
			"org.apache.pdfbox.Loader.loadPDF",
			"vn.xaso.dossiers.internal.AttachmentTable.prepare",
			"vn.xaso.dossiers.internal.NumberingDossier.number",
			"vn.xaso.dossiers.internal.DossierMetrics.reportSubmitted",
			"vn.xaso.dossiers.internal.NumberTable.insert",
			"vn.xaso.audit.AuditLog.recordAll",
			"vn.xaso.dossiers.internal.PayingFees.openBill",
			"vn.xaso.dossiers.internal.Journal.publish",
			"vn.xaso.dossiers.internal.DossierNotices.on",
			"org.springframework.modulith.events.support.PersistentApplicationEventMulticaster.multicastEvent",
			"org.springframework.transaction.support.AbstractPlatformTransactionManager.commit",
			"org.springframework.transaction.support.AbstractPlatformTransactionManager.getTransaction",
			"org.postgresql.jdbc.PgPreparedStatement.execute",
			"org.postgresql.jdbc.PgPreparedStatement.executeQuery",
			"org.postgresql.jdbc.PgPreparedStatement.executeUpdate",
			"vn.xaso.insights.internal.MetricEventListener.on",
			"vn.xaso.insights.internal.Facts.apply",
			"ch.qos.logback.classic.Logger.info");

	static Map.Entry<String, Predicate<String>> part(String name, String... prefixes) {
		return Map.entry(name, frame -> {
			for (var p : prefixes) {
				if (frame.startsWith(p)) {
					return true;
				}
			}
			return false;
		});
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: java bench/JfrTop.java recording.jfr [thread-regex] [top]");
			System.exit(2);
		}
		var threads = Pattern.compile(args.length > 1 ? args[1] : ".*");
		int top = args.length > 2 ? Integer.parseInt(args[2]) : 30;
		var self = new HashMap<String, Integer>();
		var inclusive = new HashMap<String, Integer>();
		var parts = new LinkedHashMap<String, Integer>();
		PARTS.forEach(p -> parts.put(p.getKey(), 0));
		parts.put("(JDK frames only: threads' own loops, I/O)", 0);
		var groups = new HashMap<String, Integer>();
		var steps = new LinkedHashMap<String, Integer>();
		STEPS.forEach(s -> steps.put(s, 0));
		int samples = 0;
		int all = 0;
		Duration gc = Duration.ZERO;
		Duration compile = Duration.ZERO;
		int gcs = 0;
		java.time.Instant first = null;
		java.time.Instant last = null;
		try (var file = new RecordingFile(Path.of(args[0]))) {
			while (file.hasMoreEvents()) {
				RecordedEvent e = file.readEvent();
				var type = e.getEventType().getName();
				if (first == null || e.getStartTime().isBefore(first)) {
					first = e.getStartTime();
				}
				if (last == null || e.getEndTime().isAfter(last)) {
					last = e.getEndTime();
				}
				if (type.equals("jdk.GarbageCollection")) {
					gc = gc.plus(e.getDuration());
					gcs++;
					continue;
				}
				if (type.equals("jdk.Compilation")) {
					compile = compile.plus(e.getDuration());
					continue;
				}
				if (!type.equals("jdk.ExecutionSample")) {
					continue;
				}
				all++;
				var thread = e.getThread("sampledThread");
				var name = thread == null ? "?" : String.valueOf(thread.getJavaName());
				if (!threads.matcher(name).find()) {
					continue;
				}
				samples++;
				groups.merge(group(name), 1, Integer::sum);
				var stack = e.getStackTrace();
				List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
				var seen = new HashSet<String>();
				String named = null;
				for (int i = 0; i < frames.size(); i++) {
					var f = frames.get(i);
					if (!f.isJavaFrame()) {
						continue;
					}
					var m = f.getMethod();
					var id = m.getType().getName() + "." + m.getName();
					if (i == 0) {
						self.merge(id, 1, Integer::sum);
					}
					if (seen.add(id)) {
						inclusive.merge(id, 1, Integer::sum);
						if (steps.containsKey(id)) {
							steps.merge(id, 1, Integer::sum);
						}
					}
					if (named == null) {
						for (var p : PARTS) {
							if (p.getValue().test(id)) {
								named = p.getKey();
								break;
							}
						}
					}
				}
				parts.merge(named == null ? "(JDK frames only: threads' own loops, I/O)" : named, 1, Integer::sum);
			}
		}
		var span = first == null ? Duration.ZERO : Duration.between(first, last);
		System.out.printf("recording %s: %.1f s; execution samples %d, of threads matching /%s/ %d%n", args[0],
				span.toMillis() / 1000.0, all, threads, samples);
		System.out.printf("GC pauses: %d, %.2f s in all; JIT compilations: %.2f s in all (CPU outside the samples)%n%n", gcs,
				gc.toMillis() / 1000.0, compile.toMillis() / 1000.0);
		if (samples == 0) {
			return;
		}
		final int n = samples;
		System.out.println("| thread group | samples | share |");
		System.out.println("|---|---:|---:|");
		sorted(groups).forEach(g -> System.out.printf("| %s | %d | %.1f %% |%n", g.getKey(), g.getValue(), 100.0 * g.getValue() / n));
		System.out.println();
		System.out.println("| part (first one from the top of each sampled stack) | samples | share |");
		System.out.println("|---|---:|---:|");
		sorted(parts).stream().filter(p -> p.getValue() > 0)
			.forEach(p -> System.out.printf("| %s | %d | %.1f %% |%n", p.getKey(), p.getValue(), 100.0 * p.getValue() / n));
		System.out.println();
		System.out.println("| step (inclusive: samples with this method on the stack) | samples | share |");
		System.out.println("|---|---:|---:|");
		steps.forEach((k, v) -> {
			if (v > 0) {
				System.out.printf("| `%s` | %d | %.1f %% |%n", shortName(k), v, 100.0 * v / n);
			}
		});
		System.out.println();
		System.out.println("Top methods, self (the running method):");
		sorted(self).stream().limit(top).forEach(s -> System.out.printf("  %5.1f %%  %6d  %s%n", 100.0 * s.getValue() / n, s.getValue(), s.getKey()));
		System.out.println();
		System.out.println("Top methods, inclusive (XaSo, Spring, PDFBox, Jackson, driver; JDK and Tomcat left out):");
		sorted(inclusive).stream().filter(s -> !s.getKey().startsWith("java.") && !s.getKey().startsWith("jdk.")
				&& !s.getKey().startsWith("sun.") && !s.getKey().startsWith("org.apache.catalina.")
				&& !s.getKey().startsWith("org.apache.coyote.") && !s.getKey().startsWith("org.apache.tomcat."))
			.limit(top * 2L)
			.forEach(s -> System.out.printf("  %5.1f %%  %6d  %s%n", 100.0 * s.getValue() / n, s.getValue(), s.getKey()));
	}

	static String shortName(String id) {
		int dot = id.lastIndexOf('.', id.lastIndexOf('.') - 1);
		return dot < 0 ? id : id.substring(dot + 1);
	}

	static String group(String thread) {
		if (thread.startsWith("http-nio") || thread.contains("exec-")) {
			return "request threads (Tomcat http-nio-*-exec-*)";
		}
		if (thread.startsWith("task-") || thread.startsWith("xaso-async") || thread.contains("Async")) {
			return "after-commit listeners (task-*)";
		}
		if (thread.startsWith("scheduling-") || thread.contains("scheduler")) {
			return "scheduled jobs";
		}
		return "other: " + thread.replaceAll("[0-9]+", "#");
	}

	static <K> List<Map.Entry<K, Integer>> sorted(Map<K, Integer> map) {
		var list = new ArrayList<>(map.entrySet());
		list.sort(Map.Entry.<K, Integer>comparingByValue().reversed());
		return list;
	}
}
