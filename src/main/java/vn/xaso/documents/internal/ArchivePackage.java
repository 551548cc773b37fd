package vn.xaso.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentType;
import vn.xaso.platform.Json;

/**
 * The archive package of a closed work file: {@code documents/NNN.pdf} for each document,
 * {@code metadata.json} (work file and Phụ lục VI metadata of each document) and
 * {@code manifest-sha256.txt} ({@code sha256  path} for every other entry). Writing streams;
 * reading checks the package by content before anything is believed.
 */
public final class ArchivePackage {

	public static final String FORMAT = "xaso-archive/1";
	public static final String METADATA = "metadata.json";
	public static final String MANIFEST = "manifest-sha256.txt";
	/** At most 999 documents (DocOrdinal has 3 digits) plus metadata and manifest. */
	public static final int MAX_ENTRIES = 1001;
	/** One entry (a PDF or the metadata) at most 20 MB once uncompressed. */
	public static final long MAX_ENTRY_BYTES = PdfInspector.MAX_BYTES;
	/** All entries together at most 100 MB once uncompressed. */
	public static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;

	private static final Pattern ENTRY_NAME = Pattern.compile("documents/[0-9]{3}\\.pdf|metadata\\.json|manifest-sha256\\.txt");
	private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-f]{64})  (\\S+)");
	private static final JsonMapper JSON = Json.MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ArchivePackage() {
	}

	/** The work file as described in the package. {@code id}, {@code createdAt}, {@code closedAt} are not imported. */
	public record FileMeta(long id, String organId, String code, String title, int year, String handlerName,
			String retention, @Nullable Instant createdAt, @Nullable Instant closedAt) {
	}

	/** One document of the package: the frozen metadata of a work-file record. */
	public record Entry(int ordinal, String direction, DocumentType type, @Nullable Integer registerYear,
			@Nullable Integer number, String numberSymbol, @Nullable LocalDate issuedOn, String organName,
			String summary, String signerName, String signerTitle, String signerAuthority, String recipients,
			String urgency, int pageCount, int attachmentCount, @Nullable LocalDate receivedOn,
			@Nullable LocalDate deadline) {

		public String path() {
			return ArchivePackage.path(ordinal);
		}
	}

	/** A package read and verified: every PDF by path. */
	public record Parsed(FileMeta file, List<Entry> entries, Map<String, byte[]> pdfs) {
	}

	public static String path(int ordinal) {
		return "documents/%03d.pdf".formatted(ordinal);
	}

	public static String retentionLabel(String retention) {
		return "permanent".equals(retention) ? "Vĩnh viễn" : retention + " năm";
	}

	// ---------------------------------------------------------------- writing

	/** Writes entries to a ZIP as they come, remembering each SHA-256 for the manifest. */
	public static final class Writer {

		private final ZipOutputStream zip;
		private final Map<String, String> sums = new LinkedHashMap<>();

		public Writer(OutputStream out) {
			this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		}

		public void add(String path, byte[] bytes) {
			try {
				zip.putNextEntry(new ZipEntry(path));
				zip.write(bytes);
				zip.closeEntry();
				sums.put(path, sha256(bytes));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** Adds metadata.json, then the manifest of everything before it, and finishes the ZIP. */
		public void finish(FileMeta file, List<Entry> entries, Instant exportedAt, String exportedBy, String exportingUnit) {
			add(METADATA, metadata(file, entries, exportedAt, exportedBy, exportingUnit));
			var manifest = new StringBuilder();
			sums.forEach((path, sum) -> manifest.append(sum).append("  ").append(path).append('\n'));
			try {
				zip.putNextEntry(new ZipEntry(MANIFEST));
				zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.finish();
				zip.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/**
	 * metadata.json. Field names follow Nghị định 30/2020 Phụ lục VI (Phần II mục III for the work
	 * file, mục I–II for documents); {@code package.*}, {@code workFile.id}, {@code createdAt} and
	 * {@code closedAt} describe this copy and differ between an export and a re-export.
	 */
	public static byte[] metadata(FileMeta file, List<Entry> entries, Instant exportedAt, String exportedBy, String exportingUnit) {
		var root = JSON.createObjectNode();
		root.put("format", FORMAT);
		var pkg = root.putObject("package");
		pkg.put("exportedAt", exportedAt.toString());
		pkg.put("exportedBy", exportedBy);
		pkg.put("exportingUnit", exportingUnit);
		var wf = root.putObject("workFile");
		wf.put("id", file.id());
		wf.put("fileCode", file.organId() + "." + file.year() + "." + file.code());
		wf.put("organId", file.organId());
		wf.put("fileCatalog", file.year());
		wf.put("fileNotation", file.code());
		wf.put("title", file.title());
		wf.put("maintenance", retentionLabel(file.retention()));
		wf.put("retention", file.retention());
		wf.put("creator", file.handlerName());
		wf.put("language", "Tiếng Việt");
		var dates = entries.stream().map(e -> e.issuedOn() != null ? e.issuedOn() : e.receivedOn()).filter(d -> d != null).sorted().toList();
		putDate(wf, "startDate", dates.isEmpty() ? null : dates.getFirst());
		putDate(wf, "endDate", dates.isEmpty() ? null : dates.getLast());
		wf.put("docTotal", entries.size());
		wf.put("pageTotal", entries.stream().mapToInt(Entry::pageCount).sum());
		wf.put("createdAt", file.createdAt() == null ? null : file.createdAt().toString());
		wf.put("closedAt", file.closedAt() == null ? null : file.closedAt().toString());
		var docs = root.putArray("documents");
		for (var e : entries) {
			var d = docs.addObject();
			d.put("docOrdinal", e.ordinal());
			d.put("file", e.path());
			d.put("direction", e.direction());
			d.put("typeCode", e.type().name());
			d.put("typeName", e.type().label());
			putInt(d, "registerYear", e.registerYear());
			putInt(d, "registerNumber", e.number());
			d.put("numberSymbol", e.numberSymbol());
			var slash = e.numberSymbol().indexOf('/');
			d.put("codeNumber", slash < 0 ? "" : e.numberSymbol().substring(0, slash));
			d.put("codeNotation", slash < 0 ? e.numberSymbol() : e.numberSymbol().substring(slash + 1));
			putDate(d, "issuedDate", e.issuedOn());
			d.put("organName", e.organName());
			d.put("subject", e.summary());
			d.put("language", "Tiếng Việt");
			d.put("pageAmount", e.pageCount());
			d.put("attachmentCount", e.attachmentCount());
			var signer = d.putObject("signerInfo");
			signer.put("position", e.signerTitle());
			signer.put("fullName", e.signerName());
			signer.put("authority", e.signerAuthority());
			d.put("urgency", e.urgency());
			d.put("priority", switch (e.urgency()) {
				case "khan" -> 2;
				case "hoa_toc" -> 3;
				default -> 1;
			});
			d.put("toPlaces", e.recipients());
			putDate(d, "arrivalDate", e.receivedOn());
			putInt(d, "arrivalNumber", "in".equals(e.direction()) ? e.number() : null);
			putDate(d, "dueDate", e.deadline());
		}
		return JSON.writeValueAsBytes(root);
	}

	private static void putDate(ObjectNode node, String name, @Nullable LocalDate date) {
		if (date == null) {
			node.putNull(name);
		}
		else {
			node.put(name, date.toString());
		}
	}

	private static void putInt(ObjectNode node, String name, @Nullable Integer value) {
		if (value == null) {
			node.putNull(name);
		}
		else {
			node.put(name, value.intValue());
		}
	}

	// ---------------------------------------------------------------- reading

	/**
	 * Reads and verifies a package: a real ZIP, at most {@value #MAX_ENTRIES} entries of known names
	 * (no directories, no {@code ../}), sizes counted while inflating, every entry in the manifest
	 * with the right SHA-256, metadata.json complete and consistent, every PDF a readable PDF with
	 * the page count the metadata gives. Any problem → {@link DocumentException} on field "file".
	 */
	public static Parsed read(byte[] zipBytes) {
		if (zipBytes.length < 4 || zipBytes[0] != 'P' || zipBytes[1] != 'K' || zipBytes[2] != 3 || zipBytes[3] != 4) {
			throw refused("Tệp này không phải gói lưu trữ ZIP. Hãy chọn tệp .zip tải từ trang hồ sơ.");
		}
		var files = new LinkedHashMap<String, byte[]>();
		long total = 0;
		try (var zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				var name = entry.getName();
				if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
					throw refused("Gói có đường dẫn không an toàn: " + printable(name) + ". Không nhập gì.");
				}
				if (entry.isDirectory() && name.equals("documents/")) {
					continue;
				}
				if (!ENTRY_NAME.matcher(name).matches()) {
					throw refused("Gói có tệp lạ: " + printable(name) + ". Chỉ được có documents/NNN.pdf, metadata.json và manifest-sha256.txt.");
				}
				if (files.containsKey(name)) {
					throw refused("Gói có hai tệp cùng tên " + name + ".");
				}
				if (files.size() >= MAX_ENTRIES) {
					throw refused("Gói có quá nhiều tệp (tối đa " + MAX_ENTRIES + ").");
				}
				var out = new java.io.ByteArrayOutputStream();
				var buffer = new byte[64 * 1024];
				long size = 0;
				int n;
				while ((n = zip.read(buffer)) > 0) {
					size += n;
					total += n;
					if (size > MAX_ENTRY_BYTES) {
						throw refused("Tệp " + name + " trong gói quá lớn (tối đa 20 MB).");
					}
					if (total > MAX_TOTAL_BYTES) {
						throw refused("Gói giải nén ra quá lớn (tối đa 100 MB).");
					}
					out.write(buffer, 0, n);
				}
				files.put(name, out.toByteArray());
			}
		}
		catch (ZipException | IllegalArgumentException e) {
			throw refused("Tệp ZIP bị hỏng hoặc không đọc được.");
		}
		catch (IOException e) {
			throw refused("Tệp ZIP bị hỏng hoặc không đọc được.");
		}
		if (files.isEmpty()) {
			throw refused("Tệp ZIP bị hỏng hoặc rỗng.");
		}
		verifyManifest(files);
		var parsed = parseMetadata(files.get(METADATA));
		var pdfs = new LinkedHashMap<String, byte[]>();
		for (var e : parsed.entries()) {
			var pdf = files.get(e.path());
			if (pdf == null) {
				throw refused("Thiếu tệp " + e.path() + " mà metadata.json ghi.");
			}
			PdfInspector.Inspection inspection;
			try {
				inspection = PdfInspector.inspect(pdf);
			}
			catch (DocumentException ex) {
				throw refused("Tệp " + e.path() + ": " + ex.getMessage());
			}
			if (inspection.pages() != e.pageCount()) {
				throw refused("Tệp " + e.path() + " có " + inspection.pages() + " trang, metadata.json ghi " + e.pageCount() + ".");
			}
			pdfs.put(e.path(), pdf);
		}
		for (var name : files.keySet()) {
			if (name.startsWith("documents/") && !pdfs.containsKey(name)) {
				throw refused("Tệp " + name + " không có trong metadata.json.");
			}
		}
		return new Parsed(parsed.file(), parsed.entries(), pdfs);
	}

	private static void verifyManifest(Map<String, byte[]> files) {
		var manifest = files.get(MANIFEST);
		if (manifest == null) {
			throw refused("Gói thiếu tệp manifest-sha256.txt.");
		}
		if (!files.containsKey(METADATA)) {
			throw refused("Gói thiếu tệp metadata.json.");
		}
		var listed = new LinkedHashMap<String, String>();
		for (var line : new String(manifest, StandardCharsets.UTF_8).lines().toList()) {
			if (line.isBlank()) {
				continue;
			}
			var m = MANIFEST_LINE.matcher(line.strip());
			if (!m.matches()) {
				throw refused("Dòng không đúng trong manifest-sha256.txt: " + printable(line));
			}
			if (listed.put(m.group(2), m.group(1)) != null) {
				throw refused("manifest-sha256.txt ghi hai lần tệp " + printable(m.group(2)) + ".");
			}
		}
		for (var e : listed.entrySet()) {
			if (!files.containsKey(e.getKey()) || e.getKey().equals(MANIFEST)) {
				throw refused("Thiếu tệp " + printable(e.getKey()) + " mà manifest-sha256.txt ghi.");
			}
		}
		for (var e : files.entrySet()) {
			if (e.getKey().equals(MANIFEST)) {
				continue;
			}
			var expected = listed.get(e.getKey());
			if (expected == null) {
				throw refused("Tệp " + e.getKey() + " không có trong manifest-sha256.txt.");
			}
			if (!expected.equals(sha256(e.getValue()))) {
				throw refused("Tệp " + e.getKey() + " không khớp mã SHA-256 trong manifest-sha256.txt: gói đã bị sửa hoặc hỏng. Không nhập gì.");
			}
		}
	}

	private static Parsed parseMetadata(byte[] bytes) {
		JsonNode root;
		try {
			root = JSON.readTree(bytes);
		}
		catch (JacksonException e) {
			throw refused("metadata.json không phải JSON hợp lệ.");
		}
		if (root == null || !root.isObject() || !FORMAT.equals(string(root, "format", true))) {
			throw refused("metadata.json không đúng định dạng " + FORMAT + ".");
		}
		var wf = root.get("workFile");
		if (wf == null || !wf.isObject()) {
			throw refused("metadata.json thiếu phần workFile.");
		}
		var file = new FileMeta(0, string(wf, "organId", true), string(wf, "fileNotation", true), string(wf, "title", true),
				integer(wf, "fileCatalog", true), string(wf, "creator", true), string(wf, "retention", true), null, null);
		var docs = root.get("documents");
		if (docs == null || !docs.isArray() || docs.size() > 999) {
			throw refused("metadata.json thiếu danh sách documents (tối đa 999 văn bản).");
		}
		var entries = new ArrayList<Entry>();
		int expected = 1;
		for (var d : docs) {
			if (!d.isObject()) {
				throw refused("metadata.json: mỗi văn bản phải là một đối tượng.");
			}
			int ordinal = integer(d, "docOrdinal", true);
			if (ordinal != expected++) {
				throw refused("metadata.json: số thứ tự văn bản phải liên tục từ 1 (gặp " + ordinal + ").");
			}
			if (!path(ordinal).equals(string(d, "file", true))) {
				throw refused("metadata.json: văn bản " + ordinal + " phải nằm ở " + path(ordinal) + ".");
			}
			var direction = string(d, "direction", true);
			if (!direction.equals("in") && !direction.equals("out")) {
				throw refused("metadata.json: văn bản " + ordinal + " có direction không đúng.");
			}
			var type = DocumentType.parse(string(d, "typeCode", true))
				.orElseThrow(() -> refused("metadata.json: văn bản " + ordinal + " có loại văn bản không biết."));
			var signer = d.get("signerInfo");
			if (signer == null || !signer.isObject()) {
				throw refused("metadata.json: văn bản " + ordinal + " thiếu signerInfo.");
			}
			entries.add(new Entry(ordinal, direction, type, integer(d, "registerYear", false), integer(d, "registerNumber", false),
					string(d, "numberSymbol", false), date(d, "issuedDate"), string(d, "organName", false),
					string(d, "subject", true), string(signer, "fullName", false), string(signer, "position", false),
					string(signer, "authority", false), string(d, "toPlaces", false), string(d, "urgency", true),
					integer(d, "pageAmount", true), integer(d, "attachmentCount", true), date(d, "arrivalDate"),
					date(d, "dueDate")));
		}
		return new Parsed(file, entries, Map.of());
	}

	private static String string(JsonNode node, String name, boolean required) {
		var v = node.get(name);
		if (v == null || v.isNull()) {
			if (required) {
				throw refused("metadata.json thiếu trường " + name + ".");
			}
			return "";
		}
		if (!v.isString()) {
			throw refused("metadata.json: trường " + name + " phải là chuỗi.");
		}
		return v.stringValue();
	}

	private static @Nullable Integer integer(JsonNode node, String name, boolean required) {
		var v = node.get(name);
		if (v == null || v.isNull()) {
			if (required) {
				throw refused("metadata.json thiếu trường " + name + ".");
			}
			return null;
		}
		if (!v.isInt()) {
			throw refused("metadata.json: trường " + name + " phải là số nguyên.");
		}
		return v.intValue();
	}

	private static @Nullable LocalDate date(JsonNode node, String name) {
		var s = string(node, name, false);
		if (s.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			throw refused("metadata.json: trường " + name + " phải là ngày dạng 2026-03-05.");
		}
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String printable(String s) {
		var clean = s.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
	}

	private static DocumentException refused(String message) {
		return new DocumentException("file", message);
	}
}
