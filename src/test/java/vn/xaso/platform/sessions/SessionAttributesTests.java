package vn.xaso.platform.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Every attribute XaSo keeps in the HTTP session (Spring Session JDBC, shared by the replicas) must be
 * serialisable and must deserialise on <em>another</em> replica: a class generated at run time (a proxy,
 * a hidden class) is written fine but is unknown to the next JVM. Officials of every role and a citizen
 * walk the pages their workspace links to (plus a failed sign-in and a bulk action that leave messages
 * in the session); then every stored attribute is read back with a class loader of its own built from the
 * same class path — as the second replica has the same jar but none of this JVM's generated classes.
 */
@XasoIntegrationTest
class SessionAttributesTests {

	private static final Pattern LINK = Pattern.compile("href=\"(/[a-z][^\"#]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Test
	void everySessionAttributeOfTheSignedInPagesDeserialisesOnAnotherReplica() throws Exception {
		var sessions = new ArrayList<WebSession>();
		int pages = 0;
		// A failed sign-in leaves its message and the username in the session for the next page.
		var failed = new WebSession(port);
		failed.get("/signin");
		assertThat(failed.post("/signin", Map.of("username", "khong.co.nguoi.nay", "password", "sai-mat-khau")).statusCode())
			.isEqualTo(302);
		sessions.add(failed);
		for (var username : List.of("yenmo.motcua", "yenmo.tuphap", "yenmo.chutich", "yenmo.vanthu", "yenmo.admin")) {
			var official = new WebSession(port).signInOfficial(username, DemoData.PASSWORD);
			pages += walk(official, "/workspace");
			sessions.add(official);
		}
		// A bulk action with nothing ticked: its lines travel in the session (a flash attribute) to the list.
		var desk = sessions.get(1);
		assertThat(desk.post("/dossiers/bulk", Map.of("step", "receive")).statusCode()).isEqualTo(302);
		var citizen = new WebSession(port).signInCitizen("0977" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), outbox);
		pages += walk(citizen, "/citizen");
		sessions.add(citizen);
		assertThat(pages).as("pages walked").isGreaterThan(20);

		var attributes = new TreeMap<String, String>();
		try (var replica = anotherReplica()) {
			for (var session : sessions) {
				var id = SessionsInDatabaseTests.sessionId(session);
				var rows = jdbc.sql("""
						select a.attribute_name, a.attribute_bytes from spring_session_attributes a
						join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
					.param(id).query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).list();
				assertThat(rows).as("session %s has attributes", id).isNotEmpty();
				for (var row : rows) {
					Object value;
					try (var in = new ReplicaInput(new ByteArrayInputStream(row.getValue()), replica)) {
						value = in.readObject();
					}
					catch (ClassNotFoundException | IOException e) {
						throw new AssertionError("session attribute " + row.getKey() + " does not deserialise on another replica: " + e, e);
					}
					attributes.put(row.getKey(), value == null ? "null" : value.getClass().getName());
					assertThat(value.getClass().getClassLoader()).as("%s read with the other replica's classes", row.getKey())
						.isIn(replica, null, ClassLoader.getPlatformClassLoader());
				}
			}
		}
		System.out.println("Session attributes seen: " + attributes);
		assertThat(attributes).containsKey("SPRING_SECURITY_CONTEXT");
		assertThat(attributes.keySet()).as("a flash message and a CSRF token were among them")
			.anyMatch(k -> k.contains("FLASH_MAPS")).anyMatch(k -> k.contains("CSRF"));
	}

	/** GETs the page and every same-site page it links to (not files, not sign-out); answers must not be 5xx. */
	private static int walk(WebSession session, String start) {
		var first = session.get(start);
		assertThat(first.statusCode()).as(start).isEqualTo(200);
		var links = new LinkedHashSet<String>();
		var m = LINK.matcher(first.body());
		while (m.find()) {
			var href = m.group(1).replace("&amp;", "&");
			if (!href.contains("signout") && !href.startsWith("/assets") && !href.startsWith("/webjars") && !href.contains("/files/")
					&& !href.contains("download") && !href.contains("export") && !href.endsWith(".pdf") && !href.endsWith(".css")
					&& !href.endsWith(".js") && !href.endsWith(".ico") && !href.endsWith(".png") && !href.endsWith(".webmanifest")) {
				links.add(href);
			}
		}
		int n = 1;
		for (var href : links) {
			var page = session.get(href);
			assertThat(page.statusCode()).as("GET %s", href).isLessThan(500);
			n++;
		}
		return n;
	}

	/** The class path as a fresh loader: the same jars and folders, none of this JVM's generated classes. */
	private static URLClassLoader anotherReplica() throws IOException {
		var urls = new ArrayList<URL>();
		for (var entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			var path = Path.of(entry);
			urls.add(path.toUri().toURL());
			if (entry.endsWith(".jar")) {
				// surefire may start the fork with one jar whose manifest names the real class path
				try (var jar = new JarFile(path.toFile())) {
					var manifest = jar.getManifest();
					var classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
					if (classPath != null) {
						for (var part : classPath.split(" ")) {
							if (!part.isBlank()) {
								urls.add(urlOf(path, part));
							}
						}
					}
				}
			}
		}
		return new URLClassLoader("another-replica", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

	private static URL urlOf(Path jar, String part) throws MalformedURLException {
		try {
			return jar.toUri().resolve(part).toURL();
		}
		catch (IllegalArgumentException e) {
			return new URL(part);
		}
	}

	/** Resolves every class through the other replica's loader only. */
	static final class ReplicaInput extends ObjectInputStream {
		private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class, "char", char.class,
				"short", short.class, "int", int.class, "long", long.class, "float", float.class, "double", double.class, "void", void.class);
		private final ClassLoader loader;

		ReplicaInput(InputStream in, ClassLoader loader) throws IOException {
			super(in);
			this.loader = loader;
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
			var primitive = PRIMITIVES.get(desc.getName());
			return primitive != null ? primitive : Class.forName(desc.getName(), false, loader);
		}

		@Override
		protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
			throw new ClassNotFoundException("a JDK proxy in the session: " + String.join(", ", interfaces));
		}
	}
}
