package vn.xaso.dossiers.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.xaso.dossiers.Action;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.DossierPage;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Queue;
import vn.xaso.dossiers.web.DossierForms.ActForm;
import vn.xaso.dossiers.web.DossierForms.QueueFilter;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/**
 * The officials' dossier pages: queues as tabs with counts, search with paging, the detail page with the
 * timeline, files, the filled-in form and the actions this official may take now (driven by the workflow), the
 * cash payment, and the tracking book. "Someone acted first" comes back from the service as a conflict and is
 * shown as it says.
 */
@Controller
class OfficialDossiersController {

	private static final Map<String, Queue> TABS = new LinkedHashMap<>();
	static {
		TABS.put("new", Queue.NEW);
		TABS.put("mine", Queue.MINE);
		TABS.put("due", Queue.DUE_SOON);
		TABS.put("late", Queue.LATE);
		TABS.put("supplement", Queue.SUPPLEMENT);
		TABS.put("approval", Queue.AWAITING_APPROVAL);
		TABS.put("ready", Queue.RESULT_READY);
	}

	private final Dossiers dossiers;
	private final ProcedureForms forms;
	private final FeeView fees;
	private final Payments payments;
	private final Accounts accounts;

	OfficialDossiersController(Dossiers dossiers, ProcedureForms forms, FeeView fees, Payments payments, Accounts accounts) {
		this.dossiers = dossiers;
		this.forms = forms;
		this.fees = fees;
		this.payments = payments;
		this.accounts = accounts;
	}

	@GetMapping("/dossiers")
	String queues(@AuthenticationPrincipal OfficialPrincipal me, @Valid QueueFilter filter, BindingResult result, Model model,
			HttpServletResponse response) {
		var caller = Caller.of(me);
		var params = filter.values();
		var form = Form.of(params, result);
		var tab = DossierForms.text(filter.tab());
		if (!TABS.containsKey(tab) && !"all".equals(tab)) {
			tab = filter.searching() ? "all" : defaultTab(me);
		}
		int page = Math.max(0, WebInput.parseInt(filter.page(), 0));
		var tabs = new ArrayList<QueueTab>();
		for (var e : TABS.entrySet()) {
			tabs.add(new QueueTab(e.getKey(), WebText.t(e.getValue().key()), e.getValue(), count(caller, e.getValue())));
		}
		tabs.add(new QueueTab("all", WebText.t("dossiers.say.queue.all"), null, count(caller, null)));
		var queue = TABS.get(tab);
		DossierPage rows;
		try {
			if (form.hasErrors()) {
				throw DossierException.of("q", "dossiers.say.queryLong");
			}
			var search = new DossierSearch(blank(DossierForms.text(filter.q())), blank(DossierForms.text(filter.procedure())),
					blank(DossierForms.text(filter.state())), queue, null, null, page + 1, Paging.DEFAULT_SIZE);
			rows = dossiers.search(caller, search);
		}
		catch (DossierException e) {
			if (!form.hasErrors()) {
				WebInput.errors(e).forEach((f, m) -> form.reject(f.isEmpty() ? "q" : f, m));
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			rows = new DossierPage(List.of(), 0, 1, Paging.DEFAULT_SIZE);
		}
		var linkParams = new LinkedHashMap<>(params);
		linkParams.put("tab", tab);
		model.addAttribute("form", form);
		model.addAttribute("tabs", tabs);
		model.addAttribute("tab", tab);
		model.addAttribute("rows", rows);
		model.addAttribute("paging", Paging.of(page, rows.total(), "/dossiers", linkParams));
		model.addAttribute("procedures", forms.procedures(me.unitCode()));
		model.addAttribute("states", states());
		model.addAttribute("specialists", me.has(Role.ONE_STOP) && "new".equals(tab) ? specialists(me) : List.of());
		return "dossiers/queue";
	}

	@GetMapping("/dossiers/{id}")
	String detail(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(name = "received", required = false) @Nullable String received, Model model) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		if (received != null && !model.containsAttribute("notice")) {
			model.addAttribute("notice", WebText.t("dossiers.say.received", dossier.code(), Show.date(dossier.dueDate())));
		}
		return detailPage(me, dossier, Form.empty(), model);
	}

