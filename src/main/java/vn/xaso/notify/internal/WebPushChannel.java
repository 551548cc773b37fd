package vn.xaso.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.notify.Channel;
import vn.xaso.platform.Json;
import vn.xaso.notify.NotifyException;
import vn.xaso.platform.Refusal;

/**
 * Web push (RFC 8030) to a browser's push service: the JSON message
 * {@code {"title","body","url","tag"}} encrypted for the subscription (RFC 8291), signed with
 * VAPID (RFC 8292), {@code TTL} one day, {@code Topic} = the delivery's idempotency key so a
 * retried message replaces an undelivered copy instead of arriving twice. 404/410 from the push
 * service means the subscription is gone and it is removed.
 *
 * <p>Endpoints are outside URLs given by browsers, so only {@code https} endpoints on the known
 * push services' hosts are accepted ({@code xaso.notify.push.allowed-hosts}); loopback http only
 * when {@code xaso.notify.push.allow-loopback=true} (tests).
 */
@Component
public class WebPushChannel implements ChannelAdapter {

	private static final JsonMapper JSON = Json.MAPPER;
	static final String DEFAULT_HOSTS = "fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,"
			+ "push.services.mozilla.com,.notify.windows.com,.push.apple.com";

	private final PushSubscriptions subscriptions;
	private final Vapid vapid;
	private final Links links;
	private final Clock clock;
	private final boolean enabled;
	private final boolean allowLoopback;
	private final List<String> allowedHosts;
	private final Duration ttl;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	WebPushChannel(PushSubscriptions subscriptions, Vapid vapid, Links links, Clock clock,
			@Value("${xaso.notify.push.enabled:true}") boolean enabled,
			@Value("${xaso.notify.push.allow-loopback:false}") boolean allowLoopback,
			@Value("${xaso.notify.push.allowed-hosts:" + DEFAULT_HOSTS + "}") String allowedHosts,
			@Value("${xaso.notify.push.ttl-seconds:86400}") long ttlSeconds) {
		this.subscriptions = subscriptions;
		this.vapid = vapid;
		this.links = links;
		this.clock = clock;
		this.enabled = enabled;
		this.allowLoopback = allowLoopback;
		this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(s -> s.toLowerCase(Locale.ROOT)).toList();
		this.ttl = Duration.ofSeconds(Math.max(0, ttlSeconds));
	}

	@Override
	public Channel channel() {
		return Channel.WEB_PUSH;
	}

	@Override
	public boolean enabled() {
		return enabled;
	}

	/** Why an endpoint is refused (a message of the notify bundle), or null when it is acceptable. */
	public Refusal.@Nullable Text endpointProblem(String endpoint) {
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (java.net.URISyntaxException e) {
			return new Refusal.Text("notify.error.endpointNotUrl");
		}
		var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (uri.getUserInfo() != null || host.isEmpty()) {
			return new Refusal.Text("notify.error.endpointNotUrl");
		}
		boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
		if (loopback && allowLoopback && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			return null;
		}
		if (!"https".equals(uri.getScheme())) {
			return new Refusal.Text("notify.error.endpointHttps");
		}
		for (var allowed : allowedHosts) {
			if (allowed.startsWith(".") ? host.endsWith(allowed) : host.equals(allowed)) {
				return null;
			}
		}
		return new Refusal.Text("notify.error.pushServiceNotAllowed", host);
	}

	@Override
	public void send(Delivery d) throws DeliveryFailure {
		var subscription = subscriptions.find(Long.parseLong(d.address())).orElse(null);
		if (subscription == null) {
			throw new DeliveryFailure(NotifyException.vietnamese("notify.text.fail.unsubscribed"), false, false);
		}
		var problem = endpointProblem(subscription.endpoint());
		if (problem != null) {
			throw DeliveryFailure.permanent(NotifyException.vietnamese(problem.key(), problem.args()));
		}
		var body = encrypt(d, subscription);
		var request = HttpRequest.newBuilder(URI.create(subscription.endpoint()))
			.timeout(Duration.ofSeconds(20))
			.header("TTL", String.valueOf(ttl.toSeconds()))
			.header("Content-Encoding", "aes128gcm")
			.header("Content-Type", "application/octet-stream")
			.header("Urgency", "normal")
			.header("Topic", d.idempotencyKey())
			.header("Authorization", vapid.authorization(subscription.endpoint(), clock.instant()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.pushUnreachable", Outbox.reason(e)));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.interrupted"));
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		var detail = response.body().isBlank() ? NotifyException.vietnamese("notify.text.fail.pushStatus", String.valueOf(status))
				: NotifyException.vietnamese("notify.text.fail.pushStatusBody", String.valueOf(status), Outbox.cut(response.body().strip(), 200));
		if (status == 404 || status == 410) {
			throw new DeliveryFailure(NotifyException.vietnamese("notify.text.fail.pushGone", detail), false, true);
		}
		if (status == 429 || status >= 500) {
			throw DeliveryFailure.retry(detail);
		}
		throw DeliveryFailure.permanent(detail);
	}

	private byte[] encrypt(Delivery d, PushSubscriptions.Subscription s) throws DeliveryFailure {
		var message = new LinkedHashMap<String, Object>();
		message.put("title", d.subject());
		message.put("body", d.shortText());
		message.put("url", d.link() == null ? null : links.absolute(d.link()));
		message.put("tag", d.idempotencyKey());
		var plaintext = JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
		try {
			return WebPushCrypto.encrypt(plaintext, WebPushCrypto.fromBase64Url(s.p256dh()), WebPushCrypto.fromBase64Url(s.auth()));
		}
		catch (IllegalArgumentException e) {
			throw DeliveryFailure.permanent(NotifyException.vietnamese("notify.text.fail.pushKey", String.valueOf(e.getMessage())));
		}
	}
}
