package vn.xaso.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.notify.Channel;
import vn.xaso.platform.Json;
import vn.xaso.platform.PersonalData;
import vn.xaso.notify.NotifyException;

/**
 * Zalo Notification Service (ZNS) template messages from the commune's Zalo Official Account,
 * following Zalo's published "send ZNS" request: {@code POST <base-url>/message/template} with the
 * header {@code access_token}, JSON {@code phone} (84xxxxxxxxx), {@code template_id},
 * {@code template_data} and {@code tracking_id} (our delivery key); the answer
 * {@code {"error": 0, "data": {"msg_id": …}}} means accepted. The template must be approved by
 * Zalo beforehand; its parameters receive the notice's params plus the short text under
 * {@code xaso.notify.zalo.message-param} and the link under {@code link-param}. Off unless
 * {@code xaso.notify.zalo.enabled=true}. Tested against a local fake of this contract only.
 */
@Component
public class ZaloChannel implements ChannelAdapter {

	private static final JsonMapper JSON = Json.MAPPER;
	/** Errors about the recipient that a retry cannot fix: bad phone, no Zalo account, cannot receive, refused. */
	static final Set<Integer> PERMANENT = Set.of(-108, -118, -119, -139);

	private final boolean enabled;
	private final String baseUrl;
	private final String accessToken;
	private final String templateId;
	private final String messageParam;
	private final String linkParam;
	private final Links links;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	ZaloChannel(Links links, @Value("${xaso.notify.zalo.enabled:false}") boolean enabled,
			@Value("${xaso.notify.zalo.base-url:https://business.openapi.zalo.me}") String baseUrl,
			@Value("${xaso.notify.zalo.access-token:}") String accessToken,
			@Value("${xaso.notify.zalo.template-id:}") String templateId,
			@Value("${xaso.notify.zalo.message-param:message}") String messageParam,
			@Value("${xaso.notify.zalo.link-param:link}") String linkParam) {
		this.links = links;
		this.enabled = enabled && !accessToken.isBlank() && !templateId.isBlank();
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
		this.accessToken = accessToken.strip();
		this.templateId = templateId.strip();
		this.messageParam = messageParam.strip();
		this.linkParam = linkParam.strip();
	}

	@Override
	public Channel channel() {
		return Channel.ZALO;
	}

	@Override
	public boolean enabled() {
		return enabled;
	}

	@Override
	public void send(Delivery d) throws DeliveryFailure {
		var data = new LinkedHashMap<String, String>(d.params());
		data.put(messageParam, d.shortText());
		if (d.link() != null && !linkParam.isEmpty()) {
			data.put(linkParam, links.absolute(d.link()));
		}
		post(d.address(), data, d.idempotencyKey());
	}

	/** Sends one ZNS message; also used for sign-in codes through {@link NotifyTextMessages}. */
	void post(String phone, Map<String, String> templateData, String trackingId) throws DeliveryFailure {
		var international = international(phone);
		if (international == null) {
			throw DeliveryFailure.permanent(NotifyException.vietnamese("notify.text.fail.zaloPhone"));
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("phone", international);
		body.put("template_id", templateId);
		body.put("template_data", templateData);
		body.put("tracking_id", trackingId);
		var request = HttpRequest.newBuilder(URI.create(baseUrl + "/message/template"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("access_token", accessToken)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.zaloUnreachable", Outbox.reason(e)));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.interrupted"));
		}
		if (response.statusCode() != 200) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.zaloHttp", String.valueOf(response.statusCode())));
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(response.body());
		}
		catch (RuntimeException e) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.zaloNotJson"));
		}
		int error = answer.path("error").asInt(Integer.MIN_VALUE);
		if (error == 0) {
			return;
		}
		var message = NotifyException.vietnamese("notify.text.fail.zaloError", String.valueOf(error), Outbox.cut(answer.path("message").asString(""), 200));
		throw PERMANENT.contains(error) ? DeliveryFailure.permanent(message) : DeliveryFailure.retry(message);
	}

	/** 0912345678 → 84912345678; null when it is not a Vietnamese mobile number. */
	static @org.jspecify.annotations.Nullable String international(String phone) {
		var local = PersonalData.normalisePhone(phone);
		return local == null ? null : "84" + local.substring(1);
	}
}
