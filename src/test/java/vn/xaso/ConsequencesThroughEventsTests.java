package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.xaso.audit.AuditLog;
import vn.xaso.notify.Notifications;

/**
 * Consequences through events (issue 14): a use case publishes an {@code AuditEvent}/{@code AuditEvents} or a
 * {@code Notice} and the audit and notify modules listen ({@code audit.internal.AuditListener},
 * {@code notify.internal.NoticeListener}). So no class outside {@code audit} takes {@link AuditLog} and no class outside
 * {@code notify} takes {@link Notifications} — by constructor, {@code @Bean} method or field —
 * except the ones listed here with the reason. No Spring context: reads the sources.
 */
class ConsequencesThroughEventsTests {

	/** Classes outside audit that may still take the audit log, and why. */
	static final Map<String, String> AUDIT_LOG_ALLOWED = Map.of();

	/** Classes outside notify that may still take notifications, and why. */
	static final Map<String, String> NOTIFICATIONS_ALLOWED = Map.of(
			"vn.xaso.setup.internal.ProvinceCommunes", "reads how the invitations stand (deliveries): a query, not a consequence",
			"vn.xaso.portal.internal.NotifyAnnouncer", "announce to every follower: the number of queued deliveries is shown");

	@Test
	void onlyTheListedClassesOutsideAuditTakeTheAuditLog() throws IOException {
		var takers = takersOf(AuditLog.class, "vn.xaso.audit.");
		assertThat(takers).as("classes taking AuditLog outside audit: publish AuditEvent/AuditEvents instead"
				+ " (docs/architecture.md, Consequences through events)").isSubsetOf(AUDIT_LOG_ALLOWED.keySet());
		assertThat(AUDIT_LOG_ALLOWED.keySet()).as("allowed classes that no longer take AuditLog: remove them from the list")
			.isSubsetOf(takers);
	}

	@Test
	void onlyTheListedClassesOutsideNotifyTakeNotifications() throws IOException {
		var takers = takersOf(Notifications.class, "vn.xaso.notify.");
		assertThat(takers).as("classes taking Notifications outside notify: publish a Notice instead"
				+ " (docs/architecture.md, Consequences through events)").isSubsetOf(NOTIFICATIONS_ALLOWED.keySet());
		assertThat(NOTIFICATIONS_ALLOWED.keySet()).as("allowed classes that no longer take Notifications: remove them from the list")
			.isSubsetOf(takers);
	}

	@Test
	void theGuardSeesAnInjection() throws IOException {
		// the scan itself works: the audit module's own listener takes the log, notify's own listener takes notifications
		assertThat(takersOf(AuditLog.class, "vn.xaso.none.")).contains("vn.xaso.audit.internal.AuditListener");
		assertThat(takersOf(Notifications.class, "vn.xaso.none.")).contains("vn.xaso.notify.internal.NoticeListener");
	}

	/** A declaration of the type: a constructor or method parameter, a field, {@code Optional<AuditLog>} and the like. */
	private static Pattern declaring(Class<?> type) {
		return Pattern.compile("(?<![.\\w])" + type.getSimpleName() + "\\s*>?\\s+[a-z]\\w*\\s*[,);=]");
	}

	/**
	 * Main classes (outside {@code ownPackage}) declaring a {@code type} to hold: a bean gets one only by injection
	 * (constructor, {@code @Bean} method or field). Reads the sources, comments left out; using a constant such as
	 * {@code AuditLog.SYSTEM_UNIT} is not taking the bean.
	 */
	private static Set<String> takersOf(Class<?> type, String ownPackage) throws IOException {
		var pattern = declaring(type);
		var root = Path.of("src/main/java");
		var takers = new TreeSet<String>();
		try (Stream<Path> files = Files.walk(root)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				var name = root.relativize(file).toString().replace('\\', '/').replace(".java", "").replace('/', '.');
				if (name.startsWith(ownPackage)) {
					continue;
				}
				var code = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
				if (pattern.matcher(code).find()) {
					takers.add(name);
				}
			}
		}
		return takers;
	}

	private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
}
