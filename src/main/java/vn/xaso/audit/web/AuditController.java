package vn.xaso.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xaso.audit.AuditLog;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.web.Paging;

/** The audit viewer for a unit's administrator: filter, page through, and verify the chain. */
@Controller
class AuditController {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final AuditLog audit;
	private final org.springframework.context.MessageSource messages;

	AuditController(AuditLog audit, org.springframework.context.MessageSource messages) {
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var unit = ownUnit();
		String problem = null;
		LocalDate fromDate = null;
		LocalDate toDate = null;
		try {
			fromDate = from.isBlank() ? null : LocalDate.parse(from);
			toDate = to.isBlank() ? null : LocalDate.parse(to);
		}
		catch (DateTimeParseException e) {
			problem = messages.getMessage("audit.error.date", null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		}
		var pageNo = Math.max(0, page);
		var size = 50;
		var query = new AuditLog.AuditQuery(unit, blank(action, 60), blank(actor, 60),
				fromDate == null ? null : fromDate.atStartOfDay(VIETNAM).toInstant(),
				toDate == null ? null : toDate.plusDays(1).atStartOfDay(VIETNAM).toInstant(), pageNo, size);
		var result = audit.search(query);
		model.addAttribute("unit", unit);
		model.addAttribute("entries", result.entries());
		model.addAttribute("action", action);
		model.addAttribute("actor", actor);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("problem", problem);
		model.addAttribute("paging", Paging.of(pageNo, size, result.total(), "/admin/audit?action=" + enc(action)
				+ "&actor=" + enc(actor) + "&from=" + enc(from) + "&to=" + enc(to) + "&page=" + pageNo));
		return "audit/list";
	}

	@PostMapping("/admin/audit/verify")
	String verify(Model model) {
		model.addAttribute("result", audit.verify(ownUnit()));
		return "audit/verify";
	}

	private static String ownUnit() {
		return Tenancy.homeUnit().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("officials only"));
	}

	private static String blank(String s, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		var t = s.strip();
		return t.length() > max ? t.substring(0, max) : t;
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}
}
