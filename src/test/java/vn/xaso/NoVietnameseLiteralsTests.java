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
	 * signature prints into the signed PDF (Phụ lục I); the village kinds (thôn, xóm, bản…) stored and printed as the
	 * official unit lists write them.
	 */
	static final List<String> DATA = List.of("vn/xaso/demo/", "vn/xaso/economy/internal/EconomyDemo.java",
			"vn/xaso/community/internal/CommunityDemo.java", "vn/xaso/catalog/internal/CatalogSeed.java",
			"vn/xaso/radio/internal/VietnameseNormaliser.java", "vn/xaso/platform/VietnameseText.java",
			"vn/xaso/calendar/LunarCalendar.java", "vn/xaso/calendar/internal/HolidayRules.java",
			"vn/xaso/units/internal/CsvUnitImporter.java", "vn/xaso/units/internal/Csv.java", "vn/xaso/documents/DocumentType.java",
			"vn/xaso/documents/internal/DocumentRenderer.java", "vn/xaso/feedback/internal/FeedbackCategories.java",
			"vn/xaso/feedback/web/Open311Controller.java", "vn/xaso/portal/web/Feeds.java", "vn/xaso/portal/web/PortalFormat.java",
			"vn/xaso/signing/SignatureAppearance.java", "vn/xaso/units/Village.java");

	/** Still to move into bundles (issue 14), with today's count: lower a number when you move some, never raise one. */
	static final Map<String, Integer> TO_MOVE = Map.ofEntries(
			Map.entry("vn/xaso/school/internal/PayingTuition.java", 1), // the bill purpose ("lớp"), as economy's was
			Map.entry("vn/xaso/catalog/CommuneProcedures.java", 6),
			Map.entry("vn/xaso/catalog/FeeSchedule.java", 15),
			Map.entry("vn/xaso/catalog/FormDefinition.java", 2),
			Map.entry("vn/xaso/catalog/OnlineMode.java", 3),
			Map.entry("vn/xaso/catalog/Procedures.java", 4),
			Map.entry("vn/xaso/catalog/ProcessingTime.java", 4),
			Map.entry("vn/xaso/catalog/web/AdminProceduresController.java", 1),
			Map.entry("vn/xaso/community/internal/ExportingHouseholds.java", 10),
			Map.entry("vn/xaso/economy/internal/LotLabels.java", 5),
			Map.entry("vn/xaso/meetings/internal/InvitingMembers.java", 2),
			Map.entry("vn/xaso/meetings/internal/MeetingNotices.java", 1),
			Map.entry("vn/xaso/meetings/internal/MinutesPdf.java", 39),
			Map.entry("vn/xaso/meetings/internal/MinutesSigner.java", 1),
			Map.entry("vn/xaso/community/internal/HouseholdAddresses.java", 1),
			Map.entry("vn/xaso/documents/DocumentTemplates.java", 2),
			Map.entry("vn/xaso/documents/DraftEditing.java", 1),
			Map.entry("vn/xaso/documents/WorkFile.java", 2),
			Map.entry("vn/xaso/documents/internal/ArchiveMetadata.java", 2),
			Map.entry("vn/xaso/documents/internal/ArchivePackage.java", 2),
			Map.entry("vn/xaso/documents/internal/DraftingDocument.java", 2),
			Map.entry("vn/xaso/documents/internal/PdfStamps.java", 9),
			Map.entry("vn/xaso/documents/web/DocumentNames.java", 3),
			Map.entry("vn/xaso/documents/web/DraftingController.java", 2),
			Map.entry("vn/xaso/dossiers/Channel.java", 3),
			Map.entry("vn/xaso/dossiers/Consent.java", 3),
			Map.entry("vn/xaso/dossiers/DossierNotFound.java", 1),
			Map.entry("vn/xaso/dossiers/Queue.java", 7),
			Map.entry("vn/xaso/dossiers/Timeliness.java", 8),
			Map.entry("vn/xaso/dossiers/internal/CatalogProcedures.java", 1),
			Map.entry("vn/xaso/dossiers/internal/FillingResult.java", 1),
			Map.entry("vn/xaso/dossiers/internal/NumberingDossier.java", 1),
			Map.entry("vn/xaso/dossiers/internal/Pdfs.java", 24),
			Map.entry("vn/xaso/dossiers/internal/ReceiptPapers.java", 4),
			Map.entry("vn/xaso/dossiers/internal/ReceivingDossier.java", 1),
			Map.entry("vn/xaso/dossiers/internal/ResultFields.java", 47),
			Map.entry("vn/xaso/dossiers/internal/TestDossierRemoval.java", 7),
			Map.entry("vn/xaso/dossiers/internal/TrackingBook.java", 16),
			Map.entry("vn/xaso/dossiers/web/Evidence.java", 8),
			Map.entry("vn/xaso/dossiers/web/IntakeController.java", 1),
			Map.entry("vn/xaso/dossiers/web/ProcedureForms.java", 2),
			Map.entry("vn/xaso/dossiers/web/Show.java", 1),
			Map.entry("vn/xaso/insights/Indicators.java", 1),
			Map.entry("vn/xaso/insights/MonthlyReports.java", 13),
			Map.entry("vn/xaso/insights/Targets.java", 4),
			Map.entry("vn/xaso/insights/web/Exports.java", 29),
			Map.entry("vn/xaso/insights/web/OpenDataController.java", 2),
			Map.entry("vn/xaso/payments/Payments.java", 2),
			Map.entry("vn/xaso/payments/internal/ReceiptRenderer.java", 21),
			Map.entry("vn/xaso/radio/Broadcasts.java", 4),
			Map.entry("vn/xaso/radio/Pronunciations.java", 1),
			Map.entry("vn/xaso/radio/SpeakerNetwork.java", 1),
			Map.entry("vn/xaso/radio/internal/AudioEncoder.java", 1),
			Map.entry("vn/xaso/radio/internal/CloudSpeechEngine.java", 6),
			Map.entry("vn/xaso/radio/internal/EspeakEngine.java", 2),
			Map.entry("vn/xaso/radio/internal/Narration.java", 4),
			Map.entry("vn/xaso/radio/internal/Pipes.java", 7));

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
