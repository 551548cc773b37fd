package vn.xaso.meetings.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.meetings.internal.DirectingTasks;
import vn.xaso.platform.web.Form;

/**
 * "My tasks" on a phone: the tasks given to the caller (from meetings or directly), one task's page with its progress
 * (and photos), reporting progress and done; for organisers, giving a task directly and the overview per person and
 * village with the unit's tasks filtered by priority or overdue.
 */
@Controller
class TasksController {

	private final AssigningTasks tasks;
	private final DirectingTasks directing;
	private final vn.xaso.meetings.internal.ManagingTeams teams;
	private final Texts texts;

	TasksController(AssigningTasks tasks, DirectingTasks directing, vn.xaso.meetings.internal.ManagingTeams teams, Texts texts) {
		this.tasks = tasks;
		this.teams = teams;
		this.directing = directing;
		this.texts = texts;
	}

	@GetMapping("/meetings/tasks")
	String mine(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("tasks", tasks.mine(me));
		model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		return "meetings/tasks";
	}

	@GetMapping("/meetings/tasks/new")
	String newTask(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return form(me, Form.empty().value("priority", "NORMAL").value("workingDays", "5"), model);
	}

	@PostMapping("/meetings/tasks")
	String give(@AuthenticationPrincipal OfficialPrincipal me, MeetingForms.GiveForm form, Model model, RedirectAttributes redirect) {
		try {
			long id = directing.give(me, form.input());
			redirect.addFlashAttribute("notice", texts.t("meetings.done.given"));
			return "redirect:/meetings/tasks/" + id;
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			return form(me, texts.reject(form.form(), e), model);
		}
	}

	private String form(OfficialPrincipal me, Form form, Model model) {
		try {
			model.addAttribute("choices", directing.choices(me));
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "meetings/give";
	}

	@GetMapping("/meetings/tasks/{id}")
	String task(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		try {
			model.addAttribute("t", tasks.task(me, id));
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return "meetings/task";
	}

	@GetMapping("/meetings/tasks/{id}/photos/{progressId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long progressId,
			@RequestParam(name = "size", required = false) @Nullable String size) {
		try {
			var jpeg = tasks.photo(me, id, progressId, "thumb".equals(size));
			return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(jpeg);
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
	}

	@PostMapping("/meetings/tasks/{id}/progress")
	String progress(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.DoneForm form,
			@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, RedirectAttributes redirect) {
		return texts.step("/meetings/tasks/" + id, redirect, () -> tasks.progress(me, id, form.note(), bytes(photo)), "meetings.done.progress");
	}

	@PostMapping("/meetings/tasks/{id}/done")
	String done(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.DoneForm form,
			RedirectAttributes redirect) {
		return texts.step("/meetings/tasks/" + id, redirect, () -> tasks.done(me, id, form.note()), "meetings.done.taskDone");
	}

	@GetMapping("/meetings/tasks/overview")
	String overview(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "priority", required = false) @Nullable String priority,
			@RequestParam(name = "overdue", required = false) @Nullable String overdue,
			@RequestParam(name = "assignee", required = false) @Nullable String assignee,
			@RequestParam(name = "village", required = false) @Nullable String village, Model model) {
		try {
			model.addAttribute("o", tasks.overview(me));
			model.addAttribute("list", directing.list(me, priority, "1".equals(overdue), assignee, village));
			model.addAttribute("teams", teams.list(me));
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return "meetings/overview";
	}

	private static byte @Nullable [] bytes(@Nullable MultipartFile file) {
		try {
			return file == null || file.isEmpty() ? null : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
