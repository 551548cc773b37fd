package vn.xaso.documents.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentTemplates;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.documents.DraftChoices;
import vn.xaso.documents.DraftEditing;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.documents.web.DocumentForms.DraftForm;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Form;

/**
 * Drafting an outgoing document: choose a type (its Phụ lục III template fills the form), pick the signer among the
 * commune's leaders and the receiving communes by name, save (or save and submit); edit a saved draft; and the leader's
 * "trả lại để sửa" with a reason. The commune search is a second submit button of the same form, so nothing typed is
 * lost and no JavaScript is needed.
 */
@Controller
class DraftingController {

	private final Documents documents;
	private final DocumentTemplates templates;
	private final DraftChoices choices;
	private final DraftEditing editing;
	private final MessageSource messages;

	DraftingController(Documents documents, DocumentTemplates templates, DraftChoices choices, DraftEditing editing, MessageSource messages) {
		this.documents = documents;
		this.templates = templates;
		this.choices = choices;
		this.editing = editing;
		this.messages = messages;
	}

	/** Without {@code type}: the choice of type, one link per template. With it: the form filled from its template. */
	@GetMapping("/documents/outgoing/new")
	String newOutgoing(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String type, Model model) {
		var actor = requireDrafter(me);
		var chosen = DocumentType.parse(type).filter(DocumentType::draftable);
		if (chosen.isEmpty()) {
			model.addAttribute("templates", templates.list(actor));
			return "documents/outgoing-types";
		}
		var form = Form.empty().value("type", chosen.get().name()).value("signerTitle", Refusal.bundleText("i18n/documents", "documents.text.defaultSignerTitle"))
			.value("signerAuthority", Refusal.bundleText("i18n/documents", "documents.text.defaultSignerAuthority")); // the document's words, whatever the page's language
		templates.forType(actor, chosen.get()).ifPresent(t -> form.value("summary", t.summary()).value("body", t.body())
			.value("recipients", t.recipients()).value("signerAuthority", t.signerAuthority()).value("signerTitle", t.signerTitle()));
		var signers = choices.signers(actor);
		if (signers.size() == 1) {
			form.value("signerName", signers.get(0).fullName());
		}
		return form(actor, form, List.of(), null, null, model);
	}

	@PostMapping("/documents/outgoing")
	String createOutgoing(@AuthenticationPrincipal OfficialPrincipal me, DraftForm draft, Model model, RedirectAttributes redirect) {
		var actor = requireDrafter(me);
		var form = Form.of(draft.values());
		if (draft.findingCommune()) {
			return form(actor, form, draft.communes(), draft.communeQuery(), null, model);
		}
		try {
			choices.requireSigner(actor, form.value("signerName"));
			long id = documents.draft(actor, draft.draft());
			if (draft.submitting()) {
				documents.submit(actor, id);
				redirect.addFlashAttribute("notice", t("documents.done.draftSubmitted"));
			}
			else {
				redirect.addFlashAttribute("notice", t("documents.done.draftSaved"));
			}
			return "redirect:/documents/" + id;
		}
		catch (DocumentException e) {
			return form(actor, form.reject(e.field().isEmpty() ? "summary" : e.field(), message(e)), draft.communes(), null, null, model);
		}
	}

	@GetMapping("/documents/{id}/edit")
	String edit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var actor = requireDrafter(me);
		var doc = draft(actor, id);
		var form = Form.empty().value("type", doc.type().name()).value("summary", doc.summary()).value("body", doc.body())
			.value("recipients", doc.recipients()).value("signerAuthority", doc.signerAuthority()).value("signerTitle", doc.signerTitle())
			.value("signerName", doc.signerName());
		var codes = doc.internalRecipients().isBlank() ? List.<String>of() : List.of(doc.internalRecipients().split(","));
		return form(actor, form, codes, null, doc, model);
	}

	@PostMapping("/documents/{id}/edit")
	String saveEdit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, DraftForm draft, Model model,
			RedirectAttributes redirect) {
		var actor = requireDrafter(me);
		var doc = draft(actor, id);
		var form = Form.of(draft.values());
		if (draft.findingCommune()) {
			return form(actor, form, draft.communes(), draft.communeQuery(), doc, model);
		}
		try {
			choices.requireSigner(actor, form.value("signerName"));
			editing.edit(actor, id, draft.draft());
			if (draft.submitting()) {
				documents.submit(actor, id);
				redirect.addFlashAttribute("notice", t("documents.done.editSubmitted"));
			}
			else {
				redirect.addFlashAttribute("notice", t("documents.done.editSaved"));
			}
			return "redirect:/documents/" + id;
		}
		catch (DocumentException e) {
			return form(actor, form.reject(e.field().isEmpty() ? "summary" : e.field(), message(e)), draft.communes(), null, doc, model);
		}
	}

	@PostMapping("/documents/{id}/return")
	String giveBack(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			editing.returnWithReason(Actor.of(me), id, reason);
			redirect.addFlashAttribute("notice", t("documents.done.returned"));
		}
		catch (DocumentException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:/documents/" + id;
	}

	/** A message of the documents bundle in the reader's language. */
	private String t(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private String message(DocumentException e) {
		return e.message(messages, LocaleContextHolder.getLocale());
	}

	private Document draft(Actor actor, long id) {
		var doc = documents.find(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		if (!doc.outgoing() || !Document.DRAFT.equals(doc.status())) {
			throw new Documents.NotFound(id);
		}
		return doc;
	}

	private String form(Actor actor, Form form, List<String> chosenCodes, @Nullable String communeQuery, @Nullable Document doc, Model model) {
		var chosen = choices.named(String.join(",", chosenCodes));
		var found = new ArrayList<DraftChoices.Commune>();
		if (communeQuery != null) {
			for (var c : choices.communes(actor, communeQuery)) {
				if (chosen.stream().noneMatch(x -> x.code().equals(c.code()))) {
					found.add(c);
				}
			}
			if (found.isEmpty() && !communeQuery.isBlank()) {
				form.reject("communeQuery", t("documents.error.communeNotFound"));
			}
		}
		form.value("communeQuery", communeQuery);
		model.addAttribute("form", form);
		model.addAttribute("types", DocumentType.draftableTypes());
		model.addAttribute("signers", choices.signers(actor));
		model.addAttribute("chosen", chosen);
		model.addAttribute("found", found);
		model.addAttribute("doc", doc);
		model.addAttribute("versions", doc == null ? List.of() : editing.versions(actor, doc.id()));
		return "documents/outgoing-new";
	}

	private static Actor requireDrafter(OfficialPrincipal me) {
		var actor = Actor.of(me);
		if (!actor.drafter()) {
			throw new AccessDeniedException("drafters only");
		}
		return actor;
	}
}
