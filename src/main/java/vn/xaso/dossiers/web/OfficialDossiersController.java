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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
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
	String queues(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response) {
		var caller = Caller.of(me);
		var form = Form.of(params);
		var tab = params.getOrDefault("tab", "");
		boolean searching = !WebInput.get(params, "q").isEmpty() || !WebInput.get(params, "procedure").isEmpty()
				|| !WebInput.get(params, "state").isEmpty();
		if (!TABS.containsKey(tab) && !"all".equals(tab)) {
			tab = searching ? "all" : defaultTab(me);
		}
		int page = Math.max(0, WebInput.parseInt(params.get("page"), 0));
		var tabs = new ArrayList<QueueTab>();
		for (var e : TABS.entrySet()) {
			tabs.add(new QueueTab(e.getKey(), e.getValue().label(), e.getValue(), count(caller, e.getValue())));
		}
		tabs.add(new QueueTab("all", "Tất cả", null, count(caller, null)));
		var queue = TABS.get(tab);
		DossierPage rows;
		try {
			var q = WebInput.get(params, "q");
			if (q.length() > 100) {
				throw new DossierException("q", "Từ khoá tìm kiếm dài quá 100 ký tự.");
			}
			var search = new DossierSearch(blank(q), blank(WebInput.get(params, "procedure")), blank(WebInput.get(params, "state")),
					queue, null, null, page + 1, Paging.DEFAULT_SIZE);
			rows = dossiers.search(caller, search);
		}
		catch (DossierException e) {
			e.errors().forEach((f, m) -> form.reject(f.isEmpty() ? "q" : f, m));
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
			model.addAttribute("notice", "Đã tiếp nhận hồ sơ " + dossier.code() + ", hẹn trả ngày " + Show.date(dossier.dueDate())
					+ ". Hãy in phiếu hẹn và đưa cho người dân.");
		}
		return detailPage(me, dossier, Form.empty(), model);
	}

	@PostMapping("/dossiers/{id}/act")
	String act(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var caller = Caller.of(me);
		var action = WebInput.get(params, "action");
		var form = Form.of(params);
		try {
			long version = Long.parseLong(WebInput.get(params, "version").isEmpty() ? "-1" : WebInput.get(params, "version"));
			LocalDate newDue = null;
			var due = WebInput.get(params, "newDueDate");
			if (!due.isEmpty()) {
				try {
					newDue = LocalDate.parse(due);
				}
				catch (DateTimeParseException e) {
					throw new DossierException("newDueDate", "Ngày hẹn mới chưa đúng, hãy chọn ngày theo dạng ngày/tháng/năm.");
				}
			}
			var password = params.get("signingPassword");
			var request = new ActionRequest(action, version, WebInput.get(params, "note"), blank(WebInput.get(params, "assignee")),
					blank(WebInput.get(params, "returnMethod")), blank(WebInput.get(params, "postTrackingNumber")),
					password == null || password.isEmpty() ? null : password.toCharArray(), newDue, WebInput.uploads(files, ""));
			var after = dossiers.act(caller, id, request);
			redirect.addFlashAttribute("notice", "Đã thực hiện: " + labelOf(caller, after, action) + ". Trạng thái mới: " + after.stateLabel() + ".");
			return "redirect:/dossiers/" + id;
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("problem", "Trang đã cũ. Hãy tải lại hồ sơ rồi thao tác lại.");
			return "redirect:/dossiers/" + id;
		}
		catch (DossierConflict e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
			model.addAttribute("problem", e.getMessage());
			return detailPage(me, dossier, Form.empty(), model);
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
			e.errors().forEach((f, m) -> form.reject(f.isEmpty() ? action + "-note" : action + "-" + f, m));
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
				throw new PaymentException("Chỉ công chức một cửa thu tiền mặt.");
			}
			if (dossier.billId() == null) {
				throw new PaymentException("Hồ sơ này không có khoản phí cần thu.");
			}
			var vnd = vn.xaso.catalog.FormDefinition.parseMoney(amount);
			if (vnd == null) {
				throw new PaymentException(Map.of("amountVnd", "Số tiền chưa đúng, ví dụ 8.000."));
			}
			var bill = payments.recordCash(dossier.billId(), me.username(), vnd);
			redirect.addFlashAttribute("notice", "Đã ghi nhận thu tiền mặt " + Show.money(bill.paidVnd()) + ", biên lai số " + bill.receiptNumber() + ".");
		}
		catch (PaymentException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
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
			form.reject("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
		}
		if (f != null && t != null && f.plusYears(5).isBefore(t)) {
			form.reject("to", "Mỗi lần xuất tối đa 5 năm.");
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
			redirect.addFlashAttribute("notice", "Đã lưu mã cơ quan. Hồ sơ nộp từ nay mang mã mới.");
			return "redirect:/dossiers/settings";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.empty().value("agencyCode", agencyCode);
			e.errors().forEach((f, m) -> form.reject("agencyCode", m));
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
			form.reject(field, "Hãy chọn ngày.");
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			form.reject(field, "Ngày chưa đúng, ví dụ 2026-11-01.");
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
