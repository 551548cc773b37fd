package vn.xaso.catalog.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Problems;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xaso.catalog.CatalogException;
import vn.xaso.catalog.Procedures;

/** Public JSON API of the procedure catalogue. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "catalog.api.doc1", description = "catalog.api.doc2")
class CatalogApiController {

	static final int PAGE_SIZE = 20;

	private final Procedures procedures;

	CatalogApiController(Procedures procedures) {
		this.procedures = procedures;
	}

	@GetMapping
	@Operation(summary = "catalog.api.doc3",
			description = "catalog.api.doc4")
	@ApiResponse(responseCode = "200", description = "catalog.api.doc5")
	@ApiResponse(responseCode = "400", description = "catalog.api.doc6")
	CatalogViews.PageView search(@Parameter(description = "catalog.api.doc7") @RequestParam(required = false) @Nullable String unit,
			@Parameter(description = "catalog.api.doc8") @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "catalog.api.doc9") @RequestParam(required = false) @Nullable String field,
			@Parameter(description = "catalog.api.doc10") @RequestParam(required = false) @Nullable String page,
			@Parameter(description = "catalog.api.doc11") @RequestParam(required = false) @Nullable String size) {
		int p = number("page", page, 0, 0, 100_000);
		int s = number("size", size, PAGE_SIZE, 1, 100);
		var result = procedures.search(unit, q, field, p, s);
		return new CatalogViews.PageView(result.items().stream().map(x -> CatalogViews.Summary.of(x, unit)).toList(),
				result.page(), result.size(), result.total(), result.pages());
	}

	@GetMapping("/{code}")
	@Operation(summary = "catalog.api.doc12")
	@ApiResponse(responseCode = "200", description = "catalog.api.doc13")
	@ApiResponse(responseCode = "400", description = "catalog.api.doc14")
	@ApiResponse(responseCode = "404", description = "catalog.api.doc15")
	ResponseEntity<?> detail(@PathVariable String code, @RequestParam(required = false) @Nullable String unit) {
		return procedures.current(unit, code)
			.<ResponseEntity<?>>map(p -> ResponseEntity.ok(CatalogViews.Detail.of(p, unit)))
			.orElseGet(() -> Problems.fields(HttpStatus.NOT_FOUND, Map.of("code", Refusal.localText("i18n/catalog", "catalog.error.noProcedure", shorten(code)))));
	}

	@ExceptionHandler(CatalogException.class)
	ResponseEntity<ProblemDetail> bad(CatalogException e) {
		return Problems.fields(HttpStatus.BAD_REQUEST, e.localErrors());
	}

	static int number(String name, @Nullable String value, int fallback, int min, int max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				throw CatalogException.of(name, "catalog.error.paramRange", name, String.valueOf(min), String.valueOf(max));
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw CatalogException.of(name, "catalog.error.paramInteger", name);
		}
	}

	static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
