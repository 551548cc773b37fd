package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every text exists in both languages: each message bundle (messages.properties and each module's
 * i18n/&lt;module&gt;.properties) has exactly the keys of its English twin (_en), and every bundle on disk is one
 * Spring reads (spring.messages.basename in application.yml), so that {@code ?lang=en} never falls back to
 * Vietnamese nor shows a key.
 */
class MessageBundlesTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyKeyHasBothLanguages() throws IOException {
		var problems = new TreeMap<String, String>();
		for (var base : bundlesOnDisk()) {
			var vietnamese = keys(RESOURCES.resolve(base + ".properties"));
			var english = keys(RESOURCES.resolve(base + "_en.properties"));
			var noEnglish = new TreeSet<>(vietnamese);
			noEnglish.removeAll(english);
			var noVietnamese = new TreeSet<>(english);
			noVietnamese.removeAll(vietnamese);
			if (!noEnglish.isEmpty()) {
				problems.put(base + "_en.properties", "lacks " + noEnglish);
			}
			if (!noVietnamese.isEmpty()) {
				problems.put(base + ".properties", "lacks " + noVietnamese);
			}
		}
		assertThat(problems).as("keys missing from a language").isEmpty();
	}

	@Test
	void springReadsEveryBundleAndEveryBundleHasBothFiles() throws IOException {
		var yaml = Files.readString(RESOURCES.resolve("application.yml"));
		var m = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)\\s*$").matcher(yaml);
		assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
		var configured = Arrays.stream(m.group(1).split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
		assertThat(configured).isEqualTo(bundlesOnDisk());
		for (var base : configured) {
			assertThat(RESOURCES.resolve(base + ".properties")).exists();
			assertThat(RESOURCES.resolve(base + "_en.properties")).exists();
		}
	}

	/** Bundle base names (messages, i18n/dossiers, …) of the .properties files that have a language twin or are one. */
	private static Set<String> bundlesOnDisk() throws IOException {
		var bases = new TreeSet<String>();
		try (var files = Files.walk(RESOURCES, 2)) {
			files.filter(f -> f.toString().endsWith(".properties"))
				.map(f -> RESOURCES.relativize(f).toString().replace('\\', '/').replaceAll("\\.properties$", ""))
				.filter(name -> name.startsWith("i18n/") || name.startsWith("messages"))
				.map(name -> name.replaceAll("_[a-z]{2}$", ""))
				.forEach(bases::add);
		}
		return bases;
	}

	private static Set<String> keys(Path file) throws IOException {
		assertThat(file).exists();
		var properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties.stringPropertyNames();
	}
}