	@PostMapping("/dossiers/{id}/act")
	String act(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, ActForm step,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var caller = Caller.of(me);
		var action = DossierForms.text(step.action());
		var form = Form.of(step.values());
		try {
			long version = Long.parseLong(DossierForms.text(step.version()).isEmpty() ? "-1" : DossierForms.text(step.version()));
			LocalDate newDue = null;
			var due = DossierForms.text(step.newDueDate());
			if (!due.isEmpty()) {
				try {
					newDue = LocalDate.parse(due);
				}
				catch (DateTimeParseException e) {
					throw DossierException.of("newDueDate", "dossiers.say.newDueDate");
				}
			}
			var password = step.signingPassword();
			var request = new ActionRequest(action, version, DossierForms.text(step.note()), blank(DossierForms.text(step.assignee())),
					blank(DossierForms.text(step.returnMethod())), blank(DossierForms.text(step.postTrackingNumber())),
					password == null || password.isEmpty() ? null : password.toCharArray(), newDue, WebInput.uploads(files, ""));
			var after = dossiers.act(caller, id, request);
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.done", labelOf(caller, after, action), after.stateLabel()));
			return "redirect:/dossiers/" + id;
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("problem", WebText.t("dossiers.say.stale"));
			return "redirect:/dossiers/" + id;
		}
		catch (DossierConflict e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
			model.addAttribute("problem", WebInput.message(e));
			return detailPage(me, dossier, Form.empty(), model);
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
			WebInput.errors(e).forEach((f, m) -> form.reject(f.isEmpty() ? action + "-note" : action + "-" + f, m));
			model.addAttribute("openAction", action);
			return detailPage(me, dossier, form, model);
		}
	}

