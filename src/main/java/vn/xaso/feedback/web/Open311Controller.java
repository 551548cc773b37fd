package vn.xaso.feedback.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.platform.web.PublicAddress;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackCategory;
import vn.xaso.feedback.FeedbackEvent;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.feedback.Open311Keys;
import vn.xaso.feedback.PublicReport;
import vn.xaso.feedback.web.Open311Params.NewRequest;
import vn.xaso.feedback.web.Open311Params.Search;
import vn.xaso.feedback.web.Open311Params.Updates;
import vn.xaso.feedback.web.Open311Writer.Items;
import vn.xaso.units.Unit;
import vn.xaso.units.Villages;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the same reports as the pages, in
 * XML and JSON. jurisdiction_id is the commune code and is required: the server hosts many communes.
 * service_request_id is the report's code (PA-14701-000123). Reports are created in real time, so
 * POST returns the id at once (and a token as well, which tokens/{token} turns into the id).
 * Nothing personal ever leaves: no contact fields, free text masked, photos only when made public.
 * A non-standard updates feed (updates.json / updates.xml) lists every public status change.
 */
@RestController
class Open311Controller {

	static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
	static final String CHANGESET = "2026-11-24T00:00:00+07:00";
	static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
	static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
	static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

	private final Feedback feedback;
	private final Open311Keys keys;
	private final Villages villages;
	private final PublicAddress address;

	Open311Controller(Feedback feedback, Open311Keys keys, Villages villages, PublicAddress address) {
		this.address = address;
		this.feedback = feedback;
		this.keys = keys;
		this.villages = villages;
	}

	/** A GeoReport error: HTTP status and description, in Vietnamese (English with ?lang=en / Accept-Language). */
	static final class Open311Error extends RuntimeException {
		final int status;
		final String english;

		Open311Error(int status, String vietnamese, String english) {
			super(vietnamese);
			this.status = status;
			this.english = english;
		}

		String description() {
			return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? english : getMessage();
		}
	}

	/** A response: XML root element name and the tree. */
	record Body(String root, Object tree) {
	}

	@GetMapping({ "/open311/discovery.json", "/open311/discovery.xml" })
	ResponseEntity<String> discovery(HttpServletRequest request) {
		return respond(request, () -> {
			var base = address.base();
			var endpoint = map("specification", SPEC, "url", base + "/open311/v2", "changeset", CHANGESET, "type", "production",
					"formats", new Items("format", List.of("text/xml", "application/json")));
			return new Body("discovery", map("changeset", CHANGESET, "contact",
					"Ủy ban nhân dân xã (jurisdiction_id = mã xã, ví dụ 14701). Khóa API: quản trị viên của xã cấp.",
					"key_service", base + "/admin/feedback/api-keys", "endpoints", new Items("endpoint", List.of(endpoint))));
		});
	}

	@GetMapping({ "/open311/v2/services.json", "/open311/v2/services.xml" })
	ResponseEntity<String> services(HttpServletRequest request, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		return respond(request, () -> {
			var unit = jurisdiction(jurisdiction);
			var list = feedback.categories(unit.code()).stream().map(c -> (Object) service(c)).toList();
			return new Body("services", new Items("service", list));
		});
	}

	@GetMapping({ "/open311/v2/services/{serviceCode}.json", "/open311/v2/services/{serviceCode}.xml" })
	ResponseEntity<String> definition(HttpServletRequest request, @PathVariable String serviceCode,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		return respond(request, () -> {
			var unit = jurisdiction(jurisdiction);
			var category = feedback.category(unit.code(), serviceCode)
				.orElseThrow(() -> new Open311Error(404, "Không có loại việc (service_code) " + serviceCode, "service_code " + serviceCode + " was not found"));
			var values = villages.list(unit.code()).stream().filter(v -> v.active())
				.map(v -> (Object) map("key", v.code(), "name", v.fullName())).toList();
			var village = map("variable", true, "code", "village", "datatype", "singlevaluelist", "required", false,
					"datatype_description", "Thôn, tổ dân phố nơi xảy ra sự việc (mã thôn; cũng nhận qua address_id).", "order", 1,
					"description", "Thôn, tổ dân phố", "values", new Items("value", values));
			var landmark = map("variable", true, "code", "landmark", "datatype", "string", "required", false,
					"datatype_description", "Tối đa 200 ký tự.", "order", 2, "description", "Địa điểm dễ nhận biết gần nơi xảy ra sự việc");
			return new Body("service_definition", map("service_code", category.code(), "attributes",
					new Items("attribute", List.of(village, landmark))));
		});
	}

