package vn.xaso.notify.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.notify.Channel;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;
import vn.xaso.notify.NotifyException;
import vn.xaso.notify.Recipient;
import vn.xaso.notify.internal.Deliverer;
import vn.xaso.notify.internal.DeliveryLog;
import vn.xaso.notify.internal.Masks;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** The officials' delivery log of their own commune (ADMIN, LEADER), and the ADMIN's "send a test message" form. */
@Controller
class NotifyLogController {

	static final List<String> STATUSES = List.of("queued", "sending", "sent", "failed", "skipped");

	private final DeliveryLog log;
	private final Notifications notifications;
	private final Deliverer deliverer;
	private final Units units;
	private final AuditLog audit;

	NotifyLogController(DeliveryLog log, Notifications notifications, Deliverer deliverer, Units units, AuditLog audit) {
		this.log = log;
		this.notifications = notifications;
		this.deliverer = deliverer;
		this.units = units;
		this.audit = audit;
	}

	@GetMapping("/notify/log")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model) {
		return page(me, params, Form.empty(), model);
	}

	@PostMapping("/notify/log/test")
	String test(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		var form = Form.empty().value("email", email).value("name", name);
		var address = email.strip();
		if (address.isEmpty()) {
			form.reject("email", "Hãy nhập địa chỉ thư điện tử sẽ nhận tin thử.");
		}
		else if (address.length() > 254 || !address.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
			form.reject("email", "Địa chỉ thư điện tử không đúng, ví dụ: vanphong@yenmo.gov.vn.");
		}
		if (name.strip().length() > 100) {
			form.reject("name", "Tên người nhận dài quá 100 ký tự.");
		}
		if (!deliverer.enabled(Channel.EMAIL)) {
			form.reject("email", "Máy chủ thư (SMTP) chưa được cấu hình, nên chưa gửi thư thử được.");
		}
		if (form.hasErrors()) {
			return page(me, Map.of(), form, model);
		}
		var commune = units.find(me.unitCode()).map(Unit::name).orElse(me.unitLabel());
		var who = name.isBlank() ? "bạn" : name.strip();
		try {
			notifications.send(new Notice(me.unitCode(), Recipient.email(address, who), "notify.test",
					Map.of("name", who, "commune", commune), "test-" + UUID.randomUUID(), "/citizen/notifications"));
		}
		catch (NotifyException e) {
			return page(me, Map.of(), form.reject("email", e.getMessage()), model);
		}
		audit.record(AuditEvent.of(me.unitCode(), me.username(), "notify.test.sent").change(null,
				"Gửi tin thử tới " + Masks.email(address)));
		redirect.addFlashAttribute("notice", "Đã xếp tin thử vào hàng gửi tới " + Masks.email(address) + ". Xem trạng thái trong bảng dưới.");
		return "redirect:/notify/log";
	}

	private String page(OfficialPrincipal me, Map<String, String> params, Form testForm, Model model) {
		var filterForm = Form.of(params);
		var status = params.getOrDefault("status", "");
		if (!status.isEmpty() && !STATUSES.contains(status)) {
			filterForm.reject("status", "Trạng thái không có trong danh sách.");
			status = "";
		}
		Channel channel = null;
		var channelParam = params.getOrDefault("channel", "");
		if (!channelParam.isEmpty()) {
			try {
				channel = Channel.valueOf(channelParam);
			}
			catch (IllegalArgumentException e) {
				filterForm.reject("channel", "Kênh không có trong danh sách.");
			}
		}
		var text = params.getOrDefault("q", "").strip();
		if (text.length() > 100) {
			filterForm.reject("q", "Từ khóa dài quá 100 ký tự.");
			text = "";
		}
		var from = date(params.get("from"), "from", filterForm);
		var to = date(params.get("to"), "to", filterForm);
		int pageNo = 0;
		try {
			pageNo = Math.max(0, Integer.parseInt(params.getOrDefault("page", "0")));
		}
		catch (NumberFormatException e) {
			pageNo = 0;
		}
		var filter = new DeliveryLog.Filter(status.isEmpty() ? null : status, channel, text.isEmpty() ? null : text, from, to);
		var probe = log.search(me.unitCode(), filter, pageNo * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE);
		var kept = new LinkedHashMap<String, String>();
		for (var k : List.of("status", "channel", "q", "from", "to")) {
			if (filterForm.error(k) == null && params.containsKey(k)) {
				kept.put(k, params.get(k));
			}
		}
		var paging = Paging.of(pageNo, probe.total(), "/notify/log", kept);
		if (paging.page() >= paging.pages() && paging.page() > 0) {
			paging = Paging.of(paging.pages() - 1, probe.total(), "/notify/log", kept);
			probe = log.search(me.unitCode(), filter, paging.offset(), paging.size());
		}
		model.addAttribute("filter", filterForm);
		model.addAttribute("testForm", testForm);
		model.addAttribute("entries", probe.entries());
		model.addAttribute("paging", paging);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("channels", List.of(Channel.values()));
		model.addAttribute("admin", me.has(Role.ADMIN));
		model.addAttribute("mailEnabled", deliverer.enabled(Channel.EMAIL));
		model.addAttribute("communeName", me.unitLabel());
		return "notify/log";
	}

	private static LocalDate date(String value, String field, Form form) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			form.reject(field, "Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-23.");
			return null;
		}
	}
}
