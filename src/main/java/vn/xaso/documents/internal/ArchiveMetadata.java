package vn.xaso.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.internal.ArchivePackage.Entry;
import vn.xaso.documents.internal.ArchivePackage.FileMeta;
import vn.xaso.platform.Json;

/** {@code metadata.json} of an archive package (see {@link ArchivePackage}): written from a closed work file, read and checked field by field on import. */
final class ArchiveMetadata {

	private static final JsonMapper JSON = Json.MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ArchiveMetadata() {
	}

	/**
	 * metadata.json. Field names follow Nghị định 30/2020 Phụ lục VI (Phần II mục III for the work
	 * file, mục I–II for documents); {@code package.*}, {@code workFile.id}, {@code createdAt} and
	 * {@code closedAt} describe this copy and differ between an export and a re-export.
	 */
	static byte[] write(FileMeta file, List<Entry> entries, Instant exportedAt, String exportedBy, String exportingUnit) {
		var root = JSON.createObjectNode();
		root.put("format", ArchivePackage.FORMAT);
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
		wf.put("maintenance", ArchivePackage.retentionLabel(file.retention()));
		wf.put("retention", file.retention());
		wf.put("creator", file.handlerName());
		wf.put("language", vn.xaso.platform.Refusal.bundleText("i18n/documents", "documents.export.language"));
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
			d.put("language", vn.xaso.platform.Refusal.bundleText("i18n/documents", "documents.export.language"));
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

	static ArchivePackage.Parsed read(byte[] bytes) {
		JsonNode root;
		try {
			root = JSON.readTree(bytes);
		}
		catch (JacksonException e) {
			throw ArchivePackage.refused("documents.error.archiveJson");
		}
		if (root == null || !root.isObject() || !ArchivePackage.FORMAT.equals(string(root, "format", true))) {
			throw ArchivePackage.refused("documents.error.archiveFormat", ArchivePackage.FORMAT);
		}
		var wf = root.get("workFile");
		if (wf == null || !wf.isObject()) {
			throw ArchivePackage.refused("documents.error.archiveNoWorkFile");
		}
		var file = new FileMeta(0, string(wf, "organId", true), string(wf, "fileNotation", true), string(wf, "title", true),
				integer(wf, "fileCatalog", true), string(wf, "creator", true), string(wf, "retention", true), null, null);
		var docs = root.get("documents");
		if (docs == null || !docs.isArray() || docs.size() > 999) {
			throw ArchivePackage.refused("documents.error.archiveNoDocuments");
		}
		var entries = new ArrayList<Entry>();
		int expected = 1;
		for (var d : docs) {
			if (!d.isObject()) {
				throw ArchivePackage.refused("documents.error.archiveDocObject");
			}
			int ordinal = integer(d, "docOrdinal", true);
			if (ordinal != expected++) {
				throw ArchivePackage.refused("documents.error.archiveOrdinal", String.valueOf(ordinal));
			}
			if (!ArchivePackage.path(ordinal).equals(string(d, "file", true))) {
				throw ArchivePackage.refused("documents.error.archiveDocPath", String.valueOf(ordinal), ArchivePackage.path(ordinal));
			}
			var direction = string(d, "direction", true);
			if (!direction.equals("in") && !direction.equals("out")) {
				throw ArchivePackage.refused("documents.error.archiveDirection", String.valueOf(ordinal));
			}
			var type = DocumentType.parse(string(d, "typeCode", true))
				.orElseThrow(() -> ArchivePackage.refused("documents.error.archiveDocType", String.valueOf(ordinal)));
			var signer = d.get("signerInfo");
			if (signer == null || !signer.isObject()) {
				throw ArchivePackage.refused("documents.error.archiveSigner", String.valueOf(ordinal));
			}
			entries.add(new Entry(ordinal, direction, type, integer(d, "registerYear", false), integer(d, "registerNumber", false),
					string(d, "numberSymbol", false), date(d, "issuedDate"), string(d, "organName", false),
					string(d, "subject", true), string(signer, "fullName", false), string(signer, "position", false),
					string(signer, "authority", false), string(d, "toPlaces", false), string(d, "urgency", true),
					integer(d, "pageAmount", true), integer(d, "attachmentCount", true), date(d, "arrivalDate"),
					date(d, "dueDate")));
		}
		return new ArchivePackage.Parsed(file, entries, Map.of());
	}

	private static String string(JsonNode node, String name, boolean required) {
		var v = node.get(name);
		if (v == null || v.isNull()) {
			if (required) {
				throw ArchivePackage.refused("documents.error.archiveMissingField", name);
			}
			return "";
		}
		if (!v.isString()) {
			throw ArchivePackage.refused("documents.error.archiveNotString", name);
		}
		return v.stringValue();
	}

	private static @Nullable Integer integer(JsonNode node, String name, boolean required) {
		var v = node.get(name);
		if (v == null || v.isNull()) {
			if (required) {
				throw ArchivePackage.refused("documents.error.archiveMissingField", name);
			}
			return null;
		}
		if (!v.isInt()) {
			throw ArchivePackage.refused("documents.error.archiveNotInteger", name);
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
			throw ArchivePackage.refused("documents.error.archiveNotDate", name);
		}
	}
}
