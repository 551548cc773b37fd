package vn.xaso.meetings.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.ReadingFiles;
import vn.xaso.meetings.internal.ReadingMeetings;

/**
 * The tablet reader of an item's document: one page at a time as an image made on the server, the page thumbnails as
 * links — paging works without JavaScript; and the invitee's own reply page (from the invitation's link, on a phone).
 */
@Controller
class ReaderController {

	private final ReadingFiles files;
	private final ReadingMeetings reading;

	ReaderController(ReadingFiles files, ReadingMeetings reading) {
		this.files = files;
		this.reading = reading;
	}

	@GetMapping("/meetings/{id}/files/{fileId}/read")
	String read(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId,
			@RequestParam(name = "page", defaultValue = "1") String page, Model model) {
		var reader = guarded(() -> files.reader(me, id, fileId));
		int n = page.matches("[0-9]{1,5}") ? Math.clamp(Integer.parseInt(page), 1, reader.pages()) : 1;
		model.addAttribute("r", reader);
		model.addAttribute("pageNumber", n);
		return "meetings/reader";
	}

	@GetMapping("/meetings/{id}/files/{fileId}/pages/{n}.png")
	ResponseEntity<byte[]> page(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId,
			@PathVariable int n) {
		return png(guarded(() -> files.page(me, id, fileId, n, false)));
	}

	@GetMapping("/meetings/{id}/files/{fileId}/thumbs/{n}.png")
	ResponseEntity<byte[]> thumb(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId,
			@PathVariable int n) {
		return png(guarded(() -> files.page(me, id, fileId, n, true)));
	}

	@GetMapping("/meetings/{id}/reply")
	String reply(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var page = guarded(() -> reading.page(me, id));
		if (page.me() == null) {
			throw new MeetingsException(null, "meetings.error.noMeeting");
		}
		model.addAttribute("m", page);
		return "meetings/reply";
	}

	private static <T> T guarded(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
	}

	private static ResponseEntity<byte[]> png(byte[] png) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
			.body(png);
	}
}
