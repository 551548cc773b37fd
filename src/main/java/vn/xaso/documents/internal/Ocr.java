package vn.xaso.documents.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the text of a scanned PDF (one with almost no text of its own) with Tesseract's Vietnamese model, so
 * search finds scanned incoming documents. Each of the first {@value #MAX_PAGES} pages is rendered at 300 dpi
 * grey and passed to {@code tesseract <png> stdout -l vie}, killed after {@value #PAGE_TIMEOUT_SECONDS} s.
 * Whether Tesseract and {@code vie} are installed is checked once; without them OCR is skipped.
 */
@Component
public class Ocr {

	static final int MAX_PAGES = 20;
	static final int PAGE_TIMEOUT_SECONDS = 60;
	/** Fewer letters and digits than this per page and a PDF counts as a scan. */
	static final int MIN_CHARS_PER_PAGE = 20;

	private static final Logger log = LoggerFactory.getLogger(Ocr.class);

	private final String command;
	private final boolean available;

	public Ocr(@Value("${xaso.documents.ocr.enabled:true}") boolean enabled,
			@Value("${xaso.documents.ocr.command:tesseract}") String command) {
		this.command = command;
		this.available = enabled && detect(command);
		if (!enabled) {
			log.info("OCR of scanned documents is off (xaso.documents.ocr.enabled=false).");
		}
		else if (!available) {
			log.info("OCR of scanned documents is off: '{} --list-langs' does not list 'vie' "
					+ "(install tesseract-ocr and tesseract-ocr-vie).", command);
		}
	}

	/** Whether Tesseract with the Vietnamese model can be used. */
	public boolean available() {
		return available;
	}

	/** Whether a PDF's own text is (almost) empty, as for a scan. */
	public static boolean looksScanned(PdfInspector.Inspection inspection) {
		long chars = inspection.text().codePoints().filter(Character::isLetterOrDigit).count();
		return chars < (long) MIN_CHARS_PER_PAGE * Math.max(1, inspection.pages());
	}

	/**
	 * The inspection of an uploaded PDF with its text read by OCR when it looks scanned and Tesseract is installed;
	 * otherwise the inspection unchanged. Never fails the upload: errors are logged and the PDF's own text is kept.
	 */
	public PdfInspector.Inspection withOcrIfScanned(PdfInspector.Inspection inspection, byte[] pdf) {
		if (!available || !looksScanned(inspection)) {
			return inspection;
		}
		try {
			var text = read(pdf);
			return text.isBlank() ? inspection : new PdfInspector.Inspection(inspection.pages(), text);
		}
		catch (IOException | RuntimeException e) {
			log.warn("OCR of a scanned PDF failed; it is stored without text: {}", e.toString());
			return inspection;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return inspection;
		}
	}

	/** The OCR text of the first {@value #MAX_PAGES} pages, NFC-normalised. */
	public String read(byte[] pdf) throws IOException, InterruptedException {
		var dir = Files.createTempDirectory("xaso-ocr");
		try (var doc = Loader.loadPDF(pdf)) {
			var renderer = new PDFRenderer(doc);
			var text = new StringBuilder();
			int pages = Math.min(doc.getNumberOfPages(), MAX_PAGES);
			for (int i = 0; i < pages; i++) {
				var png = dir.resolve("page-" + i + ".png");
				ImageIO.write(renderer.renderImageWithDPI(i, 300, ImageType.GRAY), "png", png.toFile());
				text.append(tesseract(png, dir.resolve("page-" + i + ".txt"))).append('\n');
				Files.delete(png);
			}
			var nfc = Normalizer.normalize(text.toString(), Normalizer.Form.NFC).replace('\u0000', ' ').strip();
			return nfc.length() > 1_000_000 ? nfc.substring(0, 1_000_000) : nfc;
		}
		finally {
			try (var files = Files.list(dir)) {
				for (var f : files.toList()) {
					Files.deleteIfExists(f);
				}
			}
			Files.deleteIfExists(dir);
		}
	}

	private String tesseract(Path png, Path out) throws IOException, InterruptedException {
		var pb = new ProcessBuilder(command, png.toString(), "stdout", "-l", "vie")
			.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
		pb.environment().put("OMP_THREAD_LIMIT", "1");
		var process = pb.start();
		if (!process.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			throw new IOException("tesseract took longer than " + PAGE_TIMEOUT_SECONDS + " s on one page");
		}
		if (process.exitValue() != 0) {
			throw new IOException("tesseract exited with " + process.exitValue());
		}
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	private static boolean detect(String command) {
		try {
			var out = Files.createTempFile("xaso-ocr-langs", ".txt");
			try {
				var process = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true)
					.redirectOutput(out.toFile()).start();
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					return false;
				}
				List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
				return process.exitValue() == 0 && lines.stream().anyMatch(l -> l.strip().equals("vie"));
			}
			finally {
				Files.deleteIfExists(out);
			}
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
