package vn.xaso.insights.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.insights.Indicator;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.internal.Entered;

/**
 * Values the platform cannot count (survey results, the telecom operator's figures), entered by
 * the commune's leader or administrator with an evidence file (PDF, JPEG or PNG, checked by
 * content). Every entry is kept; the latest for a period counts.
 */
@Controller
class EntriesController {

	static final long MAX_EVIDENCE = 10L * 1024 * 1024;

	private final Indicators indicators;
	private final Entered entered;
	private final AuditLog audit;

	EntriesController(Indicators indicators, Entered entered, AuditLog audit) {
		this.indicators = indicators;
		this.entered = entered;
		this.audit = audit;
	}

	@PostMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}/entries")
	String enter(@PathVariable String unitCode, @PathVariable String indicatorCode, @RequestParam Map<String, String> params,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence, @AuthenticationPrincipal OfficialPrincipal me,
			RedirectAttributes redirect) {
		var indicator = indicators.find(indicatorCode).filter(i -> i.kind() == Indicator.Kind.ENTERED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!unitCode.equals(me.unitCode()) || !(me.has(Role.LEADER) || me.has(Role.ADMIN))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		var back = "redirect:/insights/" + unitCode + "/" + indicatorCode;
		try {
			var start = date(params.get("periodStart"), "ngày bắt đầu");
			var end = date(params.get("periodEnd"), "ngày kết thúc");
			if (end.isBefore(start)) {
				throw new IllegalArgumentException("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
			}
			var numerator = number(params.get("numerator"), "Tử số");
			var denominatorText = params.getOrDefault("denominator", "").strip();
			BigDecimal denominator = denominatorText.isEmpty() && indicator.scale() == 1 ? null : number(denominatorText, "Mẫu số");
			if (denominator != null && denominator.signum() == 0) {
				throw new IllegalArgumentException("Mẫu số phải lớn hơn 0.");
			}
			if (denominator != null && indicator.scale() == 100 && numerator.compareTo(denominator) > 0) {
				throw new IllegalArgumentException("Tử số không được lớn hơn mẫu số.");
			}
			if (evidence == null || evidence.isEmpty()) {
				throw new IllegalArgumentException("Hãy đính kèm tệp minh chứng (PDF, JPEG hoặc PNG).");
			}
			if (evidence.getSize() > MAX_EVIDENCE) {
				throw new IllegalArgumentException("Tệp minh chứng lớn quá 10 MB.");
			}
			var content = evidence.getBytes();
			var type = typeOf(content);
			if (type == null) {
				throw new IllegalArgumentException("Tệp minh chứng phải là PDF, JPEG hoặc PNG thật (đã kiểm tra nội dung tệp).");
			}
			var name = evidence.getOriginalFilename() == null ? "minh-chung" : evidence.getOriginalFilename().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
			var note = params.getOrDefault("note", "").strip();
			if (note.length() > 500) {
				throw new IllegalArgumentException("Ghi chú dài quá 500 ký tự.");
			}
			long id = entered.enter(unitCode, indicatorCode, start, end, numerator, denominator, name, type, content, note, me.username());
			audit.record(AuditEvent.of(unitCode, me.username(), "insights.entered").on("insight_entered", id)
				.change(null, indicatorCode + " " + start + "–" + end + ": " + numerator + (denominator == null ? "" : "/" + denominator)));
			redirect.addFlashAttribute("notice", "Đã lưu số liệu và minh chứng.");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("entryError", e.getMessage());
		}
		catch (IOException e) {
			redirect.addFlashAttribute("entryError", "Không đọc được tệp minh chứng, hãy thử lại.");
		}
		return back;
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/evidence/{id:[0-9]+}")
	ResponseEntity<byte[]> evidence(@PathVariable String unitCode, @PathVariable long id) {
		var file = entered.evidence(unitCode, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"minh-chung-" + id + extension(file.type()) + "\"")
			.contentType(MediaType.parseMediaType(file.type()))
			.body(file.content());
	}

	private static LocalDate date(String value, String what) {
		try {
			return LocalDate.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Hãy nhập " + what + " đúng dạng năm-tháng-ngày.");
		}
	}

	private static BigDecimal number(String value, String what) {
		try {
			var n = new BigDecimal(value == null ? "" : value.strip().replace(".", "").replace(',', '.'));
			if (n.signum() < 0 || n.compareTo(new BigDecimal("100000000000")) > 0) {
				throw new IllegalArgumentException(what + " phải từ 0 đến 100 tỷ.");
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(what + " phải là một số, ví dụ 1.830 hoặc 92,5.");
		}
	}

	static String typeOf(byte[] b) {
		if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
			return "application/pdf";
		}
		if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "image/png";
		}
		return null;
	}

	private static String extension(String type) {
		return switch (type) {
			case "application/pdf" -> ".pdf";
			case "image/jpeg" -> ".jpg";
			default -> ".png";
		};
	}
}
