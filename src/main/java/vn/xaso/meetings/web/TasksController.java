package vn.xaso.meetings.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.AssigningTasks;

/**
 * "My tasks" on a phone: the tasks given to the caller from meetings, one task's page with its progress, reporting
 * progress and done; the organisers' overview per person with the overdue tasks.
 */
@Controller
class TasksController {

	private final AssigningTasks tasks;
	private final Texts texts;

	TasksController(AssigningTasks tasks, Texts texts) {
		this.tasks = tasks;
		this.texts = texts;
	}

	@GetMapping("/meetings/tasks")
	String mine(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("tasks", tasks.mine(me));
		model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		return "meetings/tasks";
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

	@PostMapping("/meetings/tasks/{id}/progress")
	String progress(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.DoneForm form,
			RedirectAttributes redirect) {
		return texts.step("/meetings/tasks/" + id, redirect, () -> tasks.progress(me, id, form.note()), "meetings.done.progress");
	}

	@PostMapping("/meetings/tasks/{id}/done")
	String done(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.DoneForm form,
			RedirectAttributes redirect) {
		return texts.step("/meetings/tasks/" + id, redirect, () -> tasks.done(me, id, form.note()), "meetings.done.taskDone");
	}

	@GetMapping("/meetings/tasks/overview")
	String overview(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		try {
			model.addAttribute("o", tasks.overview(me));
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return "meetings/overview";
	}
}