	@PostMapping({ "/open311/v2/requests.json", "/open311/v2/requests.xml" })
	ResponseEntity<String> post(HttpServletRequest request, NewRequest params,
			@RequestParam(name = "attribute[village]", required = false) @Nullable String villageAttribute,
			@RequestParam(name = "attribute[landmark]", required = false) @Nullable String landmarkAttribute) {
		return respond(request, () -> {
			var unit = jurisdiction(params.jurisdiction());
			var keyId = keys.check(unit.code(), params.apiKey())
				.orElseThrow(() -> new Open311Error(403, "Thiếu khoá API (api_key) hoặc khoá không dùng được cho xã này", "api_key was not provided or is not valid for this jurisdiction"));
			var serviceCode = Open311Params.text(params.serviceCode());
			if (serviceCode.isEmpty()) {
				throw new Open311Error(400, "Chưa chọn loại việc (service_code)", "service_code was not provided");
			}
			if (feedback.category(unit.code(), serviceCode).isEmpty()) {
				throw new Open311Error(404, "Không có loại việc (service_code) " + serviceCode, "service_code " + serviceCode + " was not found");
			}
			var lat = coordinate(params.lat(), "lat");
			var lon = coordinate(params.lon(), "long");
			var address = Open311Params.text(params.addressString());
			var village = blank(params.addressId());
			if (village == null) {
				village = blank(villageAttribute);
			}
			var landmark = blank(landmarkAttribute);
			if (landmark != null) {
				if (landmark.length() > 200) {
					throw new Open311Error(400, "Điểm mốc (attribute[landmark]) dài quá 200 ký tự", "attribute[landmark] is longer than 200 characters");
				}
				address = address.isEmpty() ? landmark : address + " – " + landmark;
			}
			if (lat == null && lon == null && address.isEmpty() && village == null) {
				throw new Open311Error(400, "Cần cho biết nơi xảy ra: toạ độ lat và long, address_string hoặc address_id (thôn)", "a location is required: lat and long, address_string or address_id");
			}
			var name = String.join(" ", List.of(Open311Params.text(params.firstName()), Open311Params.text(params.lastName()))).strip();
			var phone = blank(params.phone());
			var email = blank(params.email());
			boolean anonymous = name.isEmpty() && phone == null && email == null;
			try {
				var created = feedback.submit(new Feedback.NewReport(unit.code(), serviceCode, params.description() == null ? "" : params.description(), lat,
						lon, village, address, null, anonymous, name.isEmpty() ? null : name, phone, email, List.of(), "open311",
						blank(params.mediaUrl()), keyId));
				var category = feedback.category(unit.code(), serviceCode).orElseThrow();
				var report = feedback.publicReport(unit.code(), created.code()).orElseThrow();
				var item = map("service_request_id", created.code(), "token", created.token(), "service_notice",
						"Đã tiếp nhận. Hạn xử lý: " + report.dueDate() + " (" + category.slaDays() + " ngày làm việc).", "account_id", null);
				return new Body("service_requests", new Items("request", List.of(item)));
			}
			catch (FeedbackException e) {
				throw new Open311Error(400, e.field() + ": " + e.getMessage(), e.field() + ": " + e.getMessage());
			}
		});
	}

