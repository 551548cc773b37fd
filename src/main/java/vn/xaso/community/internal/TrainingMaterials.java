package vn.xaso.community.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;

/**
 * Files of a training session (issue 16): slides, handouts, photos. The type is decided by the file's content, never
 * by its name: PDF, PNG, JPEG, MP4, or an Office document (Word, PowerPoint, Excel: a ZIP package with its
 * {@code [Content_Types].xml} and the part folder of its kind); anything else is refused in Vietnamese and nothing is
 * kept. At most 20 MB and 20 files a training. Commune staff and team members add them; whoever sees the training
 * downloads them.
 */
@Service
public class TrainingMaterials {

	static final int MAX_BYTES = 20 * 1024 * 1024;
	static final int MAX_FILES = 20;

	public record Material(long id, String name, String contentType, int size, String uploadedBy) {

		/** "1,2 MB" or "350 KB". */
		public String sizeText() {
			return size >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", size / 1048576.0).replace('.', ',')
					: Math.max(1, size / 1024) + " KB";
		}
	}

	/** A file to download. */
	public record Download(String name, String contentType, byte[] content) {
	}

	private final TrainingTable table;

	TrainingMaterials(TrainingTable table) {
		this.table = table;
	}

	@Transactional
	public long add(Actor actor, long trainingId, @Nullable String filename, byte[] content) {
		if (!actor.staff() && actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember");
		}
		table.training(actor.unitCode(), trainingId).orElseThrow(() -> new CommunityException(null, "community.error.noTraining"));
		if (content.length == 0) {
			throw new CommunityException("file", "community.error.materialMissing");
		}
		if (content.length > MAX_BYTES) {
			throw new CommunityException("file", "community.error.materialLarge");
		}
		var type = typeOf(content);
		if (type == null) {
			throw new CommunityException("file", "community.error.materialType");
		}
		if (table.materials(actor.unitCode(), trainingId).size() >= MAX_FILES) {
			throw new CommunityException("file", "community.error.materialMany", MAX_FILES);
		}
		return table.insertMaterial(actor.unitCode(), trainingId, name(filename), type, content, actor.username());
	}

	@Transactional(readOnly = true)
	public List<Material> list(Actor actor, long trainingId) {
		return table.materials(actor.unitCode(), trainingId).stream()
			.map(r -> new Material(r.id(), r.name(), r.contentType(), r.size(), r.uploadedBy())).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Download> get(Actor actor, long trainingId, long id) {
		return table.materials(actor.unitCode(), trainingId).stream().filter(m -> m.id() == id).findFirst()
			.flatMap(m -> table.materialContent(actor.unitCode(), trainingId, id).map(c -> new Download(m.name(), m.contentType(), c)));
	}

	/** The media type the content really is, or null. */
	static @Nullable String typeOf(byte[] c) {
		if (starts(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return "application/pdf";
		}
		if (starts(c, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return "image/png";
		}
		if (starts(c, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return "image/jpeg";
		}
		if (c.length > 12 && c[4] == 'f' && c[5] == 't' && c[6] == 'y' && c[7] == 'p') {
			return "video/mp4";
		}
		if (starts(c, new byte[] { 'P', 'K', 3, 4 })) {
			return office(c);
		}
		return null;
	}

	/**
	 * An Office Open XML package: the ZIP's central directory names its {@code [Content_Types].xml} and the part folder
	 * of its kind. Only the names are read (nothing is inflated, so a "zip bomb" costs one pass over the bytes).
	 */
	private static @Nullable String office(byte[] c) {
		boolean types = false;
		String kind = null;
		for (int i = 0; i + 46 <= c.length; i++) {
			if (c[i] != 'P' || c[i + 1] != 'K' || c[i + 2] != 1 || c[i + 3] != 2) {
				continue;
			}
			int length = (c[i + 28] & 0xFF) | (c[i + 29] & 0xFF) << 8;
			if (i + 46 + length > c.length) {
				break;
			}
			var n = new String(c, i + 46, length, StandardCharsets.UTF_8);
			types |= n.equals("[Content_Types].xml");
			if (n.startsWith("word/")) {
				kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
			}
			else if (n.startsWith("ppt/") && kind == null) {
				kind = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
			}
			else if (n.startsWith("xl/") && kind == null) {
				kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			}
			i += 45 + length;
		}
		return types ? kind : null;
	}

	private static boolean starts(byte[] c, byte[] prefix) {
		if (c.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (c[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String name(@Nullable String filename) {
		var n = filename == null ? "" : filename.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ ()-]", "_").strip();
		if (n.isEmpty()) {
			n = "tai-lieu";
		}
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}
}
