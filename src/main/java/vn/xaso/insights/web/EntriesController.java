package vn.xaso.insights.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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
	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	EntriesController(Indicators indicators, Entered entered, ApplicationEventPublisher events, MessageSource messages) {
		this.indicators = indicators;
		this.entered = entered;
		this.events = events;
		this.messages = messages;
	}

	/** An entered value as typed; the evidence file comes as the multipart part {@code evidence}. */
	record EntryForm(@Nullable String periodStart, @Nullable String periodEnd, @Nullable String numerator,
			@Nullable String denominator, @Nullable String note) {
	}

	/** A refused entry: the message key of the insights bundle and its arguments. */
	private static final class Refused extends RuntimeException {

		private final String key;
		private final Object[] args;

		Refused(String key, Object... args) {
			super(key, null, false, false);
			this.key = key;
			this.args = args;
		}
	}

	@PostMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}/entries")
	String enter(@PathVariable String unitCode, @PathVariable String indicatorCode, EntryForm form,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence, @AuthenticationPrincipal OfficialPrincipal me,
			RedirectAttributes redirect) {
		var indicator = indicators.find(indicatorCode).filter(i -> i.kind() == Indicator.Kind.ENTERED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!unitCode.equals(me.unitCode()) || !(me.has(Role.LEADER) || me.has(Role.ADMIN))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		var back = "redirect:/insights/" + unitCode + "/" + indicatorCode;
		try {
			var start = date(form.periodStart(), "insights.error.periodStart");
			var end = date(form.periodEnd(), "insights.error.periodEnd");
			if (end.isBefore(start)) {
				throw new Refused("insights.error.endBeforeStart");
			}
			var numerator = number(form.numerator(), "insights.numerator");
			var denominatorText = form.denominator() == null ? "" : form.denominator().strip();
			BigDecimal denominator = denominatorText.isEmpty() && indicator.scale() == 1 ? null : number(denominatorText, "insights.denominator");
			if (denominator != null && denominator.signum() == 0) {
				throw new Refused("insights.error.denominatorZero");
			}
			if (denominator != null && indicator.scale() == 100 && numerator.compareTo(denominator) > 0) {
				throw new Refused("insights.error.numeratorAbove");
			}
			if (evidence == null || evidence.isEmpty()) {
				throw new Refused("insights.error.evidenceMissing");
			}
			if (evidence.getSize() > MAX_EVIDENCE) {
				throw new Refused("insights.error.evidenceBig");
			}
			var content = evidence.getBytes();
			var type = typeOf(content);
			if (type == null) {
				throw new Refused("insights.error.evidenceType");
			}
			var name = evidence.getOriginalFilename() == null ? "minh-chung" : evidence.getOriginalFilename().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
			var note = form.note() == null ? "" : form.note().strip();
			if (note.length() > 500) {
				throw new Refused("insights.error.noteLong");
			}
			long id = entered.enter(unitCode, indicatorCode, start, end, numerator, denominator, name, type, content, note, me.username());
			events.publishEvent(AuditEvent.of(unitCode, me.username(), "insights.entered").on("insight_entered", id)
				.change(null, indicatorCode + " " + start + "–" + end + ": " + numerator + (denominator == null ? "" : "/" + denominator)));
			redirect.addFlashAttribute("notice", text("insights.done.entered"));
		}
		catch (Refused e) {
			redirect.addFlashAttribute("entryError", text(e.key, e.args));
		}
		catch (IOException e) {
			redirect.addFlashAttribute("entryError", text("insights.error.evidenceUnreadable"));
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

	/** A message of the insights bundle in the reader's language; {@link MessageSourceResolvable} arguments are resolved too. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static LocalDate date(@Nullable String value, String whatKey) {
		try {
			return LocalDate.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException e) {
			throw new Refused(whatKey);
		}
	}

	private static BigDecimal number(@Nullable String value, String whatKey) {
		try {
			var n = new BigDecimal(value == null ? "" : value.strip().replace(".", "").replace(',', '.'));
			if (n.signum() < 0 || n.compareTo(new BigDecimal("100000000000")) > 0) {
				throw new Refused("insights.error.numberRange", new DefaultMessageSourceResolvable(whatKey));
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw new Refused("insights.error.number", new DefaultMessageSourceResolvable(whatKey));
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