	@GetMapping({ "/open311/v2/requests.json", "/open311/v2/requests.xml" })
	ResponseEntity<String> requests(HttpServletRequest request, Search params) {
		return respond(request, () -> {
			var unit = jurisdiction(params.jurisdiction());
			var codes = list(params.serviceRequestIds());
			var from = date(params.startDate(), "start_date");
			var to = date(params.endDate(), "end_date");
			List<String> statuses = null;
			var wanted = list(params.status());
			if (wanted != null) {
				var internal = new ArrayList<String>();
				for (var s : wanted) {
					switch (s) {
						case "open" -> internal.addAll(List.of(FeedbackReport.NEW, FeedbackReport.IN_PROGRESS));
						case "closed" -> internal.addAll(List.of(FeedbackReport.ANSWERED, FeedbackReport.CLOSED, FeedbackReport.MERGED));
						default -> throw new Open311Error(400, "Trạng thái (status) chỉ nhận open hoặc closed", "status must be open or closed");
					}
				}
				statuses = internal;
			}
			if (codes == null && from == null && to == null) {
				// The specification's default: the last 90 days, at most 1000 requests.
				from = Instant.now().minus(90, ChronoUnit.DAYS);
			}
			var listing = feedback.publicSearch(unit.code(), new Feedback.PublicSearch(codes, list(params.serviceCodes()), from, to,
					statuses, null, 0, 1000));
			return new Body("service_requests", new Items("request", listing.rows().stream().map(r -> (Object) request(request, r)).toList()));
		});
	}

	@GetMapping({ "/open311/v2/requests/{id}.json", "/open311/v2/requests/{id}.xml" })
	ResponseEntity<String> one(HttpServletRequest request, @PathVariable String id,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		return respond(request, () -> {
			var unit = jurisdiction(jurisdiction);
			var report = feedback.publicReport(unit.code(), id).orElseThrow(() -> new Open311Error(404, "Không có phản ánh (service_request_id) " + id, "service_request_id " + id + " was not found"));
			return new Body("service_requests", new Items("request", List.of(request(request, report))));
		});
	}

	@GetMapping({ "/open311/v2/tokens/{token}.json", "/open311/v2/tokens/{token}.xml" })
	ResponseEntity<String> token(HttpServletRequest request, @PathVariable String token,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		return respond(request, () -> {
			var unit = jurisdiction(jurisdiction);
			var code = feedback.codeOfToken(unit.code(), token).orElseThrow(() -> new Open311Error(404, "Không tìm thấy mã theo dõi (token)", "token was not found"));
			return new Body("service_requests", new Items("request", List.of(map("service_request_id", code, "token", token))));
		});
	}

	/** Non-standard: every public status change after {@code after} (an update_id), oldest first, at most 500. */
	@GetMapping({ "/open311/v2/updates.json", "/open311/v2/updates.xml" })
	ResponseEntity<String> updates(HttpServletRequest request, Updates params) {
		return respond(request, () -> {
			var unit = jurisdiction(params.jurisdiction());
			long after;
			try {
				after = Long.parseLong(params.after() == null ? "0" : params.after().strip());
			}
			catch (NumberFormatException e) {
				throw new Open311Error(400, "after phải là một số (update_id)", "after must be an update_id (a number)");
			}
			var items = feedback.publicUpdates(unit.code(), after, 500).stream().map(e -> (Object) update(e)).toList();
			return new Body("service_request_updates", new Items("update", items));
		});
	}

	// ---------------------------------------------------------------- mapping

	private static Map<String, Object> service(FeedbackCategory c) {
		return map("service_code", c.code(), "service_name", c.name(), "description",
				c.description() + " Hạn xử lý: " + c.slaDays() + " ngày làm việc.", "metadata", true, "type", "realtime", "keywords",
				c.keywords(), "group", c.group());
	}

