package vn.xaso.dossiers.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.dossiers.web.WebText;
import vn.xaso.platform.web.Problems;
import vn.xaso.platform.web.RateLimits;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.DossierPage;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Queue;
import vn.xaso.dossiers.Receipt;
import vn.xaso.dossiers.Tracking;
import vn.xaso.dossiers.Upload;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.PersonalData;

/**
 * The dossiers JSON API: what a national portal or a mobile app needs. Sessions as on the site (cookie +
 * CSRF token header for POST). Files travel base64-encoded inside the JSON (at most 10 MB each after decoding).
 */
@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "dossiers.api.doc1", description = "dossiers.api.doc2")
class DossiersApiController {

	static final int TRACK_LIMIT_PER_MINUTE = 30;

	private final Dossiers dossiers;
	private static final RateLimits.Limit TRACK_LIMIT = new RateLimits.Limit("dossier-track-api", TRACK_LIMIT_PER_MINUTE,
			java.time.Duration.ofMinutes(1));
	private final RateLimits limits;

	DossiersApiController(Dossiers dossiers, RateLimits limits) {
		this.limits = limits;
		this.dossiers = dossiers;
	}

	// ------------------------------------------------------------ request bodies

	record ApplicantBody(@Nullable String name, @Nullable String cccd, @Nullable String phone, @Nullable String email,
			@Nullable String address) {
	}

	record ConsentBody(@Nullable String consentedBy, @Nullable String method, @Nullable String at, @Nullable String reference) {
	}

	record FileBody(@Nullable String name, @Nullable String contentBase64, @Nullable String paperCode) {
	}

	record SubmitBody(@Nullable String unitCode, @Nullable String procedureCode, @Nullable String channel, @Nullable Long citizenId,
			@Nullable ApplicantBody applicant, @Nullable Map<String, String> form, @Nullable ConsentBody consent,
			@Nullable List<FileBody> files) {
	}

	record ActionBody(@Nullable String action, @Nullable Long version, @Nullable String note, @Nullable String assignee,
			@Nullable String returnMethod, @Nullable String postTrackingNumber, @Nullable String signingPassword,
			@Nullable String newDueDate, @Nullable List<FileBody> files) {
	}

	record RatingBody(@Nullable Integer stars, @Nullable String comment) {
	}

	record BillView(long dossierId, String code, long feeVnd, boolean paid, boolean paidOnline, @Nullable String vietQrPayload,
			@Nullable String qrPngUrl) {
	}

	// ------------------------------------------------------------ citizens

	@PostMapping(path = "/mine", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "dossiers.api.doc3")
	ResponseEntity<Receipt> submitMine(@AuthenticationPrincipal CitizenPrincipal me, @RequestBody SubmitBody body) {
		var channel = body.channel() == null || body.channel().isBlank() ? Channel.ONLINE : channel(body.channel());
		var receipt = dossiers.submit(Caller.of(me), newDossier(body, channel), uploads(body.files()));
		return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
	}

	@GetMapping("/mine")
	@Operation(summary = "dossiers.api.doc4")
	DossierPage mine(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return dossiers.mine(Caller.of(me), page, pageSize(size));
	}

	@GetMapping("/mine/{id}")
	@Operation(summary = "dossiers.api.doc5")
	Dossier readMine(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id) {
		return dossiers.find(Caller.of(me), id).orElseThrow(DossierNotFound::new);
	}

	@GetMapping("/mine/{id}/bill")
	@Operation(summary = "dossiers.api.doc6")
	BillView billMine(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id) {
		return bill(Caller.of(me), id, "/api/v1/dossiers/mine/" + id + "/bill/qr.png");
	}

