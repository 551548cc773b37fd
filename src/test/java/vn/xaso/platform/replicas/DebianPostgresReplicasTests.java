package vn.xaso.platform.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.xaso.XasoApplication;
import vn.xaso.signing.internal.MasterKey;

/**
 * A province following docs/operations.md on Debian's own PostgreSQL server (the {@code postgresql}
 * package, which {@code ./xaso test} installs): a fresh cluster made with that package's {@code initdb},
 * the DBA block of the document run literally with its {@code psql}, then two replicas started together
 * on the database it made. A person signs in on one replica and continues on the other; the application
 * login is no superuser; the search speed-up is in place. No package: the test fails (it never skips).
 */
class DebianPostgresReplicasTests {

	static final Pattern DBA_BLOCK = Pattern.compile("<!-- dba-steps:[^\\n]*-->\\s*```sql\\n(.*?)```", Pattern.DOTALL);
	static final Pattern ROLE = Pattern.compile("create role (\\w+) login[^;]*password '([^']+)'");
	static final Pattern DATABASE = Pattern.compile("create database (\\w+) owner (\\w+)");

	@Test
	void twoReplicasOnDebiansPostgresqlFollowingTheDocumentedDbaSteps() throws Exception {
		var bin = debianBinaries();
		var block = dbaBlock();
		var roles = new ArrayList<String[]>();
		ROLE.matcher(block).results().forEach(m -> roles.add(new String[] { m.group(1), m.group(2) }));
		var database = DATABASE.matcher(block).results().findFirst().orElseThrow(() -> new AssertionError("no create database"));
		var owner = roles.stream().filter(r -> r[0].equals(database.group(2))).findFirst().orElseThrow();
		var app = roles.stream().filter(r -> !r[0].equals(database.group(2))).findFirst().orElseThrow();

		var home = Files.createTempDirectory("xaso-debian-pg", PosixFilePermissions.asFileAttribute(
				PosixFilePermissions.fromString("rwx------")));
		int port = freePort();
		var asUser = runsAsRoot() ? "nobody" : null;
		if (asUser != null) {
			Files.setOwner(home, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(asUser));
		}
		var data = home.resolve("data");
		try {
			run(home, asUser, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-E", "UTF8",
					"--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256");
			run(home, asUser, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
					"-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1", "start");
			var script = home.resolve("xaso-dba.sql");
			Files.writeString(script, block, StandardCharsets.UTF_8);
			if (asUser != null) {
				Files.setOwner(script, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(asUser));
			}
			// As the document says: the superuser runs the block with psql, stopping at the first error.
			run(home, asUser, bin.resolve("psql").toString(), "-h", home.toString(), "-p", Integer.toString(port), "-U", "postgres",
					"-d", "postgres", "-v", "ON_ERROR_STOP=1", "-f", script.toString());

			var url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database.group(1);
			var first = CompletableFuture.supplyAsync(() -> replica(url, owner, app));
			var second = CompletableFuture.supplyAsync(() -> replica(url, owner, app));
			try (var a = first.get(5, TimeUnit.MINUTES); var b = second.get(5, TimeUnit.MINUTES)) {
				var jdbc = a.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(app[0]);
				assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user").query(Boolean.class)
					.single()).as("the application login bypasses nothing").isFalse();
				assertThat(jdbc.sql("select proleakproof from pg_proc where oid = 'pg_catalog.textlike(text,text)'::regprocedure")
					.query(Boolean.class).single()).as("the DBA block's leakproof step").isTrue();
				assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isNotNull();
				assertThat(ownerJdbc(url, owner).sql("select count(*) from admin_unit where level = 'commune'").query(Long.class).single())
					.isEqualTo(3321L);

				var sealed = a.getBean(MasterKey.class).seal("khoá".getBytes(StandardCharsets.UTF_8), "14701");
				assertThat(new String(b.getBean(MasterKey.class).open(sealed, "14701"), StandardCharsets.UTF_8)).isEqualTo("khoá");

				TwoReplicasTests.signInOnOneReplicaAndContinueOnTheOther(a, b);
			}
		}
		finally {
			if (Files.exists(data.resolve("postmaster.pid"))) {
				run(home, asUser, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
			}
			try (Stream<Path> files = Files.walk(home)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** initdb, pg_ctl and psql of the newest PostgreSQL that Debian's package installed. */
	static Path debianBinaries() throws IOException {
		var root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			fail("Debian's PostgreSQL server is not installed (no /usr/lib/postgresql): run ./xaso test, which installs "
					+ "the 'postgresql' package, or apt-get install postgresql");
		}
		try (var versions = Files.list(root)) {
			return versions.map(v -> v.resolve("bin"))
				.filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl"))
						&& Files.isExecutable(b.resolve("psql")))
				.max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
				.orElseThrow(() -> new AssertionError("No initdb/pg_ctl/psql under /usr/lib/postgresql/*/bin: install 'postgresql'"));
		}
	}

	/** The one sql block of docs/operations.md marked as the DBA steps. */
	static String dbaBlock() throws IOException {
		var doc = Files.readString(Path.of("docs/operations.md"), StandardCharsets.UTF_8);
		var matcher = DBA_BLOCK.matcher(doc);
		if (!matcher.find()) {
			throw new AssertionError("docs/operations.md has no <!-- dba-steps --> sql block");
		}
		return matcher.group(1);
	}

	private static ConfigurableApplicationContext replica(String url, String[] owner, String[] app) {
		var dataDir = Path.of("target/replica-app-" + UUID.randomUUID());
		return new SpringApplicationBuilder(XasoApplication.class).run("--server.port=0", "--xaso.db.url=" + url,
				"--xaso.db.owner-user=" + owner[0], "--xaso.db.owner-password=" + owner[1], "--xaso.db.app-user=" + app[0],
				"--xaso.db.app-password=" + app[1], "--xaso.data-dir=" + dataDir, "--xaso.demo.load=false",
				"--xaso.signing.key-wrapping-secret=province-shared-secret-2026", "--xaso.db.pool-size=4");
	}

	private static JdbcClient ownerJdbc(String url, String[] owner) {
		var ds = new SimpleDriverDataSource();
		ds.setDriverClass(org.postgresql.Driver.class);
		ds.setUrl(url);
		ds.setUsername(owner[0]);
		ds.setPassword(owner[1]);
		return JdbcClient.create(ds);
	}

	private static boolean runsAsRoot() throws IOException, InterruptedException {
		var p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
		var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		p.waitFor();
		return out.equals("0");
	}

	/** Runs a command (as {@code user} through runuser when given) in {@code dir}; fails with its output. */
	private static void run(Path dir, String user, String... command) throws IOException, InterruptedException {
		var full = new ArrayList<String>();
		if (user != null) {
			full.addAll(List.of("runuser", "-u", user, "--"));
		}
		full.addAll(List.of(command));
		var process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new AssertionError(String.join(" ", full) + " failed:\n" + output);
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
