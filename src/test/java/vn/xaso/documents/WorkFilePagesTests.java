package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** Through the real pages: create a work file, file documents, close, download the ZIP, import a package. */
@XasoIntegrationTest
class WorkFilePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkFiles workFiles;

	@Autowired
	Documents documents;

	@Test
	void createFileCloseDownloadAndImportThroughTheForms() {
		// two documents of Yên Mô ready to be filed (in no work file yet)
		long seeded = WorkFileFixtures.filled(workFiles, documents, WorkFileFixtures.uniqueCode("SD"));
		var docIds = Tenancy.callAs(UnitScope.of("14701"), () -> {
			var items = workFiles.find(DocumentFixtures.CLERK, seeded).orElseThrow().items();
			for (var i : items) {
				workFiles.remove(DocumentFixtures.CLERK, seeded, i.documentId());
			}
			return items.stream().map(WorkFile.Item::documentId).toList();
		});

		var clerk = new WorkFileWebClient(port).signIn("yenmo.vanthu", DemoData.PASSWORD);
		assertThat(clerk.get("/documents").body()).contains("href=\"/documents/work-files\"");
		assertThat(clerk.get("/documents/work-files/new").body()).contains("Lập hồ sơ mới", "Vĩnh viễn");
		var bad = clerk.post("/documents/work-files", Map.of("code", "../x", "title", "", "year", "2026", "handler", "yenmo.vanthu", "retention", "10"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Mã hồ sơ gồm chữ không dấu");
		var code = WorkFileFixtures.uniqueCode("WEB");
		var created = clerk.post("/documents/work-files", Map.of("code", code, "title", "Hồ sơ cấp giấy khai sinh", "year",
				String.valueOf(WorkFileFixtures.year()), "handler", "yenmo.vanthu", "retention", "permanent"));
		assertThat(created.statusCode()).isEqualTo(302);
		var path = WorkFileWebClient.location(created);
		assertThat(path).matches("/documents/work-files/\\d+");
		for (var docId : docIds) {
			assertThat(clerk.get(path + "?q=ho+ngheo").body()).contains("value=\"" + docId + "\"");
			assertThat(clerk.post(path + "/documents", Map.of("documentId", String.valueOf(docId))).statusCode()).isEqualTo(302);
		}
		assertThat(clerk.get(path).body()).contains("Đã thêm văn bản vào hồ sơ", "Hồ sơ có 2 văn bản");
		assertThat(clerk.get(path + "/archive.zip").statusCode()).isEqualTo(303);
		assertThat(clerk.post(path + "/close", Map.of()).statusCode()).isEqualTo(302);
		assertThat(clerk.get(path).body()).contains("Đã đóng hồ sơ", "Tải gói lưu trữ");
		assertThat(clerk.get("/documents/work-files?q=khai+sinh&status=closed").body()).contains(code);

		var zip = clerk.getBytes(path + "/archive.zip");
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		assertThat(WorkFileFixtures.unzip(zip.body()).keySet()).contains("documents/001.pdf", "documents/002.pdf", "metadata.json", "manifest-sha256.txt");

		var specialist = new WorkFileWebClient(port).signIn("yenmo.tuphap", DemoData.PASSWORD);
		assertThat(specialist.get(path).statusCode()).isEqualTo(200);
		assertThat(specialist.getBytes(path + "/archive.zip").statusCode()).isEqualTo(403);

		// a package made by Nga An, imported by Yên Mô's clerk: first tampered (refused, inline error), then as is
		byte[] package_ = ngaAnPackage();
		var entries = new LinkedHashMap<>(WorkFileFixtures.unzip(package_));
		var pdf = entries.get("documents/001.pdf").clone();
		pdf[pdf.length - 10] ^= 0x20;
		entries.put("documents/001.pdf", pdf);
		assertThat(clerk.get("/documents/work-files/import").body()).contains("Nhập gói lưu trữ");
		var refused = clerk.postMultipart("/documents/work-files/import", Map.of(), "file", "ho-so.zip", "application/zip", WorkFileFixtures.zip(entries));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("documents/001.pdf", "SHA-256", "error-message");
		var notZip = clerk.postMultipart("/documents/work-files/import", Map.of(), "file", "x.zip", "application/zip", "hello".getBytes(StandardCharsets.UTF_8));
		assertThat(notZip.body()).contains("không phải gói lưu trữ ZIP");
		var imported = clerk.postMultipart("/documents/work-files/import", Map.of(), "file", "ho-so.zip", "application/zip", package_);
		assertThat(imported.statusCode()).isEqualTo(302);
		var importedPage = clerk.get(WorkFileWebClient.location(imported)).body();
		assertThat(importedPage).contains("Đã nhập hồ sơ", "16144", "Công văn đến Nga An");
		var record = clerk.getBytes(WorkFileWebClient.location(imported) + "/records/1/pdf");
		assertThat(record.statusCode()).isEqualTo(200);
		assertThat(record.body()).isEqualTo(WorkFileFixtures.unzip(package_).get("documents/001.pdf"));

		var other = new WorkFileWebClient(port).signIn("ngaan.admin", DemoData.PASSWORD);
		assertThat(other.get(path).statusCode()).isEqualTo(404);
		assertThat(other.getBytes(path + "/archive.zip").statusCode()).isEqualTo(403);
	}

	private byte[] ngaAnPackage() {
		var ngaAn = DocumentFixtures.NGA_AN_CLERK;
		return Tenancy.callAs(UnitScope.of(ngaAn.unitCode()), () -> {
			var pdf = DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.CONG_VAN, "40/UBND-VP"));
			long in = documents.register(ngaAn, new Documents.Incoming("UBND tỉnh Ninh Bình", "40/UBND-VP", LocalDate.now(Documents.VIETNAM),
					DocumentType.CONG_VAN, "Công văn đến Nga An", "", "thuong", 0, pdf));
			long id = workFiles.create(ngaAn, new WorkFiles.NewWorkFile(WorkFileFixtures.uniqueCode("NA"), "Hồ sơ của Nga An",
					String.valueOf(WorkFileFixtures.year()), "ngaan.admin", "50"));
			workFiles.add(ngaAn, id, in);
			workFiles.close(ngaAn, id);
			var out = new ByteArrayOutputStream();
			workFiles.export(ngaAn, id, out);
			return out.toByteArray();
		});
	}
}
