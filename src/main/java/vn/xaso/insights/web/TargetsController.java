package vn.xaso.insights.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.InsightsException;
import vn.xaso.insights.Targets;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * Province target sets: the province's administrator drafts and publishes them; a commune's
 * leader or administrator registers the commune for a level.
 */
@Controller
class TargetsController {

	static final int ROWS = 12;

	private final Targets targets;
	private final Indicators indicators;
	private final Units units;
	private final MessageSource messages;

	TargetsController(Targets targets, Indicators indicators, Units units, MessageSource messages) {
		this.targets = targets;
		this.indicators = indicators;
		this.units = units;
		this.messages = messages;
	}

	/**
	 * A target set as posted: its code, name and year, the button pressed ({@code save} or {@code publish}) and the rows
	 * of the grid by row number, bound from {@code rows[0].indicator}, {@code rows[0].level}, {@code rows[0].threshold}, …
	 * (keyed rather than a list, so a row number that is no row of the grid is simply not read).
	 */
	record TargetSetForm(@Nullable String code, @Nullable String name, @Nullable String year, @Nullable String action,
			@Nullable Map<String, TargetRow> rows) {

		/** Row {@code i} as posted, blank when it did not come back. */
		TargetRow row(int i) {
			var row = rows == null ? null : rows.get(String.valueOf(i));
			return row == null ? new TargetRow(null, null, null) : row;
		}

		/** The values as typed, by input name, for showing the form again. */
		Form form() {
			var form = Form.of(Form.pairs("code", code, "name", name, "year", year));
			for (int i = 0; i < ROWS; i++) {
				var row = row(i);
				form.value(input(i, "indicator"), row.indicator()).value(input(i, "level"), row.level())
					.value(input(i, "threshold"), row.threshold());
			}
			return form;
		}
	}

	/** One row of the grid: an indicator's code, {@code basic} or {@code advanced}, and the threshold as typed. */
	record TargetRow(@Nullable String indicator, @Nullable String level, @Nullable String threshold) {
	}

	/** The name of row {@code i}'s input {@code part} ({@code rows[i].part}). */
	static String input(int i, String part) {
		return "rows[" + i + "]." + part;
	}

	/** A commune's registration for a published set at a level ({@code basic} or {@code advanced}). */
	record RegistrationForm(@Nullable String set, @Nullable String level) {
	}

	/** A message of the insights bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	@GetMapping("/insights/{provinceCode:[0-9]{2}}/targets/new")
	String newSet(@PathVariable String provinceCode, @AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var province = provinceAdmin(provinceCode, me);
		model.addAttribute("province", province);
		model.addAttribute("form", Form.empty().value("year", String.valueOf(java.time.Year.now().getValue())));
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("rows", ROWS);
		return "insights/targets-new";
	}

	@PostMapping("/insights/{provinceCode:[0-9]{2}}/targets")
	String save(@PathVariable String provinceCode, TargetSetForm posted, @AuthenticationPrincipal OfficialPrincipal me,
			Model model, RedirectAttributes redirect) {
		var province = provinceAdmin(provinceCode, me);
		var form = posted.form();
		var rows = new ArrayList<Targets.NewTarget>();
		for (int i = 0; i < ROWS; i++) {
			var row = posted.row(i);
			var code = row.indicator() == null ? "" : row.indicator().strip();
			var threshold = row.threshold() == null ? "" : row.threshold().strip().replace(',', '.');
			if (code.isEmpty() && threshold.isEmpty()) {
				continue;
			}
			try {
				rows.add(new Targets.NewTarget(code, "advanced".equals(row.level()) ? Targets.Level.ADVANCED : Targets.Level.BASIC,
						new BigDecimal(threshold)));
			}
			catch (NumberFormatException e) {
				form.reject(input(i, "threshold"), text("insights.error.thresholdRow", String.valueOf(i + 1)));
			}
		}
		int year = 0;
		try {
			year = Integer.parseInt(posted.year() == null ? "" : posted.year().strip());
		}
		catch (NumberFormatException e) {
			form.reject("year", text("insights.error.setYearNumber"));
		}
		if (!form.hasErrors()) {
			try {
				long id = targets.save(province.code(), posted.code() == null ? "" : posted.code().strip(),
						posted.name() == null ? "" : posted.name(), year, rows, me.username());
				if ("publish".equals(posted.action())) {
					targets.publish(province.code(), id, me.username());
				}
				redirect.addFlashAttribute("notice", text("insights.done.setSaved"));
				return "redirect:/insights/" + province.code();
			}
			catch (InsightsException e) {
				form.reject(e.field(), e.message(messages, LocaleContextHolder.getLocale()));
			}
		}
		model.addAttribute("province", province);
		model.addAttribute("form", form);
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("rows", ROWS);
		return "insights/targets-new";
	}

	@PostMapping("/insights/{provinceCode:[0-9]{2}}/targets/{setId:[0-9]+}/publish")
	String publish(@PathVariable String provinceCode, @PathVariable long setId, @AuthenticationPrincipal OfficialPrincipal me,
			RedirectAttributes redirect) {
		var province = provinceAdmin(provinceCode, me);
		try {
			targets.publish(province.code(), setId, me.username());
			redirect.addFlashAttribute("notice", text("insights.done.setPublished"));
		}
		catch (InsightsException e) {
			redirect.addFlashAttribute("notice", e.message(messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/insights/" + province.code();
	}

	@PostMapping("/insights/{communeCode:[0-9]{2,5}}/registration")
	String register(@PathVariable String communeCode, RegistrationForm registration,
			@AuthenticationPrincipal OfficialPrincipal me, RedirectAttributes redirect) {
		if (!communeCode.equals(me.unitCode()) || !(me.has(Role.LEADER) || me.has(Role.ADMIN))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		try {
			long setId = Long.parseLong(registration.set() == null ? "0" : registration.set());
			targets.register(communeCode, setId, "advanced".equals(registration.level()) ? Targets.Level.ADVANCED : Targets.Level.BASIC,
					me.username());
			redirect.addFlashAttribute("notice", text("insights.done.registered"));
		}
		catch (NumberFormatException | InsightsException e) {
			redirect.addFlashAttribute("notice", e instanceof InsightsException ie ? ie.message(messages, LocaleContextHolder.getLocale()) : text("insights.error.setChoose"));
		}
		return "redirect:/insights/" + communeCode + "#targets";
	}

	private Unit provinceAdmin(String provinceCode, OfficialPrincipal me) {
		if (!provinceCode.equals(me.unitCode()) || !me.has(Role.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return units.find(provinceCode).filter(u -> Unit.PROVINCE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
