package vn.xaso.economy.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Problems;

/**
 * EPCIS 2.0 capture for a batch: {@code POST /api/v1/economy/lots/{id}/epcis} with an EPCISDocument (JSON or JSON-LD),
 * by the batch's producer. The platform's idempotency filter honours {@code Idempotency-Key} (a repeat gets the first
 * answer); an eventID stored already is not stored again. A bad document is 400 with a Vietnamese reason
 * (problem+json), a recalled batch 409, another producer's batch 404 — never a 5xx. Answers 201 with the counts.
 */
@RestController
class EpcisApiController {

	private final KeepingLots lots;
	private final Texts texts;

	EpcisApiController(KeepingLots lots, Texts texts) {
		this.lots = lots;
		this.texts = texts;
	}

	@PostMapping(path = "/api/v1/economy/lots/{id}/epcis", consumes = { "application/json", "application/ld+json" })
	ResponseEntity<Map<String, Object>> capture(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestBody(required = false) String body) {
		var captured = lots.capture(me, id, body == null ? "" : body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("stored", captured.stored(), "repeated", captured.repeated(), "eventIDs", captured.eventIds()));
	}

	@ExceptionHandler(EconomyException.class)
	ResponseEntity<ProblemDetail> refused(EconomyException e, HttpServletRequest request) {
		var status = switch (e.key()) {
			case "economy.error.producerOnly", "economy.error.notLinked" -> HttpStatus.FORBIDDEN;
			case "economy.error.noLot" -> HttpStatus.NOT_FOUND;
			default -> HttpStatus.valueOf(Texts.status(e));
		};
		return Problems.fields(status, Map.of(e.field() == null ? "" : e.field(), texts.t(e.key(), e.args())));
	}
}
