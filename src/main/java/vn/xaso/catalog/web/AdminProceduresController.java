package vn.xaso.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.xaso.catalog.CatalogException;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.Procedures;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/**
 * A commune administrator's catalogue: list, add a commune procedure, edit any procedure the
 * commune offers. Every save publishes a new version for the administrator's own commune only.
 */
@Controller
class AdminProceduresController {

	private final Procedures procedures;
	private final vn.xaso.catalog.CommuneProcedures communeProcedures;
	private final MessageSource messages;

	AdminProceduresController(Procedures procedures, vn.xaso.catalog.CommuneProcedures communeProcedures, MessageSource messages) {
		this.procedures = procedures;
		this.communeProcedures = communeProcedures;
		this.messages = messages;
	}

	/** A message of the catalog bundle in the reader's language. */
	private String t(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/**
	 * Offers a national procedure again (hidden at setup step 6, or here) or hides it from the commune's lists,
	 * procedure pages and new dossiers. Audited; a double click changes nothing the second time.
	 */
	@PostMapping({ "/admin/procedures/{code}/offer", "/admin/procedures/{code}/hide" })
	String offer(@AuthenticationPrincipal OfficialPrincipal admin, @PathVariable String code,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
		boolean offer = request.getRequestURI().endsWith("/offer");
		try {
			var name = communeProcedures.inForce(admin.unitCode(), code).name();
			boolean changed = communeProcedures.setOffered(admin.unitCode(), code, offer, admin.username());
			redirect.addFlashAttribute("notice", t(!changed ? "catalog.done.unchanged" : offer ? "catalog.done.offered" : "catalog.done.hidden", name));
		}
		catch (CatalogException e) {
			redirect.addFlashAttribute("error", e.localMessage());
		}
		return "redirect:/admin/procedures";
	}

	@GetMapping("/admin/procedures")
	String list(@AuthenticationPrincipal OfficialPrincipal admin, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String page,
			Model model) {
		var params = new LinkedHashMap<String, String>();
		params.put("q", q);
		params.put("field", field);
		int p;
		try {
			p = CatalogApiController.number("page", page, 0, 0, 100_000);
		}
		catch (CatalogException e) {
			p = 0;
		}
		String error = null;
		var query = q;
		if (q != null && q.length() > 200) {
			error = t("catalog.error.qLong");
			query = null;
		}
		var result = procedures.search(admin.unitCode(), query, field, p, Paging.DEFAULT_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("paging", Paging.of(p, result.total(), "/admin/procedures", params));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("field", field == null ? "" : field);
		model.addAttribute("fields", procedures.fields(admin.unitCode()));
		model.addAttribute("unit", admin.unitCode());
		if (error != null || !model.containsAttribute("error")) {
			model.addAttribute("error", error);
		}
		var hidden = communeProcedures.hidden(admin.unitCode()).stream().sorted()
			.map(c -> communeProcedures.inForce(admin.unitCode(), c)).toList();
		model.addAttribute("hidden", hidden);
		return "catalog/admin-list";
	}

	@GetMapping("/admin/procedures/new")
	String create(@AuthenticationPrincipal OfficialPrincipal admin, Model model) {
		var editor = ProcedureEditor.blank();
		editor.apply("addPaper");
		editor.values.put(ProcedureEditor.paper(0) + "name", Refusal.bundleText("i18n/catalog", "catalog.text.formPaper")); // catalogue content, in Vietnamese
		return render(editor, editor.form(), null, List.of(), model);
	}

	@GetMapping("/admin/procedures/{code}/edit")
	String edit(@AuthenticationPrincipal OfficialPrincipal admin, @PathVariable String code, Model model) {
		var current = current(admin, code);
		var editor = ProcedureEditor.of(current);
		return render(editor, editor.form(), current, procedures.history(admin.unitCode(), code), model);
	}

	@PostMapping("/admin/procedures/new")
	String submitNew(@AuthenticationPrincipal OfficialPrincipal admin, ProcedureForm posted, Model model,
			RedirectAttributes redirect) {
		var editor = ProcedureEditor.from(posted);
		if (editor.apply(posted.actionOrSave())) {
			return render(editor, editor.form(), null, List.of(), model);
		}
		var form = editor.form();
		var code = editor.value("code").strip();
		if (code.isEmpty()) {
			code = procedures.nextLocalCode(admin.unitCode());
		}
		else if (!code.matches("[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}")) {
			form.reject("code", t("catalog.error.code"));
		}
		else if (procedures.current(admin.unitCode(), code).isPresent()) {
			form.reject("code", t("catalog.error.codeTaken", code));
		}
		return publish(admin, editor, form, code, null, model, redirect);
	}

	@PostMapping("/admin/procedures/{code}/edit")
	String submitEdit(@AuthenticationPrincipal OfficialPrincipal admin, @PathVariable String code, ProcedureForm posted,
			Model model, RedirectAttributes redirect) {
		var current = current(admin, code);
		var editor = ProcedureEditor.from(posted);
		editor.values.put("code", current.code());
		if (editor.apply(posted.actionOrSave())) {
			return render(editor, editor.form(), current, procedures.history(admin.unitCode(), code), model);
		}
		return publish(admin, editor, editor.form(), current.code(), current, model, redirect);
	}

	private String publish(OfficialPrincipal admin, ProcedureEditor editor, Form form, String code,
			@Nullable Procedure current, Model model, RedirectAttributes redirect) {
		var history = current == null ? List.<Procedure>of() : procedures.history(admin.unitCode(), code);
		int formVersion = current == null ? 1 : current.form().version();
		var draft = editor.draft(code, formVersion, form, messages, LocaleContextHolder.getLocale());
		if (draft != null && current != null && !draft.form().fields().equals(current.form().fields())) {
			draft = new vn.xaso.catalog.ProcedureDraft(draft.code(), draft.name(), draft.field(), draft.processingTime(),
					draft.fees(), draft.papers(), new vn.xaso.catalog.FormDefinition(formVersion + 1, draft.form().fields()),
					draft.onlineMode(), draft.resultTemplate(), draft.legalBasis(), draft.workflow(), draft.sources());
		}
		if (draft != null) {
			if (!procedures.check(draft).isEmpty()) {
				CatalogException.of(procedures.check(draft)).localErrors().forEach(form::reject);
			}
		}
		if (draft == null || form.hasErrors()) {
			return render(editor, form, current, history, model);
		}
		try {
			var published = procedures.publish(admin.unitCode(), draft, admin.username());
			redirect.addFlashAttribute("notice", t("catalog.done.published", String.valueOf(published.version()), published.code()));
			return "redirect:" + UriComponentsBuilder.fromPath("/admin/procedures/{code}/edit")
				.buildAndExpand(published.code()).encode().toUriString();
		}
		catch (CatalogException e) {
			e.localErrors().forEach(form::reject);
			return render(editor, form, current, history, model);
		}
	}

	private Procedure current(OfficialPrincipal admin, String code) {
		return procedures.current(admin.unitCode(), code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such procedure"));
	}

	private String render(ProcedureEditor editor, Form form, @Nullable Procedure current, List<Procedure> history,
			Model model) {
		model.addAttribute("editor", editor);
		model.addAttribute("unit", vn.xaso.platform.tenancy.Tenancy.homeUnit().orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("current", current);
		model.addAttribute("history", history);
		model.addAttribute("fieldTypes", vn.xaso.catalog.FieldType.values());
		model.addAttribute("templates", Procedures.RESULT_TEMPLATES);
		return "catalog/admin-edit";
	}
}
