package vn.xaso.documents.web;

import static vn.xaso.documents.web.Params.blank;
import static vn.xaso.documents.web.Params.parseInt;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentMail;
import vn.xaso.documents.DocumentReminders;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.documents.InternalDeliveries;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.documents.web.DocumentForms.IncomingForm;
import vn.xaso.documents.web.DocumentForms.RegisterFilter;

/** The documents workspace: registers, drafting, incoming registration, detail with actions by state. */
@Controller
class DocumentsController {

	private final Documents documents;
	private final DocumentMail mail;
	private final DocumentReminders reminders;
	private final InternalDeliveries deliveries;
	private final MessageSource messages;

	DocumentsController(Documents documents, DocumentMail mail, DocumentReminders reminders, InternalDeliveries deliveries,
			MessageSource messages) {
		this.documents = documents;
		this.mail = mail;
		this.reminders = reminders;
		this.deliveries = deliveries;
		this.messages = messages;
	}

	@GetMapping("/documents")
	String list(@AuthenticationPrincipal OfficialPrincipal me, RegisterFilter filter, Model model) {
		var actor = Actor.of(me);
		var form = Form.of(filter.values());
		int page = parseInt(filter.page(), 0);
		var search = new Documents.Search(blank(filter.q()), filter.outgoing(), DocumentType.parse(filter.type()).orElse(null),
				blank(filter.status()), date(filter.from(), form, "from"), date(filter.to(), form, "to"), blank(filter.handler()),
				blank(filter.view()), page, Paging.DEFAULT_SIZE);
		Documents.Listing listing;
		try {
			listing = documents.search(actor, search);
		}
		catch (DocumentException e) {
			form.reject(e.field(), message(e));
			listing = new Documents.Listing(List.of(), 0);
		}
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("paging", Paging.of(page, listing.total(), listing.more(), "/documents", filter.values()));
		model.addAttribute("actor", actor);
		model.addAttribute("reminders", reminders.notices(actor));
		return "documents/list";
	}

	@GetMapping("/documents/incoming/new")
	String newIncoming(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		if (!me.has(Role.CLERK)) {
			throw new AccessDeniedException("clerks only");
		}
		return incomingForm(Form.empty().value("urgency", "thuong").value("attachmentCount", "0").value("type", "CONG_VAN"), model);
	}

	@PostMapping("/documents/incoming")
	String createIncoming(@AuthenticationPrincipal OfficialPrincipal me, IncomingForm incoming,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model) throws IOException {
		var form = Form.of(incoming.values());
		try {
			if (!me.has(Role.CLERK)) {
				throw new AccessDeniedException("clerks only");
			}
			LocalDate original = null;
			if (incoming.originalDate() != null && !incoming.originalDate().isBlank()) {
				try {
					original = LocalDate.parse(incoming.originalDate().strip());
				}
				catch (DateTimeParseException e) {
					throw DocumentException.of("originalDate", "documents.error.originalDate");
				}
			}
			long id = documents.register(Actor.of(me), incoming.incoming(original, file == null ? new byte[0] : file.getBytes()));
			return "redirect:/documents/" + id;
		}
		catch (DocumentException e) {
			return incomingForm(form.reject(e.field(), message(e)), model);
		}
	}

