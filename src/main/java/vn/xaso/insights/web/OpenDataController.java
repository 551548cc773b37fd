package vn.xaso.insights.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import vn.xaso.insights.IndicatorValue;
import vn.xaso.insights.Indicators;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;
import vn.xaso.platform.web.Problems;

/**
 * Open data: aggregate indicator values of a commune, a province or the nation, with their
 * definitions, as JSON or CSV. Only sums are published — never a record or a person.
 */
@RestController
class OpenDataController {

	static final String LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";

	private final Indicators indicators;
	private final Units units;
	private final Clock clock;
	private final MessageSource messages;

	OpenDataController(Indicators indicators, Units units, Clock clock, MessageSource messages) {
		this.indicators = indicators;
		this.units = units;
		this.clock = clock;
		this.messages = messages;
	}

	private String t(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	@Operation(summary = "insights.api.doc1", description = "insights.api.doc2")
	@GetMapping("/api/v1/open-data/indicators")
	ResponseEntity<?> indicators(@Parameter(description = "insights.api.doc3") @RequestParam(required = false) String unit,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		if (unit == null || unit.isBlank()) {
			return error("unit", t("insights.error.unitMissing"));
		}
		var code = unit.strip();
		if (!Indicators.NATION.equals(code) && (!code.matches("[0-9]{2}|[0-9]{5}") || units.find(code).isEmpty())) {
			return error("unit", messages.getMessage("insights.error.unitUnknown", new Object[] { code }, LocaleContextHolder.getLocale()));
		}
		var kind = format == null ? "json" : format;
		if (!kind.equals("json") && !kind.equals("csv")) {
			return error("format", t("insights.error.format"));
		}
		var filter = new InsightsPages.PeriodFilter(from, to, null);
		var form = filter.form();
		var period = filter.period(form, clock, messages);
		if (form.hasErrors()) {
			return Problems.fields(org.springframework.http.HttpStatus.BAD_REQUEST, form.errors());
		}
		// Aggregates of any unit are public: read them in system scope, sums only.
		List<IndicatorValue> values = Tenancy.callAs(UnitScope.systemWide(),
				() -> indicators.values(code, period.from(), period.to()));
		var cache = CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePublic();
		if (kind.equals("csv")) {
			return ResponseEntity.ok().cacheControl(cache)
				.header("Content-Disposition", "attachment; filename=\"xaso-chi-so-" + code + "-" + period.to() + ".csv\"")
				.header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(Exports.csv(values, true));
		}
		var unitName = Indicators.NATION.equals(code) ? Exports.vi("insights.export.nation") : units.find(code).orElseThrow().name();
		var body = new LinkedHashMap<String, Object>();
		body.put("unit", Map.of("code", code, "name", unitName));
		body.put("period", Map.of("from", period.from().toString(), "to", period.to().toString()));
		body.put("licence", LICENCE);
		body.put("publisher", Exports.vi("insights.export.publisher"));
		body.put("indicators", values.stream().map(OpenDataController::json).toList());
		return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static Map<String, Object> json(IndicatorValue v) {
		var i = v.indicator();
		var m = new LinkedHashMap<String, Object>();
		m.put("code", i.code());
		m.put("name", i.nameVi());
		m.put("nameEn", i.nameEn());
		m.put("pillar", i.pillar().name());
		m.put("kind", i.kind().name());
		m.put("definition", i.definitionVi());
		m.put("definitionEn", i.definitionEn());
		m.put("unit", i.unit());
		m.put("goodDirection", i.direction().name());
		m.put("source", i.source());
		m.put("numerator", v.numerator());
		m.put("denominator", v.denominator());
		m.put("value", v.value());
		return m;
	}

	private static ResponseEntity<?> error(String field, String message) {
		return Problems.fields(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of(field, message));
	}
}
