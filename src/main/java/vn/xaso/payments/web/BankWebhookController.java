package vn.xaso.payments.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.xaso.platform.Refusal;
import vn.xaso.payments.internal.BankNotifications;
import vn.xaso.payments.internal.WebhookSignatures;

/**
 * {@code POST /api/v1/payments/bank-notifications}: the bank (or the aggregator that watches the
 * commune's account) reports an incoming transfer. The raw body is checked against the HMAC
 * signature before anything is parsed; a bad signature changes nothing and gets 401. The contract
 * is in docs/modules/payments.md.
 */
@RestController
class BankWebhookController {

	static final int MAX_BODY = 16 * 1024;
	private static final Logger log = LoggerFactory.getLogger(BankWebhookController.class);

	private final WebhookSignatures signatures;
	private final BankNotifications notifications;

	BankWebhookController(WebhookSignatures signatures, BankNotifications notifications) {
		this.signatures = signatures;
		this.notifications = notifications;
	}

	@PostMapping(PaymentsAccessRules.WEBHOOK)
	ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = WebhookSignatures.TIMESTAMP_HEADER, required = false) String timestamp,
			@RequestHeader(name = WebhookSignatures.SIGNATURE_HEADER, required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		var raw = body == null ? new byte[0] : body;
		if (raw.length > MAX_BODY) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Map.of("success", false, "errors", Map.of("body", text("payments.error.webhookLarge"))));
		}
		var check = signatures.verify(timestamp, signature, raw);
		if (check == WebhookSignatures.Check.MISSING || check == WebhookSignatures.Check.BAD_FORMAT) {
			// A malformed request (no or unreadable signature headers) rather than a failed proof.
			log.warn("Bank notification refused: {}", check);
			return ResponseEntity.badRequest().body(Map.of("success", false, "errors", Map.of("signature",
					check == WebhookSignatures.Check.MISSING
							? text("payments.error.signatureMissing", WebhookSignatures.TIMESTAMP_HEADER, WebhookSignatures.SIGNATURE_HEADER)
							: text("payments.error.signatureFormat"))));
		}
		if (check != WebhookSignatures.Check.OK) {
			log.warn("Bank notification refused: {}", check);
			var message = switch (check) {
				case NOT_CONFIGURED -> text("payments.error.webhookNotConfigured");
				case STALE -> text("payments.error.signatureStale");
				default -> text("payments.error.signatureWrong");
			};
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("success", false, "errors", Map.of("signature", message)));
		}
		var notification = BankNotifications.parse(raw); // PaymentException → 400 in PaymentsApiErrors
		if (!notification.incoming()) {
			return ResponseEntity.ok(Map.of("success", true, "outcome", "IGNORED"));
		}
		var result = notifications.receive(notification);
		var out = new LinkedHashMap<String, Object>();
		out.put("success", true);
		out.put("outcome", result.outcome());
		out.put("replay", result.replay());
		if (result.billReference() != null) {
			out.put("billReference", result.billReference());
		}
		return ResponseEntity.ok(out);
	}

	private static String text(String key, Object... args) {
		return Refusal.localText("i18n/payments", key, args);
	}
}
