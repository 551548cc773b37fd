package vn.xaso.meetings.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.internal.InvitingMembers;
import vn.xaso.meetings.internal.SchedulingMeeting;

/**
 * The organiser prepares a meeting: remote rooms, agenda items, their PDFs; then the Giấy mời — drafted and submitted,
 * signed by a leader, released with its number by the clerk, and so sent to the invitees.
 */
@Controller
class AgendaController {

	private final SchedulingMeeting scheduling;
	private final InvitingMembers inviting;
	private final Texts texts;

	AgendaController(SchedulingMeeting scheduling, InvitingMembers inviting, Texts texts) {
		this.scheduling = scheduling;
		this.inviting = inviting;
		this.texts = texts;
	}

	@PostMapping("/meetings/{id}/rooms")
	String room(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.RoomForm room,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> scheduling.addRoom(me, id, room.roomName(), room.videoUrl()), "meetings.done.room");
	}

	@PostMapping("/meetings/{id}/items")
	String item(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.ItemForm item,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> scheduling.addItem(me, id, item.itemTitle(), item.presenter(), item.isConfidential()), "meetings.done.item");
	}

	@PostMapping("/meetings/{id}/items/{itemId}/files")
	String file(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId,
			MeetingForms.FileForm form, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> scheduling.addFile(me, id, itemId, form.fileTitle(), bytes(file)), "meetings.done.file");
	}

	/** A new version of an item's document (the earlier ones stay listed). */
	@PostMapping("/meetings/{id}/files/{fileId}/versions")
	String version(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> scheduling.addVersion(me, id, fileId, bytes(file)), "meetings.done.version");
	}

	@PostMapping("/meetings/{id}/invitation")
	String prepareInvitation(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> inviting.prepare(me, id), "meetings.done.invitationDrafted");
	}

	@PostMapping("/meetings/{id}/invitation/approve")
	String approveInvitation(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.ApproveForm form,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> inviting.approve(me, id, form.chars()), "meetings.done.invitationApproved");
	}

	@PostMapping("/meetings/{id}/invite")
	String invite(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.ReleaseForm form,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> inviting.invite(me, id, form.chars()), "meetings.done.invited");
	}

	private static byte[] bytes(@Nullable MultipartFile file) {
		try {
			return file == null ? new byte[0] : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