	@PostMapping("/dossiers/{id}/cash")
	String cash(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String amount,
			RedirectAttributes redirect) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		try {
			if (!me.has(Role.ONE_STOP)) {
				throw new PaymentException(WebText.t("dossiers.say.cash.oneStopOnly"));
			}
			if (dossier.billId() == null) {
				throw new PaymentException(WebText.t("dossiers.say.cash.noFee"));
			}
			var vnd = vn.xaso.catalog.FormDefinition.parseMoney(amount);
			if (vnd == null) {
				throw new PaymentException(Map.of("amountVnd", WebText.t("dossiers.say.cash.amount")));
			}
			var bill = payments.recordCash(dossier.billId(), me.username(), vnd);
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.cash.recorded", Show.money(bill.paidVnd()), bill.receiptNumber()));
		}
		catch (PaymentException e) {
			redirect.addFlashAttribute("problem", e.localMessage());
		}
		return "redirect:/dossiers/" + id + "#fee-heading";
	}

	@GetMapping("/dossiers/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		var meta = dossier.files().stream().filter(f -> f.id() == fileId).findFirst().orElseThrow(DossierNotFound::new);
		return Downloads.inline(dossiers.file(caller, id, fileId), meta.contentType(), "tep-" + fileId + Downloads.extension(meta.contentType()));
	}

	@GetMapping("/dossiers/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		return Downloads.pdf(dossiers.receiptPdf(caller, id), "phieu-hen-" + dossier.code() + ".pdf");
	}

	@GetMapping("/dossiers/{id}/apology.pdf")
	ResponseEntity<byte[]> apology(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		return Downloads.pdf(dossiers.apologyPdf(caller, id).orElseThrow(DossierNotFound::new), "phieu-xin-loi-" + dossier.code() + ".pdf");
	}

	@GetMapping("/dossiers/{id}/result.pdf")
	ResponseEntity<byte[]> result(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		return Downloads.pdf(dossiers.resultPdf(caller, id).orElseThrow(DossierNotFound::new), "ket-qua-" + dossier.code() + ".pdf");
	}

	@GetMapping("/dossiers/{id}/qr.png")
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var png = dossiers.billQrPng(Caller.of(me), id, 480).orElseThrow(DossierNotFound::new);
		return ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_PNG)
			.cacheControl(org.springframework.http.CacheControl.noStore()).body(png);
	}

	@GetMapping("/dossiers/book")
	String book(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		var today = LocalDate.now(Show.VIETNAM);
		model.addAttribute("form", Form.empty().value("from", from.isBlank() ? today.withDayOfMonth(1).toString() : from)
			.value("to", to.isBlank() ? today.toString() : to));
		return "dossiers/book";
	}

	@GetMapping({ "/dossiers/book.xlsx", "/dossiers/book.csv" })
	Object bookFile(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, jakarta.servlet.http.HttpServletRequest request, Model model,
			HttpServletResponse response) {
		var form = Form.empty().value("from", from).value("to", to);
		var f = date(from, "from", form);
		var t = date(to, "to", form);
		if (f != null && t != null && t.isBefore(f)) {
			form.reject("to", WebText.t("dossiers.say.book.toBeforeFrom"));
		}
		if (f != null && t != null && f.plusYears(5).isBefore(t)) {
			form.reject("to", WebText.t("dossiers.say.book.fiveYears"));
		}
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			return "dossiers/book";
		}
		var caller = Caller.of(me);
		var name = "so-theo-doi-ho-so-" + f + "-" + t;
		if (request.getRequestURI().endsWith(".csv")) {
			return Downloads.attachment(dossiers.trackingBookCsv(caller, f, t), "text/csv;charset=UTF-8", name + ".csv");
		}
		return Downloads.attachment(dossiers.trackingBookXlsx(caller, f, t),
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
	}

	@GetMapping("/dossiers/settings")
	String settings(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("form", Form.empty().value("agencyCode", dossiers.agencyCode(me.unitCode())));
		return "dossiers/settings";
	}

	@PostMapping("/dossiers/settings")
	String saveSettings(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String agencyCode, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			dossiers.setAgencyCode(Caller.of(me), agencyCode.strip().toUpperCase(java.util.Locale.ROOT));
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.agencySaved"));
			return "redirect:/dossiers/settings";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.empty().value("agencyCode", agencyCode);
			WebInput.errors(e).forEach((f, m) -> form.reject("agencyCode", m));
			model.addAttribute("form", form);
			return "dossiers/settings";
		}
	}

	private String detailPage(OfficialPrincipal me, Dossier dossier, Form form, Model model) {
		var caller = Caller.of(me);
		var actions = dossiers.actions(caller, dossier.id());
		model.addAttribute("dossier", dossier);
		model.addAttribute("form", form);
		model.addAttribute("actions", actions);
		model.addAttribute("evidence", forms.evidence(dossier.procedureVersionId(), dossier.form(), dossier.files()));
		model.addAttribute("fee", fees.forDossier(caller, dossier).orElse(null));
		model.addAttribute("canCash", me.has(Role.ONE_STOP));
		model.addAttribute("hasApology", dossier.events().stream().anyMatch(e -> "reschedule".equals(e.action())));
		model.addAttribute("specialists", actions.stream().anyMatch(a -> a.inputs().contains("assignee") || a.name().equals("receive"))
				? specialists(me) : List.of());
		return "dossiers/detail";
	}

	private List<Accounts.OfficialView> specialists(OfficialPrincipal me) {
		return accounts.list(me.unitCode(), null, 0, 200).items().stream()
			.filter(a -> a.active() && a.roles().contains(Role.SPECIALIST))
			.toList();
	}

	private String labelOf(Caller caller, Dossier after, String action) {
		return after.events().stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b).map(e -> e.actionLabel()).orElse(action);
	}

	private long count(Caller caller, @Nullable Queue queue) {
		return dossiers.search(caller, new DossierSearch(null, null, null, queue, null, null, 1, 1)).total();
	}

	private static String defaultTab(OfficialPrincipal me) {
		if (me.has(Role.ONE_STOP)) {
			return "new";
		}
		if (me.has(Role.LEADER)) {
			return "approval";
		}
		if (me.has(Role.SPECIALIST)) {
			return "mine";
		}
		return "all";
	}

	private Map<String, String> states() {
		var states = new LinkedHashMap<String, String>();
		for (var s : List.of("submitted", "received", "supplement_requested", "processing", "awaiting_approval", "approved",
				"result_ready", "returned", "refused")) {
			states.put(s, dossiers.stateLabel(s));
		}
		return states;
	}

	private static @Nullable LocalDate date(String value, String field, Form form) {
		if (value.isBlank()) {
			form.reject(field, WebText.t("dossiers.say.date.missing"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			form.reject(field, WebText.t("dossiers.say.date.wrong"));
			return null;
		}
	}

	private static @Nullable String blank(String s) {
		return s.isBlank() ? null : s;
	}

	static List<Action> none() {
		return List.of();
	}
}