	@GetMapping("/documents/{id}")
	String detail(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var actor = Actor.of(me);
		var doc = documents.find(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		model.addAttribute("doc", doc);
		model.addAttribute("signatures", documents.signatures(actor, id).orElse(null));
		model.addAttribute("actor", actor);
		model.addAttribute("form", Form.empty().value("workingDays", "5"));
		model.addAttribute("handlers", me.has(Role.LEADER) && !doc.outgoing() ? documents.handlers(actor) : List.of());
		model.addAttribute("replies", !doc.outgoing() && "assigned".equals(doc.status()) ? documents.releasedOutgoing(actor) : List.of());
		model.addAttribute("emailRecipients", doc.outgoing() ? mail.recipients(actor, id) : List.of());
		model.addAttribute("mailDeliveries", doc.outgoing() ? mail.deliveries(actor, id) : List.of());
		model.addAttribute("mailEnabled", mail.enabled());
		model.addAttribute("attachments", documents.attachments(actor, id));
		model.addAttribute("deliveries", doc.outgoing() ? deliveries.of(actor, id) : List.of());
		return "documents/detail";
	}

	@PostMapping("/documents/{id}/attachments")
	String addAttachment(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String title, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		requireDrafter(me);
		byte[] bytes = file == null ? new byte[0] : file.getBytes();
		return act(id, redirect, "documents.done.attachmentAdded", () -> documents.addAttachment(Actor.of(me), id, title, bytes));
	}

	@PostMapping("/documents/{id}/attachments/{attachmentId}/delete")
	String removeAttachment(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long attachmentId,
			RedirectAttributes redirect) {
		requireDrafter(me);
		return act(id, redirect, "documents.done.attachmentRemoved", () -> documents.removeAttachment(Actor.of(me), id, attachmentId));
	}

	@GetMapping("/documents/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long attachmentId) {
		var actor = Actor.of(me);
		var pdf = documents.attachmentPdf(actor, id, attachmentId).orElseThrow(() -> new Documents.NotFound(id));
		var doc = documents.find(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		var title = documents.attachments(actor, id).stream().filter(a -> a.id() == attachmentId).map(Documents.Attachment::title)
			.findFirst().orElse(Long.toString(attachmentId));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, DocumentNames.attachmentDisposition(doc, title))
			.body(pdf);
	}

	@GetMapping("/documents/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var actor = Actor.of(me);
		var pdf = documents.pdf(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		var doc = documents.find(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, DocumentNames.contentDisposition(doc))
			.body(pdf);
	}

	@PostMapping("/documents/{id}/submit")
	String submit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "documents.done.submitted", () -> documents.submit(Actor.of(me), id));
	}

	@PostMapping("/documents/{id}/approve")
	String approve(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		return act(id, redirect, "documents.done.approved",
				() -> documents.approve(Actor.of(me), id, password.toCharArray()));
	}

	@PostMapping("/documents/{id}/release")
	String release(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		return act(id, redirect, "documents.done.released",
				() -> documents.release(Actor.of(me), id, password.toCharArray()));
	}

	@PostMapping("/documents/{id}/assign")
	String assign(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String directionNote, @RequestParam(required = false) @Nullable List<String> handlers,
			@RequestParam(defaultValue = "") String workingDays, RedirectAttributes redirect) {
		return act(id, redirect, "documents.done.assigned", () -> documents.assign(Actor.of(me), id, directionNote,
				handlers == null ? List.of() : handlers, parseInt(workingDays, 0)));
	}

	@PostMapping("/documents/{id}/notes")
	String note(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		requireDrafter(me);
		return act(id, redirect, "documents.done.noted", () -> documents.addNote(Actor.of(me), id, note));
	}

	@PostMapping("/documents/{id}/done")
	String done(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String replyId, RedirectAttributes redirect) {
		requireDrafter(me);
		return act(id, redirect, "documents.done.handled", () -> documents.markDone(Actor.of(me), id, note,
				replyId.isBlank() ? null : (long) parseInt(replyId, -1)));
	}

	/** Handlers are officials who draft and process: leaders, specialists, clerks, one-stop officers. */
	private static void requireDrafter(OfficialPrincipal me) {
		if (!Actor.of(me).drafter()) {
			throw new AccessDeniedException("handlers only");
		}
	}

	private String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", messages.getMessage(successKey, null, LocaleContextHolder.getLocale()));
		}
		catch (DocumentException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:/documents/" + id;
	}

	private String message(DocumentException e) {
		return e.message(messages, LocaleContextHolder.getLocale());
	}

	private String incomingForm(Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("types", List.of(DocumentType.values()));
		return "documents/incoming-new";
	}

	private @Nullable LocalDate date(@Nullable String s, Form form, String field) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			form.reject(field, messages.getMessage("documents.error.date", null, LocaleContextHolder.getLocale()));
			return null;
		}
	}
}
