package vn.xaso.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.xaso.XasoApplication;

/**
 * The start-up cache of {@code ./xaso serve} (docs/performance.md, "Start-up"): {@code ./xaso start-cache} makes the
 * JVM's cache for an extracted application from a real training start (the AOT cache on Java 25+, class data sharing
 * before), and the start command it prints loads XaSo's own classes from that cache. The application here is the
 * compiled classes in a jar with the dependencies beside it in {@code lib/} — the layout of
 * {@code java -Djarmode=tools -jar xaso.jar extract} — so that the test needs no packaged jar.
 */
class StartCacheTests {

	private static final Pattern OWN_CLASS_LOAD = Pattern.compile("(?m)^.*\\[class,load\\s*\\] vn\\.xaso\\.\\S+ source: (.*)$");

	@Test
	void startCacheIsMadeByATrainingStartAndUsed() throws Exception {
		var work = Path.of("target/start-cache-" + UUID.randomUUID()).toAbsolutePath();
		var app = extractedApplication(work.resolve("app"));

		var prepared = run(List.of(Path.of("xaso").toAbsolutePath().toString(), "start-cache"), work.resolve("start-cache.log"),
				Map.of("XASO_APP_DIR", app.toString()));
		assertThat(prepared.exit()).as(prepared.output()).isZero();
		assertThat(prepared.output()).contains("Start-up cache ready");
		var command = prepared.output().lines().filter(l -> l.startsWith("Start command: ")).findFirst().orElseThrow()
			.substring("Start command: ".length());
		var cacheOption = Arrays.stream(command.split(" ")).filter(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:SharedArchiveFile="))
			.findFirst().orElseThrow(() -> new AssertionError("no cache option in " + command));
		var cache = Path.of(cacheOption.substring(cacheOption.indexOf('=') + 1));
		assertThat(cache).isRegularFile();
		assertThat(Files.size(cache)).isPositive();

		// The printed command, on a data folder of its own, stopped once the context is built.
		var data = work.resolve("data");
		var withCache = startOnce(command, data, work.resolve("with-cache.log"));
		assertThat(withCache.exit()).as(withCache.output()).isZero();
		var loaded = ownClassSources(withCache.output());
		assertThat(loaded).as("XaSo's classes loaded").hasSizeGreaterThan(100);
		assertThat(loaded.stream().filter(s -> s.contains("shared objects file")).count())
			.as("XaSo's classes taken from the cache, of %d loaded", loaded.size())
			.isGreaterThan(loaded.size() * 8L / 10);

		// A cache that no longer fits the jar (a new build copied over it) is the JVM's to refuse: it checks the class
		// path's jars against the ones of the training and starts without the cache (JEP 483). Not started here again:
		// a third start would cost the suite ~40 s for the JDK's own behaviour.
	}

	/** The command with class-load logging and Spring's exit after the context is built (as in the training). */
	private static Result startOnce(String command, Path data, Path log) throws Exception {
		var args = new ArrayList<>(Arrays.asList(command.split(" ")));
		int jarAt = args.indexOf("-jar");
		args.addAll(jarAt, List.of("-Xlog:class+load=info", "-Dspring.context.exit=onRefresh"));
		args.addAll(List.of("--server.port=0", "--xaso.data-dir=" + data, "--xaso.db.durable=false", "--xaso.demo.load=false"));
		return run(args, log, Map.of());
	}

	/**
	 * Where each XaSo class read from the application came from: the cache or xaso.jar. Classes generated at run time
	 * (Spring's CGLIB proxies, lambdas: their source is a class name) are left out, no cache holds them.
	 */
	private static List<String> ownClassSources(String output) {
		var sources = new ArrayList<String>();
		var m = OWN_CLASS_LOAD.matcher(output);
		while (m.find()) {
			var source = m.group(1);
			if (source.contains("shared objects file") || source.contains("xaso.jar")) {
				sources.add(source);
			}
		}
		return sources;
	}

	/** xaso.jar (the compiled classes, Main-Class and Class-Path in its manifest) and lib/ (links to the jars). */
	private static Path extractedApplication(Path dir) throws IOException {
		Files.createDirectories(dir.resolve("lib"));
		var classes = Path.of(XasoApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		var classPath = new ArrayList<String>();
		int i = 0;
		for (var path : dependencyJars()) {
			var name = "lib/%04d-%s".formatted(i++, path.getFileName());
			Files.createSymbolicLink(dir.resolve(name), path.toAbsolutePath());
			classPath.add(name);
		}
		var manifest = new Manifest();
		var attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, XasoApplication.class.getName());
		attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
		attributes.putValue("Add-Exports", "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper");
		attributes.putValue("Add-Opens", "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper");
		var jar = dir.resolve("xaso.jar");
		try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest); Stream<Path> files = Files.walk(classes)) {
			for (var file : (Iterable<Path>) files.filter(f -> !f.equals(classes)).sorted()::iterator) {
				var name = classes.relativize(file).toString().replace(File.separatorChar, '/');
				if (Files.isDirectory(file)) {
					// Folder entries too, as a built jar has them: Spring's component scan asks the class loader for them.
					out.putNextEntry(new JarEntry(name + "/"));
					out.closeEntry();
					continue;
				}
				out.putNextEntry(new JarEntry(name));
				Files.copy(file, (OutputStream) out);
				out.closeEntry();
			}
		}
		return dir;
	}

	/**
	 * The jars of this test's class path (Surefire lists them in the Class-Path of its own manifest-only jar); the
	 * classes folders are left out: the test's own are not part of the application, and the JVM caches no class
	 * read from a folder.
	 */
	private static Set<Path> dependencyJars() throws IOException {
		var jars = new LinkedHashSet<Path>();
		for (var entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			var path = Path.of(entry).toAbsolutePath();
			if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
				continue;
			}
			if (!path.getFileName().toString().startsWith("surefirebooter")) {
				jars.add(path);
				continue;
			}
			try (var jar = new JarFile(path.toFile())) {
				var listed = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
				for (var url : listed == null ? new String[0] : listed.split(" ")) {
					var listedPath = Path.of(path.toUri().resolve(url));
					if (listedPath.toString().endsWith(".jar") && Files.isRegularFile(listedPath)) {
						jars.add(listedPath);
					}
				}
			}
		}
		return jars;
	}

	private record Result(int exit, String output) {
	}

	private static Result run(List<String> command, Path log, Map<String, String> env) throws Exception {
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(env);
		var process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("did not finish within 10 minutes: " + command + "\n" + Files.readString(log, StandardCharsets.UTF_8));
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}
}
