package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.xaso.documents.internal.ArchivePackage;
import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** Export → import into another commune → re-export is lossless; damaged or hostile packages are refused whole. */
@XasoIntegrationTest
class ArchivePackageTests {

	@Autowired
	WorkFiles workFiles;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	static final Actor CLERK = DocumentFixtures.CLERK;
	static final Actor NGA_AN = DocumentFixtures.NGA_AN_CLERK;
	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void exportImportReexportKeepsMetadataAndEveryPdfByteForByte() {
		var code = WorkFileFixtures.uniqueCode("LT");
		long id = WorkFileFixtures.filled(workFiles, documents, code);
		byte[] first = Tenancy.callAs(UnitScope.of(CLERK.unitCode()), () -> {
			workFiles.close(CLERK, id);
			return export(CLERK, id);
		});
		var a = WorkFileFixtures.unzip(first);
		assertThat(a.keySet()).containsExactly("documents/001.pdf", "documents/002.pdf", "metadata.json", "manifest-sha256.txt");
		var manifest = new String(a.get("manifest-sha256.txt"), StandardCharsets.UTF_8);
		for (var name : Set.of("documents/001.pdf", "documents/002.pdf", "metadata.json")) {
			assertThat(manifest).contains(ArchivePackage.sha256(a.get(name)) + "  " + name + "\n");
		}
		var meta = JSON.readTree(a.get("metadata.json"));
		assertThat(meta.get("workFile").get("fileNotation").stringValue()).isEqualTo(code);
		assertThat(meta.get("workFile").get("maintenance").stringValue()).isEqualTo("Vĩnh viễn");
		assertThat(meta.get("workFile").get("docTotal").intValue()).isEqualTo(2);
		// chronological: the incoming document is dated two days ago, the released one today
		var incoming = meta.get("documents").get(0);
		assertThat(incoming.get("direction").stringValue()).isEqualTo("in");
		assertThat(incoming.get("organName").stringValue()).isEqualTo("UBND tỉnh Ninh Bình");
		assertThat(incoming.get("numberSymbol").stringValue()).isEqualTo("31/UBND-VP");
		assertThat(incoming.get("codeNumber").stringValue()).isEqualTo("31");
		assertThat(incoming.get("priority").intValue()).isEqualTo(2);
		assertThat(incoming.get("signerInfo").get("fullName").stringValue()).isEqualTo("Trần Thị Bình");
		assertThat(incoming.get("arrivalNumber").isInt()).isTrue();
		var outgoing = meta.get("documents").get(1);
		assertThat(outgoing.get("codeNotation").stringValue()).isEqualTo("QĐ-UBND");
		assertThat(outgoing.get("organName").stringValue()).contains("Yên Mô");
		assertThat(outgoing.get("issuedDate").stringValue()).isEqualTo(LocalDate.now(Documents.VIETNAM).toString());

		long imported = Tenancy.callAs(UnitScope.of(NGA_AN.unitCode()), () -> workFiles.importArchive(NGA_AN, first));
		byte[] second = Tenancy.callAs(UnitScope.of(NGA_AN.unitCode()), () -> {
			var wf = workFiles.find(NGA_AN, imported).orElseThrow();
			assertThat(wf.closed()).isTrue();
			assertThat(wf.imported()).isTrue();
			assertThat(wf.organId()).isEqualTo(CLERK.unitCode());
			assertThat(wf.items()).hasSize(2);
			return export(NGA_AN, imported);
		});
		var b = WorkFileFixtures.unzip(second);
		assertThat(b.keySet()).isEqualTo(a.keySet());
		assertThat(b.get("documents/001.pdf")).isEqualTo(a.get("documents/001.pdf"));
		assertThat(b.get("documents/002.pdf")).isEqualTo(a.get("documents/002.pdf"));
		assertThat(withoutCopyFields(b.get("metadata.json"))).isEqualTo(withoutCopyFields(a.get("metadata.json")));

		// the same package again into the same commune is refused
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN.unitCode()), () -> workFiles.importArchive(NGA_AN, first)))
			.isInstanceOf(DocumentException.class).hasMessageContaining("đã có");
	}

	@Test
	void aPackageWithOneChangedByteIsRefusedNamingTheFileAndNothingIsImported() {
		var code = WorkFileFixtures.uniqueCode("TP");
		long id = WorkFileFixtures.filled(workFiles, documents, code);
		byte[] zip = Tenancy.callAs(UnitScope.of(CLERK.unitCode()), () -> {
			workFiles.close(CLERK, id);
			return export(CLERK, id);
		});
		var entries = new LinkedHashMap<>(WorkFileFixtures.unzip(zip));
		var pdf = entries.get("documents/002.pdf").clone();
		pdf[pdf.length / 2] ^= 0x01;
		entries.put("documents/002.pdf", pdf);
		long before = count();
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN.unitCode()), () -> workFiles.importArchive(NGA_AN, WorkFileFixtures.zip(entries))))
			.isInstanceOf(DocumentException.class).hasMessageContaining("documents/002.pdf").hasMessageContaining("SHA-256");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void hostilePackagesAreRefusedBeforeAnythingIsStored() {
		long before = count();
		var pdf = DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.CONG_VAN, "9/UBND-VP"));
		assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "không phải gói lưu trữ ZIP");
		var traversal = new LinkedHashMap<String, byte[]>();
		traversal.put("../../etc/evil.pdf", pdf);
		assertRefused(WorkFileFixtures.zip(traversal), "không an toàn");
		var strange = new LinkedHashMap<String, byte[]>();
		strange.put("documents/run.sh", "echo".getBytes());
		assertRefused(WorkFileFixtures.zip(strange), "tệp lạ");
		// a zip bomb: 21 MB of zeros squeezed into a few kilobytes
		var bomb = new LinkedHashMap<String, byte[]>();
		bomb.put("documents/001.pdf", new byte[21 * 1024 * 1024]);
		var bombZip = WorkFileFixtures.zip(bomb);
		assertThat(bombZip.length).isLessThan(100_000);
		assertRefused(bombZip, "quá lớn");
		var noManifest = new LinkedHashMap<String, byte[]>();
		noManifest.put("documents/001.pdf", pdf);
		noManifest.put("metadata.json", "{}".getBytes());
		assertRefused(WorkFileFixtures.zip(noManifest), "manifest-sha256.txt");
		// a consistent manifest over a lying metadata.json (wrong page count) is still refused
		var meta = """
				{"format":"xaso-archive/1","workFile":{"organId":"14701","fileNotation":"X-1","title":"T","fileCatalog":2026,"creator":"A","retention":"10"},
				 "documents":[{"docOrdinal":1,"file":"documents/001.pdf","direction":"in","typeCode":"CONG_VAN","subject":"S","urgency":"thuong",
				 "pageAmount":7,"attachmentCount":0,"signerInfo":{}}]}""".getBytes(StandardCharsets.UTF_8);
		var lying = new LinkedHashMap<String, byte[]>();
		lying.put("documents/001.pdf", pdf);
		lying.put("metadata.json", meta);
		lying.put("manifest-sha256.txt", (ArchivePackage.sha256(pdf) + "  documents/001.pdf\n" + ArchivePackage.sha256(meta) + "  metadata.json\n")
			.getBytes(StandardCharsets.UTF_8));
		assertRefused(WorkFileFixtures.zip(lying), "trang");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlyClerksAndLeadersImport() {
		var specialist = new Actor(NGA_AN.unitCode(), "ngaan.motcua", "Một cửa", Set.of(Role.ONE_STOP));
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN.unitCode()), () -> workFiles.importArchive(specialist, new byte[] { 'P', 'K', 3, 4 })))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	private void assertRefused(byte[] zip, String message) {
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN.unitCode()), () -> workFiles.importArchive(NGA_AN, zip)))
			.isInstanceOf(DocumentException.class).hasMessageContaining(message);
	}

	private long count() {
		return Tenancy.callAs(UnitScope.systemWide(), () -> jdbc.sql("select count(*) from work_file").query(Long.class).single()
				+ jdbc.sql("select count(*) from work_file_record").query(Long.class).single());
	}

	private byte[] export(Actor actor, long id) {
		var out = new ByteArrayOutputStream();
		workFiles.export(actor, id, out);
		return out.toByteArray();
	}

	/** metadata.json without what describes the copy: package.*, workFile.id, workFile.createdAt, workFile.closedAt. */
	static ObjectNode withoutCopyFields(byte[] json) {
		var root = (ObjectNode) JSON.readTree(json);
		root.remove("package");
		var wf = (ObjectNode) root.get("workFile");
		wf.remove("id");
		wf.remove("createdAt");
		wf.remove("closedAt");
		return root;
	}
}
