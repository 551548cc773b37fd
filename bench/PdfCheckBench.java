import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * CPU of one PDF content check as uploads get it (PDFBox {@code Loader.loadPDF} + {@code getNumberOfPages}), warm, in
 * isolation (issue 15, goal 2: is the PDF check a submission's hot spot?). For the benchmark's PDF
 * (bench/dossiers-submit.sh: no xref table, so PDFBox rebuilds it by a brute-force scan) and a well-formed one-page PDF:
 * <pre>
 * R=~/.m2/repository; V=3.0.6
 * java -cp $R/org/apache/pdfbox/pdfbox/$V/pdfbox-$V.jar:$R/org/apache/pdfbox/pdfbox-io/$V/pdfbox-io-$V.jar:$R/org/apache/pdfbox/fontbox/$V/fontbox-$V.jar:$R/commons-logging/commons-logging/1.3.5/commons-logging-1.3.5.jar \
 *   -Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog bench/PdfCheckBench.java
 * </pre>
 */
public class PdfCheckBench {

	public static void main(String[] args) throws Exception {
		var bench = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		var out = new ByteArrayOutputStream();
		try (var document = new PDDocument()) {
			document.addPage(new PDPage());
			document.save(out);
		}
		var wellFormed = out.toByteArray();
		var threads = ManagementFactory.getThreadMXBean();
		for (int round = 1; round <= 3; round++) {
			for (var pdf : new byte[][] { bench, wellFormed }) {
				int n = 20_000;
				int pages = 0;
				long cpu = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < n; i++) {
					try (var document = Loader.loadPDF(pdf)) {
						pages += document.getNumberOfPages();
					}
				}
				cpu = threads.getCurrentThreadCpuTime() - cpu;
				System.out.printf("round %d, %s (%d bytes): %.1f µs of CPU per check (%d pages)%n", round,
						pdf == bench ? "the benchmark's PDF, no xref" : "a well-formed PDF", pdf.length, cpu / 1000.0 / n, pages);
			}
		}
	}
}
