package vn.xaso.units.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.xaso.units.internal.UnitDirectory;
import vn.xaso.units.internal.UnitDirectory.LegacyDetail;
import vn.xaso.units.internal.UnitDirectory.UnitDetail;
import vn.xaso.units.internal.UnitDirectory.UnitPage;

/** Public, read-only JSON API over the administrative units. */
@RestController
@RequestMapping("/api/v1/units")
class UnitsController {

	static final int MAX_SIZE = 200;
	static final int MAX_QUERY = 100;

	private final UnitDirectory directory;

	UnitsController(UnitDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "units.api.doc1",
			description = "units.api.doc2")
	UnitPage list(@RequestParam(required = false) @Nullable String parent,
			@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size) {
		if (level != null && !level.equals("province") && !level.equals("commune") && !level.equals("village")) {
			throw new BadRequest("units.error.level", level);
		}
		if (parent != null && (parent = parent.strip()).isEmpty()) {
			parent = null;
		}
		if (parent != null) {
			requireCode(parent);
		}
		if ("village".equals(level) && (parent == null || parent.length() != 5)) {
			throw new BadRequest("units.error.villageParent");
		}
		if (q != null) {
			q = q.strip().replaceAll("\\s+", " ");
			if (q.length() > MAX_QUERY) {
				throw new BadRequest("units.error.qLong", String.valueOf(MAX_QUERY));
			}
			if (q.isEmpty()) {
				q = null;
			}
		}
		int pageNumber = number(page, 0, "page");
		int pageSize = number(size, 50, "size");
		if (pageNumber < 0) {
			throw new BadRequest("units.error.page");
		}
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw new BadRequest("units.error.size", String.valueOf(MAX_SIZE));
		}
		return directory.search(parent, level, q, pageNumber, pageSize);
	}

	@GetMapping("/{code}")
	@Operation(summary = "units.api.doc3")
	UnitDetail one(@PathVariable String code) {
		requireCode(code);
		return directory.detail(code).orElseThrow(() -> new NotFound(code));
	}

	@GetMapping("/legacy/{code}")
	@Operation(summary = "units.api.doc4")
	LegacyDetail legacy(@PathVariable String code) {
		requireCode(code);
		return directory.legacy(code).orElseThrow(() -> new NotFound(code));
	}

	private static void requireCode(String code) {
		if (!code.matches("[0-9]{2,5}")) {
			throw new BadRequest("units.error.code");
		}
	}

	private static int number(@Nullable String value, int fallback, String name) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new BadRequest("units.error.integer", name);
		}
	}

	/** A refused request: the message {@code key} of the units bundle ({@code i18n/units}) and its arguments. */
	static class BadRequest extends RuntimeException {

		final String key;
		final Object[] args;

		BadRequest(String key, Object... args) {
			super(key, null, false, false);
			this.key = key;
			this.args = args;
		}
	}

	static final class NotFound extends BadRequest {

		NotFound(String code) {
			super("units.error.notFound", code);
		}
	}
}
