package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A module's messages live in its own bundle ({@code i18n/<module>.properties} and {@code _en}):
 * both languages have the same keys, and every key the module's Java code names (refusals,
 * confirmations, Bean Validation messages) is in both. No Spring context: reads the files.
 */
class ModuleBundlesTests {

	/** A string literal or a Bean Validation message naming a key of the module, e.g. "feedback.error.note" or {feedback.error.note}; "text" keys are texts the module stores (timeline notes, labels). */
	private static Pattern keyUse(String module) {
		return Pattern.compile("[\"{](" + module + "\\.(?:error|done|announce|text|api)\\.[A-Za-z0-9]+)[\"}]");
	}

	@ParameterizedTest

	@ValueSource(strings = { "feedback", "portal", "dossiers", "signing", "documents", "catalog", "insights", "radio", "notify", "identity", "units", "economy", "meetings", "farm", "health", "school", "calendar", "payments", "platform", "party", "community", "setup", "audit", "addresses", "cameras" })
	void bothLanguagesHaveTheSameKeys(String module) {
		var vi = load("i18n/" + module + ".properties").stringPropertyNames();
		var en = load("i18n/" + module + "_en.properties").stringPropertyNames();
		assertThat(new TreeSet<>(en)).as("keys missing in English").containsAll(vi);
		assertThat(new TreeSet<>(vi)).as("keys missing in Vietnamese").containsAll(en);
	}

	@ParameterizedTest

	@ValueSource(strings = { "feedback", "portal", "dossiers", "signing", "documents", "catalog", "insights", "notify", "radio", "identity", "units", "economy", "meetings", "farm", "health", "school", "calendar", "payments", "platform", "party", "community", "setup", "audit", "addresses", "cameras" })
	void everyKeyTheCodeNamesIsInBothLanguages(String module) throws IOException {
		var used = new TreeSet<String>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/xaso/" + module))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				var m = keyUse(module).matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		assertThat(used).as("the module names some keys").isNotEmpty();
		assertThat(load("i18n/" + module + ".properties").stringPropertyNames()).as("Vietnamese").containsAll(used);
		assertThat(load("i18n/" + module + "_en.properties").stringPropertyNames()).as("English").containsAll(used);
	}

	@ParameterizedTest
	@ValueSource(strings = { "feedback", "portal", "signing" })
	void noVietnameseSentenceIsLeftInTheModulesJava(String module) throws IOException {
		// Vietnamese letters inside a string literal, outside comments: a user-facing text that belongs in the bundle.
		var literal = Pattern.compile("\"[^\"\\n]*[ạảãàáâậầấẩẫăằắẳẵặẹẻẽèéêềếểễệịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỵỷỹỳýđĐ][^\"\\n]*\"");
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/xaso/" + module))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				for (var line : Files.readAllLines(file)) {
					var code = line.strip();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
						continue;
					}
					var m = literal.matcher(code);
					while (m.find() && !NOT_MESSAGES.contains(file.getFileName().toString())) {
						found.add(file.getFileName() + ": " + m.group());
					}
				}
			}
		}
		assertThat(found).as("hard-coded Vietnamese in " + module).isEmpty();
	}

	/**
	 * Files whose Vietnamese is not (yet) a bundle message: the default categories are data stored
	 * in each commune's table; Open311 answers carry their Vietnamese and English text side by side;
	 * the RSS feed and the Vietnamese weekday names are Vietnamese by definition; the words a signature prints
	 * into the signed PDF (Phụ lục I) are legal text of the document. Shrink this list.
	 */
	private static final Set<String> NOT_MESSAGES = Set.of("FeedbackCategories.java", "Open311Controller.java", "Feeds.java",
			"PortalFormat.java", "SignatureAppearance.java");

	private static Properties load(String resource) {
		var properties = new Properties();
		try (var in = ModuleBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
