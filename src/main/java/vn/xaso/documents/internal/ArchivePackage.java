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
import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentType;

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
		return vn.xaso.documents.WorkFile.retentionLabel(retention);
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
			add(METADATA, ArchiveMetadata.write(file, entries, exportedAt, exportedBy, exportingUnit));
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

	// ---------------------------------------------------------------- reading

	/**
	 * Reads and verifies a package: a real ZIP, at most {@value #MAX_ENTRIES} entries of known names
	 * (no directories, no {@code ../}), sizes counted while inflating, every entry in the manifest
	 * with the right SHA-256, metadata.json complete and consistent, every PDF a readable PDF with
	 * the page count the metadata gives. Any problem → {@link DocumentException} on field "file".
	 */
	public static Parsed read(byte[] zipBytes) {
		if (zipBytes.length < 4 || zipBytes[0] != 'P' || zipBytes[1] != 'K' || zipBytes[2] != 3 || zipBytes[3] != 4) {
			throw refused("documents.error.archiveNotZip");
		}
		var files = new LinkedHashMap<String, byte[]>();
		long total = 0;
		try (var zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				var name = entry.getName();
				if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
					throw refused("documents.error.archiveUnsafePath", printable(name));
				}
				if (entry.isDirectory() && name.equals("documents/")) {
					continue;
				}
				if (!ENTRY_NAME.matcher(name).matches()) {
					throw refused("documents.error.archiveStrangeFile", printable(name));
				}
				if (files.containsKey(name)) {
					throw refused("documents.error.archiveTwice", name);
				}
				if (files.size() >= MAX_ENTRIES) {
					throw refused("documents.error.archiveTooMany", String.valueOf(MAX_ENTRIES));
				}
				var out = new java.io.ByteArrayOutputStream();
				var buffer = new byte[64 * 1024];
				long size = 0;
				int n;
				while ((n = zip.read(buffer)) > 0) {
					size += n;
					total += n;
					if (size > MAX_ENTRY_BYTES) {
						throw refused("documents.error.archiveEntryTooBig", name);
					}
					if (total > MAX_TOTAL_BYTES) {
						throw refused("documents.error.archiveTooBig");
					}
					out.write(buffer, 0, n);
				}
				files.put(name, out.toByteArray());
			}
		}
		catch (ZipException | IllegalArgumentException e) {
			throw refused("documents.error.archiveBroken");
		}
		catch (IOException e) {
			throw refused("documents.error.archiveBroken");
		}
		if (files.isEmpty()) {
			throw refused("documents.error.archiveEmpty");
		}
		verifyManifest(files);
		var parsed = ArchiveMetadata.read(files.get(METADATA));
		var pdfs = new LinkedHashMap<String, byte[]>();
		for (var e : parsed.entries()) {
			var pdf = files.get(e.path());
			if (pdf == null) {
				throw refused("documents.error.archiveMissingPdf", e.path());
			}
			PdfInspector.Inspection inspection;
			try {
				inspection = PdfInspector.inspect(pdf);
			}
			catch (DocumentException ex) {
				throw refused("documents.error.archivePdf", e.path(), ex.key() == null ? ex.getMessage() : new DefaultMessageSourceResolvable(ex.key()));
			}
			if (inspection.pages() != e.pageCount()) {
				throw refused("documents.error.archivePages", e.path(), String.valueOf(inspection.pages()), String.valueOf(e.pageCount()));
			}
			pdfs.put(e.path(), pdf);
		}
		for (var name : files.keySet()) {
			if (name.startsWith("documents/") && !pdfs.containsKey(name)) {
				throw refused("documents.error.archiveUnlisted", name);
			}
		}
		return new Parsed(parsed.file(), parsed.entries(), pdfs);
	}

	private static void verifyManifest(Map<String, byte[]> files) {
		var manifest = files.get(MANIFEST);
		if (manifest == null) {
			throw refused("documents.error.archiveNoManifest");
		}
		if (!files.containsKey(METADATA)) {
			throw refused("documents.error.archiveNoMetadata");
		}
		var listed = new LinkedHashMap<String, String>();
		for (var line : new String(manifest, StandardCharsets.UTF_8).lines().toList()) {
			if (line.isBlank()) {
				continue;
			}
			var m = MANIFEST_LINE.matcher(line.strip());
			if (!m.matches()) {
				throw refused("documents.error.archiveManifestLine", printable(line));
			}
			if (listed.put(m.group(2), m.group(1)) != null) {
				throw refused("documents.error.archiveManifestTwice", printable(m.group(2)));
			}
		}
		for (var e : listed.entrySet()) {
			if (!files.containsKey(e.getKey()) || e.getKey().equals(MANIFEST)) {
				throw refused("documents.error.archiveManifestMissing", printable(e.getKey()));
			}
		}
		for (var e : files.entrySet()) {
			if (e.getKey().equals(MANIFEST)) {
				continue;
			}
			var expected = listed.get(e.getKey());
			if (expected == null) {
				throw refused("documents.error.archiveNotInManifest", e.getKey());
			}
			if (!expected.equals(sha256(e.getValue()))) {
				throw refused("documents.error.archiveSha", e.getKey());
			}
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

	/** A refusal of the whole package with the message {@code key}. */
	static DocumentException refused(String key, Object... args) {
		return DocumentException.of("file", key, args);
	}
}
