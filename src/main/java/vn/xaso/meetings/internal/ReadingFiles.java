package vn.xaso.meetings.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingsException;

/**
 * The tablet reader of an agenda item's PDF: page by page, each page an image made on the server by PDFBox at a modest
 * resolution (and a small thumbnail per page), made once and kept ({@code meeting_file_page}); the same rule as the
 * file itself — whoever reaches the meeting, a confidential item's documents for its invitees only.
 */
@Service
public class ReadingFiles {

	/** Reading size: 96 dots per inch — an A4 page about 794 px wide, sharp on a tablet held upright. */
	static final float PAGE_DPI = 96f;
	/** Thumbnails: 18 dots per inch — about 149 px wide. */
	static final float THUMB_DPI = 18f;

	/** The document as the reader shows it: which version it is and the newest one's id in its series. */
	public record Reader(Meeting meeting, long fileId, String title, int pages, int version, long newestId, boolean confidential) {

		public boolean newest() {
			return fileId == newestId;
		}
	}

	private final MeetingAccess access;
	private final ItemTable items;
	private final MeetingWork work;

	ReadingFiles(MeetingAccess access, ItemTable items, MeetingWork work) {
		this.access = access;
		this.items = items;
		this.work = work;
	}

	public Reader reader(OfficialPrincipal me, long meetingId, long fileId) {
		return work.inTx(() -> {
			var c = access.document(me, meetingId, fileId);
			var m = access.visible(me, meetingId, false).meeting();
			return new Reader(m, fileId, c.title(), c.pages(), c.version(), items.newest(c.series()), c.confidential());
		});
	}

	/** One page as PNG ({@code thumb}: the small one), made the first time it is asked for. */
	public byte[] page(OfficialPrincipal me, long meetingId, long fileId, int page, boolean thumb) {
		var kind = thumb ? "THUMB" : "PAGE";
		return work.inTx(() -> {
			var c = access.document(me, meetingId, fileId);
			if (page < 1 || page > c.pages()) {
				throw new MeetingsException(null, "meetings.error.noFile");
			}
			return items.page(fileId, page, kind).orElseGet(() -> {
				var png = render(c.pdf(), page, thumb ? THUMB_DPI : PAGE_DPI);
				items.keepPage(me.unitCode(), fileId, page, kind, png);
				return png;
			});
		});
	}

	static byte[] render(byte[] pdf, int page, float dpi) {
		try (var doc = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
