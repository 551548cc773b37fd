package vn.xaso.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.notify.Channel;
import vn.xaso.platform.Json;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.VietnameseText;
import vn.xaso.notify.NotifyException;

/**
 * SMS with a registered brandname through eSMS.vn, following its published JSON request
 * ({@code POST …/MainService.svc/json/SendMultipleMessage_V4_post_json/} with {@code ApiKey},
 * {@code SecretKey}, {@code Phone}, {@code Content}, {@code Brandname}, {@code SmsType} 2 =
 * customer care, {@code IsUnicode}, {@code Sandbox}, {@code RequestId} = our delivery key so the
 * provider refuses a duplicate). {@code CodeResult} "100" means accepted. Without Unicode (the
 * cheaper default) Vietnamese marks are removed. Off unless {@code xaso.notify.sms.enabled=true}.
 * Tested against a local fake of this contract only.
 */
@Component
public class SmsChannel implements ChannelAdapter {

	private static final JsonMapper JSON = Json.MAPPER;

	private final boolean enabled;
	private final String url;
	private final String apiKey;
	private final String secretKey;
	private final String brandname;
	private final String smsType;
	private final boolean unicode;
	private final boolean sandbox;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	SmsChannel(@Value("${xaso.notify.sms.enabled:false}") boolean enabled,
			@Value("${xaso.notify.sms.url:https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/}") String url,
			@Value("${xaso.notify.sms.api-key:}") String apiKey, @Value("${xaso.notify.sms.secret-key:}") String secretKey,
			@Value("${xaso.notify.sms.brandname:}") String brandname, @Value("${xaso.notify.sms.sms-type:2}") String smsType,
			@Value("${xaso.notify.sms.unicode:false}") boolean unicode, @Value("${xaso.notify.sms.sandbox:false}") boolean sandbox) {
		this.enabled = enabled && !apiKey.isBlank() && !secretKey.isBlank();
		this.url = url.strip();
		this.apiKey = apiKey.strip();
		this.secretKey = secretKey.strip();
		this.brandname = brandname.strip();
		this.smsType = smsType.strip();
		this.unicode = unicode;
		this.sandbox = sandbox;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean enabled() {
		return enabled;
	}

	@Override
	public void send(Delivery d) throws DeliveryFailure {
		post(d.address(), d.shortText(), d.idempotencyKey());
	}

	void post(String phone, String text, String requestId) throws DeliveryFailure {
		var local = PersonalData.normalisePhone(phone);
		if (local == null) {
			throw DeliveryFailure.permanent(NotifyException.vietnamese("notify.text.fail.smsPhone"));
		}
		var body = new LinkedHashMap<String, String>();
		body.put("ApiKey", apiKey);
		body.put("SecretKey", secretKey);
		body.put("Phone", local);
		body.put("Content", unicode ? text : plain(text));
		if (!brandname.isEmpty()) {
			body.put("Brandname", brandname);
		}
		body.put("SmsType", smsType);
		body.put("IsUnicode", unicode ? "1" : "0");
		body.put("Sandbox", sandbox ? "1" : "0");
		body.put("RequestId", requestId);
		var request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.smsUnreachable", Outbox.reason(e)));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.interrupted"));
		}
		if (response.statusCode() != 200) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.smsHttp", String.valueOf(response.statusCode())));
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(response.body());
		}
		catch (RuntimeException e) {
			throw DeliveryFailure.retry(NotifyException.vietnamese("notify.text.fail.smsNotJson"));
		}
		var code = answer.path("CodeResult").asString("");
		if (!"100".equals(code)) {
			throw DeliveryFailure.retry("eSMS CodeResult " + code + ": " + Outbox.cut(answer.path("ErrorMessage").asString(""), 200));
		}
	}

	/** "Mã đăng nhập" → "Ma dang nhap": GSM-friendly text without Vietnamese marks. */
	static String plain(String text) {
		return VietnameseText.fold(text).replace('–', '-').replace('…', '.');
	}
}
