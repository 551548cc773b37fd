package vn.xaso.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.xaso.XasoApplication;

/**
 * The jar's commands other than {@code serve} start without a web server and exit by themselves:
 * {@code verify-audit} on a fresh data folder checks every chain and exits 0 (it used to fail at start,
 * the security configuration needing a web context, and then hang on a library thread), and print no
 * made-up address (it printed "XaSo is ready: http://localhost:-1/").
 */
class CommandLineTests {

	@Test
	void verifyAuditRunsOnAFreshFolderAndExits() throws Exception {
		var dataDir = Path.of("target/cli-" + UUID.randomUUID()).toAbsolutePath();
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var output = Files.createTempFile("xaso-cli", ".log");
		var process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				XasoApplication.class.getName(), "verify-audit", "--xaso.data-dir=" + dataDir, "--xaso.demo.load=false",
				"--xaso.db.durable=false"))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		var finished = process.waitFor(4, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		var log = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(finished).as("the command exits by itself; its output:\n%s", log).isTrue();
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).containsPattern("(?m)^\\S+\\s+OK\\s+[0-9]+ entries");
		assertThat(log).as("listens on no port").doesNotContainPattern("Tomcat started on port [0-9]");
		assertThat(log).as("prints no address it does not answer on").doesNotContain("localhost:-1").doesNotContain(":-1/");
	}
}
