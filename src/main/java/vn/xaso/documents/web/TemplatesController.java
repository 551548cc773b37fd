package vn.xaso.documents.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentTemplates;
import vn.xaso.documents.DocumentType;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;

/**
 * The commune's document templates (issue 21): the administrator (or a leader) edits the body skeleton of the
 * commune's own copy of a Phụ lục III template; the shared national default is never changed from here and comes
 * back with "Dùng lại mẫu chung".
 */
@Controller
class TemplatesController {

	/** The template form as posted. */
	record TemplateForm(String summary, String body, String recipients, String signerAuthority, String signerTitle) {

		TemplateForm {
			summary = summary == null ? "" : summary;
			body = body == null ? "" : body;
			recipients = recipients == null ? "" : recipients;
			signerAuthority = signerAuthority == null ? "" : signerAuthority;
			signerTitle = signerTitle == null ? "" : signerTitle;
		}
	}

	private final DocumentTemplates templates;
	private final MessageSource messages;

	TemplatesController(DocumentTemplates templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping("/documents/templates")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("templates", templates.list(editor(me)));
		return "documents/templates";
	}

	@GetMapping("/documents/templates/{type}")
	String edit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String type, Model model) {
		var actor = editor(me);
		var t = templates.forType(actor, type(type)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = Form.empty().value("summary", t.summary()).value("body", t.body()).value("recipients", t.recipients())
			.value("signerAuthority", t.signerAuthority()).value("signerTitle", t.signerTitle());
		return show(t.type(), t.own(), form, model);
	}

	@PostMapping("/documents/templates/{type}")
	String save(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String type, @ModelAttribute TemplateForm in, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var actor = editor(me);
		var kind = type(type);
		try {
			templates.saveOwn(actor, new DocumentTemplates.Template(kind, in.summary(), in.body(), in.recipients(), in.signerAuthority(),
					in.signerTitle(), true));
			redirect.addFlashAttribute("noticeKey", "documents.templates.saved");
			return "redirect:/documents/templates/" + kind.name();
		}
		catch (DocumentException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.empty().value("summary", in.summary()).value("body", in.body()).value("recipients", in.recipients())
				.value("signerAuthority", in.signerAuthority()).value("signerTitle", in.signerTitle());
			form.reject(e.field().isEmpty() ? "body" : e.field(), e.message(messages, LocaleContextHolder.getLocale()));
			return show(kind, templates.forType(actor, kind).map(DocumentTemplates.Template::own).orElse(false), form, model);
		}
	}

	@PostMapping("/documents/templates/{type}/reset")
	String reset(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String type, RedirectAttributes redirect) {
		var actor = editor(me);
		var kind = type(type);
		templates.resetOwn(actor, kind);
		redirect.addFlashAttribute("noticeKey", "documents.templates.resetDone");
		return "redirect:/documents/templates/" + kind.name();
	}

	private static String show(DocumentType type, boolean own, Form form, Model model) {
		model.addAttribute("type", type);
		model.addAttribute("own", own);
		model.addAttribute("form", form);
		return "documents/template-edit";
	}

	private static DocumentType type(String name) {
		return DocumentType.parse(name).filter(DocumentType::draftable).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Actor editor(OfficialPrincipal me) {
		var actor = Actor.of(me);
		if (!actor.has(Role.ADMIN) && !actor.has(Role.LEADER)) {
			throw new AccessDeniedException("administrators and leaders only");
		}
		return actor;
	}
}
