package vn.xaso.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.portal.CommuneInfo;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.Posts;
import vn.xaso.portal.web.PortalForms.ContactForm;
import vn.xaso.portal.web.PortalForms.PostForm;
import vn.xaso.portal.web.PortalForms.ScheduleForm;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The officials' side of the portal under {@code /portal}: posts from draft to published (with the
 * channels to announce on, all in one form), attachments, the leaders' schedule and the contacts.
 */
@Controller
class PortalEditorController {

	private final Posts posts;
	private final CommuneInfo info;
	private final Villages villages;
	private final MessageSource messages;

	PortalEditorController(Posts posts, CommuneInfo info, Villages villages, MessageSource messages) {
		this.posts = posts;
		this.info = info;
		this.villages = villages;
		this.messages = messages;
	}

	@GetMapping("/portal")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") String page, Model model) {
		var s = List.of("draft", "submitted", "published").contains(status) ? status : null;
		var p = CommuneSiteController.parseLong(page) == null ? 0 : (int) Math.min(10_000, CommuneSiteController.parseLong(page));
		var listing = posts.list(me, s, p * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE);
		model.addAttribute("listing", listing);
		model.addAttribute("status", s == null ? "" : s);
		model.addAttribute("paging", Paging.of(p, listing.total(), "/portal", s == null ? Map.of() : Map.of("status", s)));
		model.addAttribute("leader", me.has(Role.LEADER));
		return "portal/editor-list";
	}

	@GetMapping("/portal/posts/new")
	String newPost(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return form(me, Form.empty().value("kind", "notice"), null, model);
	}

	@PostMapping("/portal/posts")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @Valid PostForm post, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		var form = post.form(result);
		if (form.hasErrors()) {
			return form(me, form, null, model);
		}
		try {
			long id = posts.create(me, draft(post));
			if ("publish".equals(post.then()) && me.has(Role.LEADER)) {
				posts.publish(me, id);
				redirect.addFlashAttribute("notice", text("portal.done.createdPublished", locale));
			}
			else {
				redirect.addFlashAttribute("notice", text("portal.done.draftSaved", locale));
			}
			return "redirect:/portal/posts/" + id;
		}
		catch (PortalException e) {
			return form(me, form.reject(e.field(), e.message(messages, locale)), null, model);
		}
	}

	@GetMapping("/portal/posts/{id}")
	String edit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var post = posts.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = Form.empty().value("kind", post.kind()).value("category", post.category()).value("title", post.title())
			.value("summary", post.summary()).value("body", post.body())
			.value("publishAt", post.publishAt() == null ? "" : LocalDateTime.ofInstant(post.publishAt(), CommuneSiteController.VIETNAM)
				.withSecond(0).withNano(0).toString())
			.value("urgent", post.urgent() ? "on" : "");
		for (var c : post.channels()) {
			form.value("channel." + c, "on");
		}
		for (var v : post.villageIds()) {
			form.value("village." + v, "on");
		}
		return form(me, form, post, model);
	}

	@PostMapping("/portal/posts/{id}")
	String update(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid PostForm changed, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		var post = posts.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = changed.form(result);
		if (form.hasErrors()) {
			return form(me, form, post, model);
		}
		try {
			posts.update(me, id, draft(changed));
			redirect.addFlashAttribute("notice", text("portal.done.saved", locale));
			return "redirect:/portal/posts/" + id;
		}
		catch (PortalException e) {
			return form(me, form.reject(e.field(), e.message(messages, locale)), post, model);
		}
	}

	@PostMapping("/portal/posts/{id}/submit")
	String submit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.done.submitted", () -> posts.submit(me, id));
	}

	@PostMapping("/portal/posts/{id}/publish")
	String publish(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.done.published", () -> posts.publish(me, id));
	}

	@PostMapping("/portal/posts/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.done.withdrawn", () -> posts.withdraw(me, id));
	}

	@PostMapping("/portal/posts/{id}/attachments")
	String addAttachment(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale, RedirectAttributes redirect)
			throws IOException {
		byte[] bytes = file == null ? new byte[0] : file.getBytes();
		return act(id, locale, redirect, "portal.done.fileAdded", () -> posts.addAttachment(me, id, title, bytes));
	}

	@PostMapping("/portal/posts/{id}/attachments/{fileId}/delete")
	String removeAttachment(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.done.fileRemoved", () -> posts.removeAttachment(me, id, fileId));
	}

	@GetMapping("/portal/posts/{id}/attachments/{fileId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId) {
		var file = posts.attachmentFile(me, id, fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("tep-" + fileId, StandardCharsets.UTF_8).build().toString())
			.body(file.bytes());
	}

	// ---- schedule and contacts ----------------------------------------------------------------

	@GetMapping("/portal/schedule")
	String schedule(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String week, Model model) {
		return scheduleForm(me, week, Form.empty().value("day", LocalDate.now(CommuneSiteController.VIETNAM).toString()), model);
	}

	@PostMapping("/portal/schedule")
	String addSchedule(@AuthenticationPrincipal OfficialPrincipal me, @Valid ScheduleForm line, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		var form = Form.of(line.values(), result);
		var day = PortalForms.nz(line.day()).strip();
		if (form.hasErrors()) {
			return scheduleForm(me, day, form, model);
		}
		try {
			LocalDate date;
			try {
				date = LocalDate.parse(day);
			}
			catch (DateTimeParseException e) {
				throw new PortalException("day", "portal.error.day");
			}
			info.addSchedule(me, date, PortalForms.nz(line.time()), PortalForms.nz(line.leader()), PortalForms.nz(line.content()),
					PortalForms.nz(line.place()));
			redirect.addFlashAttribute("notice", text("portal.done.scheduleAdded", locale));
			return "redirect:/portal/schedule?week=" + date;
		}
		catch (PortalException e) {
			return scheduleForm(me, day, form.reject(e.field(), e.message(messages, locale)), model);
		}
	}

	@PostMapping("/portal/schedule/{id}/delete")
	String removeSchedule(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			info.removeSchedule(me, id);
			redirect.addFlashAttribute("notice", text("portal.done.scheduleRemoved", locale));
		}
		catch (PortalException e) {
			notFoundIfUnknown(e);
			redirect.addFlashAttribute("problem", e.message(messages, locale));
		}
		return "redirect:/portal/schedule";
	}

	@GetMapping("/portal/contacts")
	String contacts(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return contactsForm(me, Form.empty().value("position", "0"), model);
	}

	@PostMapping("/portal/contacts")
	String addContact(@AuthenticationPrincipal OfficialPrincipal me, @Valid ContactForm contact, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		var form = Form.of(contact.values(), result);
		if (form.hasErrors()) {
			return contactsForm(me, form, model);
		}
		try {
			var position = CommuneSiteController.parseLong(contact.position());
			if (position == null || position > 999) {
				throw new PortalException("position", "portal.error.position");
			}
			info.addContact(me, position.intValue(), PortalForms.nz(contact.name()), PortalForms.nz(contact.title()),
					PortalForms.nz(contact.phone()), "on".equals(contact.phonePublic()), PortalForms.nz(contact.email()));
			redirect.addFlashAttribute("notice", text("portal.done.contactAdded", locale));
			return "redirect:/portal/contacts";
		}
		catch (PortalException e) {
			return contactsForm(me, form.reject(e.field(), e.message(messages, locale)), model);
		}
	}

	@PostMapping("/portal/contacts/{id}/delete")
	String removeContact(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			info.removeContact(me, id);
			redirect.addFlashAttribute("notice", text("portal.done.contactRemoved", locale));
		}
		catch (PortalException e) {
			notFoundIfUnknown(e);
			redirect.addFlashAttribute("problem", e.message(messages, locale));
		}
		return "redirect:/portal/contacts";
	}

	// ---- helpers ------------------------------------------------------------------------------

	private String scheduleForm(OfficialPrincipal me, String week, Form form, Model model) {
		LocalDate day;
		try {
			day = week.isBlank() ? LocalDate.now(CommuneSiteController.VIETNAM) : LocalDate.parse(week.strip());
		}
		catch (DateTimeParseException e) {
			day = LocalDate.now(CommuneSiteController.VIETNAM);
		}
		var monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
		model.addAttribute("form", form);
		model.addAttribute("monday", monday);
		model.addAttribute("entries", info.week(me.unitCode(), monday));
		return "portal/editor-schedule";
	}

	private String contactsForm(OfficialPrincipal me, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("contacts", info.contactsForEditor(me));
		model.addAttribute("canEdit", me.has(Role.ADMIN) || me.has(Role.LEADER));
		return "portal/editor-contacts";
	}

	private String form(OfficialPrincipal me, Form form, @Nullable Post post, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("post", post);
		model.addAttribute("villages", villages.list(me.unitCode()).stream().filter(Village::active).toList());
		model.addAttribute("attachments", post == null ? List.of() : posts.attachments(me.unitCode(), post.id()));
		model.addAttribute("leader", me.has(Role.LEADER));
		model.addAttribute("fullEditor", me.has(Role.LEADER) || me.has(Role.SPECIALIST) || me.has(Role.ADMIN));
		return "portal/editor-post";
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static Posts.Draft draft(PostForm p) {
		java.time.Instant publishAt = null;
		var at = p.publishAt();
		if (at != null && !at.isBlank()) {
			try {
				publishAt = LocalDateTime.parse(at.strip()).atZone(CommuneSiteController.VIETNAM).toInstant();
			}
			catch (DateTimeParseException e) {
				throw new PortalException("publishAt", "portal.error.publishAt");
			}
		}
		var villageIds = new ArrayList<Long>();
		for (var v : p.villages() == null ? List.<String>of() : p.villages()) {
			var id = CommuneSiteController.parseLong(v);
			if (id == null) {
				throw new PortalException("villages", "portal.error.villageInvalid");
			}
			villageIds.add(id);
		}
		var channels = new HashSet<>(p.channels() == null ? List.<String>of() : p.channels());
		return new Posts.Draft(PortalForms.nz(p.kind()), PortalForms.nz(p.category()), PortalForms.nz(p.title()),
				PortalForms.nz(p.summary()), PortalForms.nz(p.body()), publishAt, villageIds, channels, "on".equals(p.urgent()));
	}

	private static OfficialPrincipal me() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof OfficialPrincipal p) {
			return p;
		}
		throw new ResponseStatusException(HttpStatus.FORBIDDEN);
	}

	/** An object that is not the caller's commune's (or does not exist) is a 404, as for pages. */
	private static void notFoundIfUnknown(PortalException e) {
		if ("id".equals(e.field())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private String act(long id, Locale locale, RedirectAttributes redirect, String success, Runnable action) {
		if (posts.find(me(), id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			action.run();
			redirect.addFlashAttribute("notice", text(success, locale));
		}
		catch (PortalException e) {
			notFoundIfUnknown(e);
			redirect.addFlashAttribute("problem", e.message(messages, locale));
		}
		return "redirect:/portal/posts/" + id;
	}
}