	private Map<String, Object> request(HttpServletRequest http, PublicReport r) {
		var base = address.base();
		String media = r.publicPhotoIds().isEmpty() ? null
				: base + "/x/" + r.unitCode() + "/feedback/photos/" + r.publicPhotoIds().getFirst();
		String notes = r.answer() != null ? r.answer() : r.mergedIntoCode() != null ? "Trùng với " + r.mergedIntoCode() : null;
		return map("service_request_id", r.code(), "status", r.open311Status(), "status_notes", notes, "service_name", r.categoryName(),
				"service_code", r.categoryCode(), "description", r.description(), "agency_responsible",
				"UBND xã " + r.unitCode(), "service_notice", null, "requested_datetime", w3c(r.createdAt()), "updated_datetime",
				w3c(r.updatedAt()), "expected_datetime", w3c(r.dueDate().atTime(17, 0).atOffset(VIETNAM).toInstant()), "address",
				r.address().isEmpty() ? null : r.address(), "address_id", r.villageCode(), "zipcode", null, "lat", r.lat(), "long",
				r.lon(), "media_url", media);
	}

	private static Map<String, Object> update(FeedbackEvent e) {
		return map("update_id", e.id(), "service_request_id", e.reportCode(), "status", FeedbackReport.open311Status(e.status()),
				"internal_status", e.status(), "kind", e.kind(), "updated_datetime", w3c(e.at()), "description",
				e.text().isEmpty() ? null : e.text());
	}

	// ---------------------------------------------------------------- helpers

	private ResponseEntity<String> respond(HttpServletRequest request, Supplier<Body> work) {
		boolean xml = request.getRequestURI().endsWith(".xml");
		try {
			var body = work.get();
			return ResponseEntity.ok().contentType(xml ? XML : JSON)
				.body(xml ? Open311Writer.xml(body.root(), body.tree()) : Open311Writer.json(body.tree()));
		}
		catch (Open311Error e) {
			var error = map("code", e.status, "description", e.description());
			var tree = new Items("error", List.of(error));
			return ResponseEntity.status(e.status).contentType(xml ? XML : JSON)
				.body(xml ? Open311Writer.xml("errors", tree) : Open311Writer.json(tree));
		}
	}

	private Unit jurisdiction(@Nullable String code) {
		if (code == null || code.isBlank()) {
			throw new Open311Error(400, "Thiếu mã xã (jurisdiction_id), ví dụ 14701", "jurisdiction_id was not provided (the commune code, e.g. 14701)");
		}
		return feedback.commune(code.strip()).orElseThrow(() -> new Open311Error(404, "Không có xã mang mã (jurisdiction_id) " + code.strip(), "jurisdiction_id " + code.strip() + " was not found"));
	}

	private static @Nullable Double coordinate(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		double number;
		try {
			number = Double.parseDouble(value.strip());
		}
		catch (NumberFormatException e) {
			throw new Open311Error(400, name + " phải là số thập phân (toạ độ WGS84)", name + " must be a decimal number (WGS84)");
		}
		// NaN and Infinity parse, but PostgreSQL and the map cannot use them (they ended in a 500).
		var limit = name.equals("lat") ? 90 : 180;
		if (!Double.isFinite(number) || Math.abs(number) > limit) {
			throw new Open311Error(400, name + " phải là số thập phân từ -" + limit + " đến " + limit + " (toạ độ WGS84)", name + " must be a decimal number between -" + limit + " and " + limit + " (WGS84)");
		}
		return number;
	}

	private static @Nullable Instant date(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new Open311Error(400, name + " phải là ngày giờ kèm múi giờ, ví dụ 2026-01-01T00:00:00+07:00", name + " must be a W3C date and time with its zone, e.g. 2026-01-01T00:00:00+07:00");
		}
	}

	private static @Nullable List<String> list(@Nullable String csv) {
		if (csv == null || csv.isBlank()) {
			return null;
		}
		var items = Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (items.size() > 200) {
			throw new Open311Error(400, "Một danh sách có tối đa 200 giá trị", "at most 200 values in one list");
		}
		return items;
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String w3c(Instant instant) {
		return W3C.format(instant.atOffset(VIETNAM));
	}

	/** An ordered map from alternating keys and values. */
	static Map<String, Object> map(Object... kv) {
		var m = new LinkedHashMap<String, Object>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}
}
