package vn.xaso.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import vn.xaso.payments.internal.WebhookSignatures;

/**
 * A local stand-in for the bank / aggregator that watches the commune's account. It sends what the
 * real service sends: a SePay-style "transaction sync" JSON body, signed with HMAC-SHA256 over
 * "{timestamp}.{raw body}" with the shared secret, as documented in docs/modules/payments.md.
 */
public final class FakeBank {

	private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final String url;
	private final byte[] secret;
	private final HttpClient client = HttpClient.newHttpClient();

	public FakeBank(int port, String secret) {
		this.url = "http://localhost:" + port + "/api/v1/payments/bank-notifications";
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	public static String newTransactionId() {
		return "FT" + IDS.incrementAndGet();
	}

	/** The JSON body of an incoming transfer, as the aggregator would write it. */
	public static String transfer(String id, long amount, String content, String account) {
		var when = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(TIME);
		return """
				{"id":"%s","gateway":"MBBank","transactionDate":"%s","accountNumber":"%s","code":null,\
				"content":"%s","transferType":"in","transferAmount":%d,"accumulated":0,"subAccount":null,\
				"referenceCode":"MBVCB.%s","description":"BankAPINotify %s"}"""
			.formatted(id, when, account, content, amount, id, content);
	}

	public HttpResponse<String> send(String body) {
		var timestamp = String.valueOf(Instant.now().getEpochSecond());
		return send(body, timestamp, WebhookSignatures.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)));
	}

	HttpResponse<String> send(String body, String timestamp, String signature) {
		var request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header(WebhookSignatures.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignatures.SIGNATURE_HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A signature made with another secret (an attacker's guess). */
	String forged(String body, String timestamp) {
		return WebhookSignatures.sign("not-the-secret".getBytes(StandardCharsets.UTF_8), timestamp,
				body.getBytes(StandardCharsets.UTF_8));
	}
}
