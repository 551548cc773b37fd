package vn.xaso.notify.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.context.ApplicationEventPublisher;

import vn.xaso.audit.AuditEvent;
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
	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	NotifyLogController(DeliveryLog log, Notifications notifications, Deliverer deliverer, Units units, ApplicationEventPublisher events,
			MessageSource messages) {
		this.log = log;
		this.notifications = notifications;
		this.deliverer = deliverer;
		this.units = units;
		this.events = events;
		this.messages = messages;
	}

	/** The delivery log's filters as typed. */
	record LogFilter(@Nullable String status, @Nullable String channel, @Nullable String q, @Nullable String from,
			@Nullable String to, @Nullable String page) {

		static final LogFilter NONE = new LogFilter(null, null, null, null, null, null);

		Map<String, String> values() {
			var map = new LinkedHashMap<String, String>();
			put(map, "status", status);
			put(map, "channel", channel);
			put(map, "q", q);
			put(map, "from", from);
			put(map, "to", to);
			put(map, "page", page);
			return map;
		}

		private static void put(Map<String, String> map, String key, @Nullable String value) {
			if (value != null) {
				map.put(key, value);
			}
		}
	}

	/** A message of the notify bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	@GetMapping("/notify/log")
	String list(@AuthenticationPrincipal OfficialPrincipal me, LogFilter filter, Model model) {
		return page(me, filter, Form.empty(), model);
	}

	@PostMapping("/notify/log/test")
	String test(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		var form = Form.empty().value("email", email).value("name", name);
		var address = email.strip();
		if (address.isEmpty()) {
			form.reject("email", text("notify.error.testEmail"));
		}
		else if (address.length() > 254 || !address.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
			form.reject("email", text("notify.error.testEmailWrong"));
		}
		if (name.strip().length() > 100) {
			form.reject("name", text("notify.error.testName"));
		}
		if (!deliverer.enabled(Channel.EMAIL)) {
			form.reject("email", text("notify.error.noSmtp"));
		}
		if (form.hasErrors()) {
			return page(me, LogFilter.NONE, form, model);
		}
		var commune = units.find(me.unitCode()).map(Unit::name).orElse(me.unitLabel());
		var who = name.isBlank() ? text("notify.text.you") : name.strip();
		try {
			notifications.send(new Notice(me.unitCode(), Recipient.email(address, who), "notify.test",
					Map.of("name", who, "commune", commune), "test-" + UUID.randomUUID(), "/citizen/notifications"));
		}
		catch (NotifyException e) {
			return page(me, LogFilter.NONE, form.reject("email", e.getMessage()), model);
		}
		events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "notify.test.sent").change(null,
				messages.getMessage("notify.text.testSent", new Object[] { Masks.email(address) }, java.util.Locale.ROOT)));
		redirect.addFlashAttribute("notice", text("notify.done.testQueued", Masks.email(address)));
		return "redirect:/notify/log";
	}

	private String page(OfficialPrincipal me, LogFilter query, Form testForm, Model model) {
		var params = query.values();
		var filterForm = Form.of(params);
		var status = params.getOrDefault("status", "");
		if (!status.isEmpty() && !STATUSES.contains(status)) {
			filterForm.reject("status", text("notify.error.status"));
			status = "";
		}
		Channel channel = null;
		var channelParam = params.getOrDefault("channel", "");
		if (!channelParam.isEmpty()) {
			try {
				channel = Channel.valueOf(channelParam);
			}
			catch (IllegalArgumentException e) {
				filterForm.reject("channel", text("notify.error.channel"));
			}
		}
		var text = params.getOrDefault("q", "").strip();
		if (text.length() > 100) {
			filterForm.reject("q", text("notify.error.qLong"));
			text = "";
		}
		var from = date(params.get("from"), "from", filterForm, text("notify.error.date"));
		var to = date(params.get("to"), "to", filterForm, text("notify.error.date"));
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

	private static @Nullable LocalDate date(@Nullable String value, String field, Form form, String message) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			form.reject(field, message);
			return null;
		}
	}
}
