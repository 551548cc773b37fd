package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No new user-facing Vietnamese in Java (issue 14): a string literal with Vietnamese letters, outside comments and
 * log calls, belongs in the module's bundle ({@code i18n/<module>.properties} with its {@code _en} twin) so
 * {@code ?lang=en} is English. Files whose Vietnamese is data by definition are listed in {@link #DATA}; the files
 * still to be moved are in {@link #TO_MOVE} with the number of such literals they have now: a file may only go
 * down (then lower its number, or drop it when it reaches 0), never up, and no other file may start. No Spring
 * context: reads the sources.
 */
class NoVietnameseLiteralsTests {

	/** A string literal on one line holding a Vietnamese letter. */
	private static final Pattern LITERAL = Pattern.compile(
			"\"[^\"\\n]*[ạảãàáâậầấẩẫăằắẳẵặẹẻẽèéêềếểễệịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỵỷỹỳýđĐ][^\"\\n]*\"");

	/** A log call: log lines are for operators and stay as they are. */
	private static final Pattern LOG = Pattern.compile("\\b(?:log|LOG|logger)\\.(?:trace|debug|info|warn|error)\\(");

	/**
	 * Vietnamese by definition (a folder ends with /): demo and seed content; the Vietnamese text tools (folding,
	 * numbers in words, the speech normaliser's dictionary); the lunar calendar's can-chi names and the holidays'
	 * names (kept beside their English twins); the official unit lists' column names; the legal symbols of document
	 * kinds and the legal-text patterns the document layout reads; the default feedback categories (a commune's data);
	 * Open311 answers (Vietnamese and English side by side); the RSS feed and Vietnamese weekday names; the words a
	 * signature prints into the signed PDF (Phụ lục I); the words people type into an e-form that its checks read ("đồng", "có");
	 * the village kinds (thôn, xóm, bản…) stored and printed as the official unit lists write them.
	 */
	static final List<String> DATA = List.of("vn/xaso/demo/", "vn/xaso/economy/internal/EconomyDemo.java",
			"vn/xaso/community/internal/CommunityDemo.java", "vn/xaso/catalog/internal/CatalogSeed.java",
			"vn/xaso/radio/internal/VietnameseNormaliser.java", "vn/xaso/platform/VietnameseText.java",
			"vn/xaso/calendar/LunarCalendar.java", "vn/xaso/calendar/internal/HolidayRules.java",
			"vn/xaso/units/internal/CsvUnitImporter.java", "vn/xaso/units/internal/Csv.java", "vn/xaso/documents/DocumentType.java",
			"vn/xaso/documents/internal/DocumentRenderer.java", "vn/xaso/feedback/internal/FeedbackCategories.java",
			"vn/xaso/feedback/web/Open311Controller.java", "vn/xaso/portal/web/Feeds.java", "vn/xaso/portal/web/PortalFormat.java",
			"vn/xaso/signing/SignatureAppearance.java", "vn/xaso/catalog/TypedWords.java", "vn/xaso/units/Village.java");

	/** Still to move into bundles (issue 14), with today's count: lower a number when you move some, never raise one. */
	static final Map<String, Integer> TO_MOVE = Map.ofEntries();

	@Test
	void noFileHasMoreVietnameseLiteralsThanAllowed() throws IOException {
		var found = count();
		var tooMany = new TreeMap<String, String>();
		found.forEach((file, n) -> {
			int allowed = TO_MOVE.getOrDefault(file, 0);
			if (n > allowed) {
				tooMany.put(file, n + " (allowed " + allowed + ")");
			}
		});
		assertThat(tooMany).as("Vietnamese string literals in Java: move them into the module's bundle with an _en twin").isEmpty();
	}

	/** Templates whose words are all in bundles now (issue 14): a Vietnamese letter in one of them fails. */
	static final List<String> TEMPLATES_IN_BUNDLES = List.of("dossiers/result.jte", "dossiers/paper-files.jte");

	@Test
	void templatesMovedToBundlesStayThere() throws IOException {
		var letter = Pattern.compile("[ạảãàáâậầấẩẫăằắẳẵặẹẻẽèéêềếểễệịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỵỷỹỳýđĐ]");
		var found = new TreeMap<String, String>();
		for (var name : TEMPLATES_IN_BUNDLES) {
			var lines = Files.readAllLines(Path.of("src/main/jte", name));
			for (int i = 0; i < lines.size(); i++) {
				if (letter.matcher(lines.get(i)).find()) {
					found.put(name + ":" + (i + 1), lines.get(i).strip());
				}
			}
		}
		assertThat(found).as("Vietnamese words in templates whose words are in the bundle: use page.t(…)").isEmpty();
	}

	@Test
	void theListOfFilesToMoveIsNotStale() throws IOException {
		var found = count();
		var stale = new TreeMap<String, String>();
		TO_MOVE.forEach((file, allowed) -> {
			int n = found.getOrDefault(file, 0);
			if (n < allowed) {
				stale.put(file, "now " + n + ", listed " + allowed);
			}
		});
		assertThat(stale).as("lower these numbers in TO_MOVE (drop a file at 0)").isEmpty();
	}

	private static Map<String, Integer> count() throws IOException {
		var root = Path.of("src/main/java");
		var counts = new TreeMap<String, Integer>();
		try (Stream<Path> files = Files.walk(root)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				var name = root.relativize(file).toString().replace('\\', '/');
				if (DATA.stream().anyMatch(d -> d.endsWith("/") ? name.startsWith(d) : name.equals(d))) {
					continue;
				}
				int n = 0;
				for (var line : Files.readAllLines(file)) {
					var code = line.strip();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//") || LOG.matcher(code).find()) {
						continue;
					}
					var m = LITERAL.matcher(code);
					while (m.find()) {
						n++;
					}
				}
				if (n > 0) {
					counts.put(name, n);
				}
			}
		}
		return counts;
	}
}
