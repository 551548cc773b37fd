package vn.xaso.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** A closed work file of Yên Mô with one released and one incoming document, and ZIP helpers. */
final class WorkFileFixtures {

	private WorkFileFixtures() {
	}

	static String uniqueCode(String prefix) {
		return prefix + "-" + (System.nanoTime() % 1_000_000_000L);
	}

	static int year() {
		return LocalDate.now(Documents.VIETNAM).getYear();
	}

	/** An open work file of Yên Mô with a released outgoing and an incoming document filed in it. */
	static long filled(WorkFiles workFiles, Documents documents, String code) {
		var clerk = DocumentFixtures.CLERK;
		long released = DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER,
				DocumentFixtures.draft(DocumentType.QUYET_DINH, "Quyết định về việc hỗ trợ hộ nghèo " + code));
		return Tenancy.callAs(UnitScope.of(clerk.unitCode()), () -> {
			documents.release(clerk, released, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			var pdf = DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.CONG_VAN, "31/UBND-VP"));
			long incoming = documents.register(clerk, new Documents.Incoming("UBND tỉnh Ninh Bình", "31/UBND-VP",
					LocalDate.now(Documents.VIETNAM).minusDays(2), DocumentType.CONG_VAN, "Công văn về hỗ trợ hộ nghèo " + code,
					"Trần Thị Bình", "khan", 1, pdf));
			long id = workFiles.create(clerk, new WorkFiles.NewWorkFile(code, "Hồ sơ hỗ trợ hộ nghèo " + code, String.valueOf(year()),
					"yenmo.vanthu", "permanent"));
			workFiles.add(clerk, id, released);
			workFiles.add(clerk, id, incoming);
			return id;
		});
	}

	static Map<String, byte[]> unzip(byte[] zip) {
		var out = new LinkedHashMap<String, byte[]>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				out.put(e.getName(), in.readAllBytes());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	static byte[] zip(Map<String, byte[]> entries) {
		var bytes = new ByteArrayOutputStream();
		try (var out = new ZipOutputStream(bytes)) {
			for (var e : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(e.getKey()));
				out.write(e.getValue());
				out.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}
