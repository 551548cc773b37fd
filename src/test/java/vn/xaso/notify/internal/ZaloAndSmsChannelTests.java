package vn.xaso.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.notify.Channel;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.messaging.TextMessages;

/**
 * The Zalo ZNS and eSMS adapters against local fakes that check the request format published by
 * each provider (header and JSON field names, phone format, idempotency key). Fakes of the
 * published contracts, not the real services.
 */
class ZaloAndSmsChannelTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	FakeHttpService fake;

	@BeforeEach
	void start() throws Exception {
		fake = new FakeHttpService();
	}

	@AfterEach
	void stop() {
		fake.close();
	}

	static ChannelAdapter.Delivery delivery(String phone) {
		return new ChannelAdapter.Delivery(42, "14701", Channel.ZALO, phone, "dossiers.received",
				Map.of("code", "000.00.14701.H43-261123-0001"), "Đã nhận hồ sơ", "Nội dung thư",
				"Xã Yên Mô đã nhận hồ sơ 000.00.14701.H43-261123-0001. Hẹn trả 28/11/2026.", "/citizen/dossiers/7", 1);
	}

	ZaloChannel zalo() {
		return new ZaloChannel(new Links(new vn.xaso.platform.web.PublicAddress("https://xaso.yenmo.gov.vn")), true, fake.url("/"), "oa-access-token-123", "318745", "message", "link");
	}

	SmsChannel sms(boolean unicode) {
		return new SmsChannel(true, fake.url("/MainService.svc/json/SendMultipleMessage_V4_post_json/"), "API-KEY", "SECRET",
				"UBND.YENMO", "2", unicode, false);
	}

	@Test
	void zaloSendsTheZnsTemplateRequest() throws Exception {
		fake.answer = "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2\",\"sent_time\":\"1700000000000\"}}";
		zalo().send(delivery("0966 123 456"));
		var request = fake.requests.getFirst();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/message/template");
		assertThat(request.header("access_token")).isEqualTo("oa-access-token-123");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		var body = JSON.readTree(request.body());
		assertThat(body.path("phone").asString()).isEqualTo("84966123456");
		assertThat(body.path("template_id").asString()).isEqualTo("318745");
		assertThat(body.path("tracking_id").asString()).isEqualTo("xaso-notify-42");
		assertThat(body.path("template_data").path("code").asString()).isEqualTo("000.00.14701.H43-261123-0001");
		assertThat(body.path("template_data").path("message").asString()).startsWith("Xã Yên Mô đã nhận hồ sơ");
		assertThat(body.path("template_data").path("link").asString()).isEqualTo("https://xaso.yenmo.gov.vn/citizen/dossiers/7");
	}

	@Test
	void zaloErrorsAboutTheRecipientAreFinalOthersAreRetried() {
		fake.answer = "{\"error\":-118,\"message\":\"Zalo account not existed\"}";
		assertThatThrownBy(() -> zalo().send(delivery("0966123456"))).isInstanceOfSatisfying(ChannelAdapter.DeliveryFailure.class,
				f -> assertThat(f.retry()).isFalse());
		fake.answer = "{\"error\":-124,\"message\":\"Access token is invalid\"}";
		assertThatThrownBy(() -> zalo().send(delivery("0966123456"))).isInstanceOfSatisfying(ChannelAdapter.DeliveryFailure.class,
				f -> assertThat(f.retry()).isTrue());
		fake.status = 502;
		assertThatThrownBy(() -> zalo().send(delivery("0966123456"))).isInstanceOfSatisfying(ChannelAdapter.DeliveryFailure.class,
				f -> assertThat(f.retry()).isTrue());
		assertThatThrownBy(() -> zalo().send(delivery("12345"))).isInstanceOfSatisfying(ChannelAdapter.DeliveryFailure.class,
				f -> assertThat(f.retry()).isFalse());
		assertThat(fake.requests).hasSize(3); // the bad phone never left
	}

	@Test
	void smsSendsTheEsmsJsonRequestWithoutVietnameseMarksByDefault() throws Exception {
		fake.answer = "{\"CodeResult\":\"100\",\"CountRegenerate\":0,\"SMSID\":\"d533459ee42b2b9525ba9eabf6a8156\"}";
		sms(false).send(delivery("+84966123456"));
		var request = fake.requests.getFirst();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/MainService.svc/json/SendMultipleMessage_V4_post_json/");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		var body = JSON.readTree(request.body());
		assertThat(body.path("ApiKey").asString()).isEqualTo("API-KEY");
		assertThat(body.path("SecretKey").asString()).isEqualTo("SECRET");
		assertThat(body.path("Phone").asString()).isEqualTo("0966123456");
		assertThat(body.path("Brandname").asString()).isEqualTo("UBND.YENMO");
		assertThat(body.path("SmsType").asString()).isEqualTo("2");
		assertThat(body.path("IsUnicode").asString()).isEqualTo("0");
		assertThat(body.path("Sandbox").asString()).isEqualTo("0");
		assertThat(body.path("RequestId").asString()).isEqualTo("xaso-notify-42");
		assertThat(body.path("Content").asString()).isEqualTo("Xa Yen Mo da nhan ho so 000.00.14701.H43-261123-0001. Hen tra 28/11/2026.");

		sms(true).send(delivery("0966123456"));
		var unicode = JSON.readTree(fake.requests.get(1).body());
		assertThat(unicode.path("IsUnicode").asString()).isEqualTo("1");
		assertThat(unicode.path("Content").asString()).startsWith("Xã Yên Mô đã nhận");
	}

	@Test
	void smsRefusalsAreReportedAndRetried() {
		fake.answer = "{\"CodeResult\":\"103\",\"ErrorMessage\":\"Balance not enough to send message\"}";
		assertThatThrownBy(() -> sms(false).send(delivery("0966123456"))).isInstanceOfSatisfying(ChannelAdapter.DeliveryFailure.class,
				f -> {
					assertThat(f.retry()).isTrue();
					assertThat(f.getMessage()).contains("103", "Balance");
				});
	}

	@Test
	void configuringSmsReplacesTheDemoOutboxForSignInCodes() {
		fake.answer = "{\"CodeResult\":\"100\",\"SMSID\":\"x\"}";
		var runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class))
			.withUserConfiguration(NotifyTextMessagesConfiguration.class, SmsChannel.class, ZaloChannel.class, Links.class, vn.xaso.platform.web.PublicAddress.class,
					DemoTextMessages.class);
		runner.run(context -> {
			assertThat(context.getBean(TextMessages.class)).isInstanceOf(DemoTextMessages.class);
		});
		runner.withPropertyValues("xaso.notify.sms.enabled=true", "xaso.notify.sms.api-key=K", "xaso.notify.sms.secret-key=S",
				"xaso.notify.sms.url=" + fake.url("/sms")).run(context -> {
					var texts = context.getBean(TextMessages.class);
					assertThat(texts).isInstanceOf(NotifyTextMessages.class);
					texts.send("0966123456", "Ma dang nhap XaSo cua ban la 123456");
					var body = JSON.readTree(fake.requests.getFirst().body());
					assertThat(body.path("Phone").asString()).isEqualTo("0966123456");
					assertThat(body.path("Content").asString()).isEqualTo("Ma dang nhap XaSo cua ban la 123456");
					assertThat(body.path("RequestId").asString()).startsWith("xaso-text-");
				});
	}
}
