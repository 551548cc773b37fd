package vn.xaso.insights.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.insights.Indicator;
import vn.xaso.insights.Indicators;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** What the dashboard controllers share: the period filter, the visible unit, the chosen indicator and file answers. */
final class InsightsPages {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private InsightsPages() {
	}

	/** The period of a dashboard and the indicator to rank by, as typed. */
	record PeriodFilter(@Nullable String from, @Nullable String to, @Nullable String indicator) {

		Map<String, String> values() {
			var map = new java.util.LinkedHashMap<String, String>();
			if (from != null) {
				map.put("from", from);
			}
			if (to != null) {
				map.put("to", to);
			}
			if (indicator != null) {
				map.put("indicator", indicator);
			}
			return map;
		}

		Form form() {
			return Form.of(values());
		}

		Period period(Form form, java.time.Clock clock, MessageSource messages) {
			return Period.parse(from, to, form, clock, key -> messages.getMessage(key, null, LocaleContextHolder.getLocale()));
		}

		/** The indicator named, or the first one. */
		Indicator indicatorOrFirst(Indicators indicators) {
			return indicators.find(indicator == null ? "" : indicator).orElse(indicators.all().getFirst());
		}
	}

	/** 404 for a unit the caller may not see, so other communes' codes cannot be probed. */
	static Unit visibleUnit(Units units, String unitCode) {
		var unit = units.find(unitCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!Tenancy.current().sees(unitCode)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return unit;
	}

	static Indicator indicator(Indicators indicators, String code) {
		return indicators.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(type)
			.body(body);
	}
}
