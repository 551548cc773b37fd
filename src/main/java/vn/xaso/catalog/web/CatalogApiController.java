package vn.xaso.catalog.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
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
@Tag(name = "Danh mục thủ tục", description = "Thủ tục hành chính cấp xã: thời hạn, phí, giấy tờ, tờ khai điện tử")
class CatalogApiController {

	static final int PAGE_SIZE = 20;

	private final Procedures procedures;

	CatalogApiController(Procedures procedures) {
		this.procedures = procedures;
	}

	@GetMapping
	@Operation(summary = "Tìm thủ tục (không phân biệt dấu, hoa thường), theo trang",
			description = "Không có unit: danh mục quốc gia. Có unit: danh mục của xã đó (phiên bản riêng của xã thay thế bản quốc gia).")
	@ApiResponse(responseCode = "200", description = "Một trang kết quả")
	@ApiResponse(responseCode = "400", description = "Tham số sai, ví dụ mã xã không tồn tại: {\"errors\": {\"unit\": \"…\"}}")
	CatalogViews.PageView search(@Parameter(description = "Mã xã, phường (5 chữ số), ví dụ 14701") @RequestParam(required = false) @Nullable String unit,
			@Parameter(description = "Từ khóa, ví dụ \"khai sinh\"") @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "Lĩnh vực, ví dụ \"Hộ tịch\"") @RequestParam(required = false) @Nullable String field,
			@Parameter(description = "Trang, bắt đầu từ 0") @RequestParam(required = false) @Nullable String page,
			@Parameter(description = "Số thủ tục mỗi trang, 1 đến 100 (mặc định 20)") @RequestParam(required = false) @Nullable String size) {
		int p = number("page", page, 0, 0, 100_000);
		int s = number("size", size, PAGE_SIZE, 1, 100);
		var result = procedures.search(unit, q, field, p, s);
		return new CatalogViews.PageView(result.items().stream().map(x -> CatalogViews.Summary.of(x, unit)).toList(),
				result.page(), result.size(), result.total(), result.pages());
	}

	@GetMapping("/{code}")
	@Operation(summary = "Một thủ tục với giấy tờ, phí, thời hạn và tờ khai điện tử (phiên bản đang áp dụng)")
	@ApiResponse(responseCode = "200", description = "Thủ tục")
	@ApiResponse(responseCode = "400", description = "Mã xã không tồn tại")
	@ApiResponse(responseCode = "404", description = "Không có thủ tục này")
	ResponseEntity<?> detail(@PathVariable String code, @RequestParam(required = false) @Nullable String unit) {
		return procedures.current(unit, code)
			.<ResponseEntity<?>>map(p -> ResponseEntity.ok(CatalogViews.Detail.of(p, unit)))
			.orElseGet(() -> Problems.fields(HttpStatus.NOT_FOUND, Map.of("code", "Không có thủ tục mang mã \"" + shorten(code) + "\".")));
	}

	@ExceptionHandler(CatalogException.class)
	ResponseEntity<ProblemDetail> bad(CatalogException e) {
		return Problems.fields(HttpStatus.BAD_REQUEST, e.errors());
	}

	static int number(String name, @Nullable String value, int fallback, int min, int max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				throw new CatalogException(name, "Tham số \"" + name + "\" phải từ " + min + " đến " + max + ".");
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw new CatalogException(name, "Tham số \"" + name + "\" phải là số nguyên.");
		}
	}

	static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