	@GetMapping(path = "/mine/{id}/bill/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "dossiers.api.doc7")
	ResponseEntity<byte[]> billQrMine(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "480") int size) {
		var png = dossiers.billQrPng(Caller.of(me), id, size).orElseThrow(DossierNotFound::new);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "no-store").body(png);
	}

	@PostMapping(path = "/mine/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "dossiers.api.doc8")
	ResponseEntity<Map<String, Object>> rate(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id,
			@RequestBody RatingBody body) {
		if (body.stars() == null) {
			throw DossierException.of("stars", "dossiers.say.stars");
		}
		dossiers.rate(Caller.of(me), id, body.stars(), body.comment() == null ? "" : body.comment());
		return ResponseEntity.ok(Map.of("rated", true));
	}

	// ------------------------------------------------------------ officials

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "dossiers.api.doc9")
	ResponseEntity<Receipt> submit(@AuthenticationPrincipal OfficialPrincipal me, @RequestBody SubmitBody body) {
		var channel = body.channel() == null || body.channel().isBlank() ? Channel.COUNTER : channel(body.channel());
		var receipt = dossiers.submit(Caller.of(me), newDossier(body, channel), uploads(body.files()));
		return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
	}

	@GetMapping
	@Operation(summary = "dossiers.api.doc10")
	DossierPage search(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String procedure, @RequestParam(required = false) @Nullable String state,
			@Parameter(description = "NEW, MINE, DUE_SOON, LATE, SUPPLEMENT, AWAITING_APPROVAL, RESULT_READY") @RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		pageSize(size);
		Queue qu = null;
		if (queue != null && !queue.isBlank()) {
			try {
				qu = Queue.valueOf(queue.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw DossierException.of("queue", "dossiers.api.error.queue");
			}
		}
		return dossiers.search(Caller.of(me), new DossierSearch(q, procedure, state, qu, date("from", from), date("to", to), page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "dossiers.api.doc11")
	Dossier read(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		return dossiers.find(Caller.of(me), id).orElseThrow(DossierNotFound::new);
	}

	@GetMapping("/{id}/actions")
	@Operation(summary = "dossiers.api.doc12")
	List<vn.xaso.dossiers.Action> actions(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		dossiers.find(Caller.of(me), id).orElseThrow(DossierNotFound::new);
		return dossiers.actions(Caller.of(me), id);
	}

	@PostMapping(path = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "dossiers.api.doc13")
	Dossier act(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestBody ActionBody body) {
		if (body.action() == null || body.action().isBlank()) {
			throw DossierException.of("action", "dossiers.api.error.action");
		}
		if (body.version() == null) {
			throw DossierException.of("version", "dossiers.api.error.version");
		}
		var request = new ActionRequest(body.action().strip(), body.version(), body.note() == null ? "" : body.note(), body.assignee(),
				body.returnMethod(), body.postTrackingNumber(), body.signingPassword() == null ? null : body.signingPassword().toCharArray(),
				date("newDueDate", body.newDueDate()), uploads(body.files()));
		return dossiers.act(Caller.of(me), id, request);
	}

	@GetMapping("/{id}/bill")
	@Operation(summary = "dossiers.api.doc6")
	BillView billOfficial(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		return bill(Caller.of(me), id, "/api/v1/dossiers/" + id + "/bill/qr.png");
	}

	@GetMapping(path = "/{id}/bill/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "dossiers.api.doc14")
	ResponseEntity<byte[]> billQrOfficial(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "480") int size) {
		var png = dossiers.billQrPng(Caller.of(me), id, size).orElseThrow(DossierNotFound::new);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "no-store").body(png);
	}

	// ------------------------------------------------------------ public

	@GetMapping("/track")
	@Operation(summary = "dossiers.api.doc15")
	ResponseEntity<?> track(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String phone4,
			HttpServletRequest request) {
		if (!allowTrack(request.getRemoteAddr())) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.body(Map.of("errors", Map.of("", WebText.t(Problems.locale(request), "dossiers.api.error.trackTooMany"))));
		}
		var errors = new LinkedHashMap<String, DossierException.Message>();
		if (code.isBlank() || code.strip().length() > 40) {
			errors.put("code", new DossierException.Message("dossiers.api.error.trackCode"));
		}
		if (!phone4.strip().matches("[0-9]{4}")) {
			errors.put("phone4", new DossierException.Message("dossiers.api.error.trackPhone4"));
		}
		if (!errors.isEmpty()) {
			throw DossierException.of(errors);
		}
		Tracking found = dossiers.track(code, phone4).orElse(null);
		if (found == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("errors", Map.of("", WebText.t(Problems.locale(request), "dossiers.api.error.trackNotFound"))));
		}
		return ResponseEntity.ok(found);
	}

	// ------------------------------------------------------------ helpers

	private BillView bill(Caller caller, long id, String pngPath) {
		var d = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		if (d.code() == null || d.feeVnd() == 0 && d.billId() == null) {
			return new BillView(id, d.code() == null ? "" : d.code(), 0, false, false, null, null);
		}
		var payload = d.paid() ? null : dossiers.billQrPayload(caller, id).orElse(null);
		return new BillView(id, d.code(), d.feeVnd(), d.paid(), d.paidOnline(), payload, payload == null ? null : pngPath);
	}

	/** At most {@value #TRACK_LIMIT_PER_MINUTE} lookups per minute per client address, shared by replicas. */
	boolean allowTrack(String address) {
		return limits.tryConsume(TRACK_LIMIT, address);
	}

	private static NewDossier newDossier(SubmitBody b, Channel channel) {
		var a = b.applicant() == null ? new ApplicantBody(null, null, null, null, null) : b.applicant();
		Consent consent = null;
		if (b.consent() != null) {
			var c = b.consent();
			Consent.Method method;
			try {
				method = Consent.Method.valueOf(c.method() == null ? "" : c.method().strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw DossierException.of("consent.method", "dossiers.api.error.consentMethod");
			}
			Instant at;
			try {
				at = c.at() == null || c.at().isBlank() ? Instant.now() : Instant.parse(c.at().strip());
			}
			catch (DateTimeParseException e) {
				throw DossierException.of("consent.at", "dossiers.api.error.consentAt");
			}
			consent = new Consent(c.consentedBy() == null ? "" : c.consentedBy(), method, at, c.reference() == null ? "" : c.reference());
		}
		return new NewDossier(b.unitCode() == null ? "" : b.unitCode().strip(), b.procedureCode() == null ? "" : b.procedureCode().strip(),
				channel, b.citizenId(), new Applicant(s(a.name()), s(a.cccd()), s(a.phone()), s(a.email()), s(a.address())),
				b.form() == null ? Map.of() : clean(b.form()), consent);
	}

	private static Map<String, String> clean(Map<String, String> form) {
		var out = new LinkedHashMap<String, String>();
		form.forEach((k, v) -> {
			if (k != null) {
				out.put(k, v == null ? "" : v);
			}
		});
		return out;
	}

	private static String s(@Nullable String v) {
		return v == null ? "" : v;
	}

	private static Channel channel(String value) {
		try {
			return Channel.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DossierException.of("channel", "dossiers.api.error.channel");
		}
	}

	private static List<Upload> uploads(@Nullable List<FileBody> files) {
		if (files == null) {
			return List.of();
		}
		if (files.size() > 30) {
			throw DossierException.of("files", "dossiers.api.error.filesMany");
		}
		var out = new ArrayList<Upload>();
		for (var f : files) {
			if (f == null || f.contentBase64() == null || f.contentBase64().isBlank()) {
				throw DossierException.of("files", "dossiers.api.error.fileEmpty");
			}
			if (f.contentBase64().length() > 14_000_000) {
				throw DossierException.of("files", "dossiers.api.error.fileLarge");
			}
			byte[] bytes;
			try {
				bytes = Base64.getMimeDecoder().decode(f.contentBase64());
			}
			catch (IllegalArgumentException e) {
				throw DossierException.of("files", "dossiers.api.error.fileBase64");
			}
			out.add(new Upload(f.name() == null ? "" : f.name(), bytes, f.paperCode() == null ? "" : f.paperCode()));
		}
		return out;
	}

	private static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw DossierException.of(field, "dossiers.api.error.date");
		}
	}

	static String masked(String phone) {
		return PersonalData.maskPhone(phone);
	}

	/** Rows per page: 1 to 100, refused (400) outside rather than silently changed. */
	static int pageSize(int size) {
		if (size < 1 || size > 100) {
			throw DossierException.of("size", "dossiers.api.error.size");
		}
		return size;
	}
}
