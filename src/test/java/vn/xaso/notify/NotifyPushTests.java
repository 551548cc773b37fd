package vn.xaso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.identity.Citizens;
import vn.xaso.notify.internal.DeliveryLog;
import vn.xaso.notify.internal.Preferences;
import vn.xaso.notify.internal.PushRegistrations;
import vn.xaso.notify.internal.PushSubscriptions;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Web push end to end: browsers subscribe through the real HTTP API, XaSo pushes to
 * {@link FakePushService}, which verifies the VAPID signature and decrypts each message with the
 * browser's own private key. Announcements reach the commune's subscribers and no one else's.
 */
@XasoIntegrationTest
class NotifyPushTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	static final String YEN_MO = "14701";
	static final String NGA_AN = "16144";
	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	PushSubscriptions subscriptions;

	@Autowired
	PushRegistrations registrations;

	@Autowired
	Preferences preferences;

	@Autowired
	Citizens citizens;

	@Autowired
	DeliveryLog log;

	FakePushService push;
	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void start() throws Exception {
		push = new FakePushService();
	}

	@AfterEach
	void stop() {
		// subscriptions of this test's fake service would only fail for the next tests' announcements
		for (var unit : List.of(YEN_MO, NGA_AN)) {
			Tenancy.runAs(UnitScope.systemWide(), () -> subscriptions.following(unit).stream()
				.filter(s -> s.endpoint().startsWith(push.origin())).forEach(s -> subscriptions.delete(s.id())));
		}
		push.close();
	}

	@Test
	void theVapidPublicKeyIsServedToAnyoneAndStaysTheSame() throws Exception {
		var first = get("/api/v1/push/vapid-public-key");
		assertThat(first.statusCode()).isEqualTo(200);
		var key = JSON.readTree(first.body()).path("publicKey").asString();
		assertThat(FakePushService.unb64(key)).hasSize(65).startsWith((byte) 4);
		assertThat(JSON.readTree(get("/api/v1/push/vapid-public-key").body()).path("publicKey").asString()).isEqualTo(key);
		assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void anAnnouncementReachesEverySubscriberOfTheCommuneAndNoOtherCommune() throws Exception {
		var yenMo1 = push.browser("yenmo-1");
		var yenMo2 = push.browser("yenmo-2");
		var ngaAn = push.browser("ngaan-1");
		assertThat(subscribe(yenMo1, YEN_MO).statusCode()).isEqualTo(201);
		assertThat(subscribe(yenMo2, YEN_MO).statusCode()).isEqualTo(201);
		assertThat(subscribe(ngaAn, NGA_AN).statusCode()).isEqualTo(201);
		// a citizen following Yên Mô by e-mail, one following Nga An
		long follower = NotifyFixtures.newCitizen(citizens, "Ngô Thị Lan");
		preferences.save(new Preferences.Preference(follower, "lan.ngo@example.vn", true, true, null, null, YEN_MO));
		long other = NotifyFixtures.newCitizen(citizens, "Lý Văn Hùng");
		preferences.save(new Preferences.Preference(other, "hung.ly@example.vn", true, true, null, null, NGA_AN));

		var key = NotifyFixtures.key("announce");
		var announcement = new Announcement(YEN_MO, Set.of(Channel.WEB_PUSH, Channel.EMAIL), "Lịch tiêm chủng tháng 12",
				"Trạm y tế xã tiêm chủng mở rộng sáng thứ Bảy, 6/12, từ 7 giờ 30.", "/x/14701", key);
		int expected = subscriptions.following(YEN_MO).size() + preferences.following(YEN_MO).stream()
			.filter(p -> p.emailEnabled() && p.email() != null).toList().size();
		assertThat(notifications.announce(announcement)).isEqualTo(expected);

		await().atMost(Duration.ofSeconds(30)).until(() -> push.received.stream().filter(r -> r.browser().startsWith("yenmo")).count() == 2);
		assertThat(push.rejected).isEmpty();
		var message = push.received.stream().filter(r -> r.browser().equals("yenmo-1")).findFirst().orElseThrow();
		assertThat(message.message().path("title").asString()).isEqualTo("Lịch tiêm chủng tháng 12");
		assertThat(message.message().path("body").asString()).startsWith("Lịch tiêm chủng tháng 12: Trạm y tế xã");
		assertThat(message.message().path("url").asString()).isEqualTo("http://localhost:8080/x/14701");
		assertThat(message.headers().get("TTL")).isEqualTo("86400");
		assertThat(message.headers().get("Topic")).matches("xaso-notify-[0-9]+");
		await().atMost(Duration.ofSeconds(30)).until(() -> List.of(greenMail.getReceivedMessages()).stream()
			.anyMatch(m -> recipient(m).equals("lan.ngo@example.vn")));
		assertThat(List.of(greenMail.getReceivedMessages())).noneMatch(m -> recipient(m).equals("hung.ly@example.vn"));
		assertThat(push.received).noneMatch(r -> r.browser().equals("ngaan-1"));

		// announcing the same thing again queues nothing and sends nothing
		assertThat(notifications.announce(announcement)).isZero();
		Thread.sleep(300);
		assertThat(push.received.stream().filter(r -> r.browser().startsWith("yenmo")).count()).isEqualTo(2);
		var rows = Tenancy.callAs(UnitScope.of(YEN_MO), () -> log.byKey(YEN_MO, key));
		assertThat(rows).allSatisfy(r -> assertThat(r.announcement()).isTrue());
		assertThat(Tenancy.callAs(UnitScope.of(NGA_AN), () -> log.byKey(YEN_MO, key))).isEmpty();
	}

	@Test
	void aCitizensNoticeGoesToTheirBrowsersAndAGoneSubscriptionIsRemoved() throws Exception {
		long citizen = NotifyFixtures.newCitizen(citizens, "Trịnh Văn Quý");
		var phone = push.browser("citizen-phone");
		var saved = Tenancy.callAs(UnitScope.systemWide(),
				() -> registrations.subscribe(push.endpoint("citizen-phone"), phone.p256dh(), phone.authSecret(), null, citizen));
		var gone = push.browser("old-gone");
		var goneId = Tenancy.callAs(UnitScope.systemWide(),
				() -> registrations.subscribe(push.endpoint("old-gone"), gone.p256dh(), gone.authSecret(), null, citizen)).id();
		preferences.save(new Preferences.Preference(citizen, null, false, true, null, null, null));

		var key = NotifyFixtures.key("citizen-push");
		notifications.send(new Notice(YEN_MO, Recipient.citizen(citizen), "notify.test",
				Map.of("name", "anh Quý", "commune", "Xã Yên Mô"), key, "https://xaso.example.vn/citizen"));
		await().atMost(Duration.ofSeconds(30)).until(() -> push.received.size() == 1);
		var got = push.received.getFirst();
		assertThat(got.message().path("title").asString()).isEqualTo("Tin nhắn thử từ XaSo – Xã Yên Mô");
		assertThat(got.message().path("body").asString()).isEqualTo("XaSo: tin nhắn thử của Xã Yên Mô. Bạn không cần làm gì thêm.");
		assertThat(got.message().path("url").asString()).isEqualTo("https://xaso.example.vn/citizen");
		await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.find(goneId).isEmpty());
		var rows = Tenancy.callAs(UnitScope.of(YEN_MO), () -> log.byKey(YEN_MO, key));
		assertThat(rows).extracting(DeliveryLog.Entry::status).containsExactlyInAnyOrder("sent", "failed");
		assertThat(rows).filteredOn(r -> r.status().equals("failed")).singleElement()
			.satisfies(r -> assertThat(r.lastError()).contains("410"));
		assertThat(subscriptions.find(saved.id())).isPresent();
	}

	@Test
	void badSubscriptionsAreRefusedFieldByFieldAndUnsubscribeRemoves() throws Exception {
		var b = push.browser("checked");
		var bad = post(Map.of("endpoint", "http://push.example.com/x", "keys", Map.of("p256dh", "abc", "auth", "x"),
				"unitCode", "99999"));
		assertThat(bad.statusCode()).isEqualTo(400);
		var errors = JSON.readTree(bad.body()).path("errors");
		assertThat(errors.path("endpoint").asString()).contains("https");
		assertThat(errors.path("keys.p256dh").asString()).contains("P-256");
		assertThat(errors.path("keys.auth").asString()).contains("16 byte");
		assertThat(errors.path("unitCode").asString()).contains("99999");
		var notAPushService = post(Map.of("endpoint", "https://evil.example.com/push", "keys",
				Map.of("p256dh", b.p256dh(), "auth", b.authSecret()), "unitCode", YEN_MO));
		assertThat(JSON.readTree(notAPushService.body()).path("errors").path("endpoint").asString()).contains("evil.example.com");
		var noCommune = post(Map.of("endpoint", push.endpoint("checked"), "keys", Map.of("p256dh", b.p256dh(), "auth", b.authSecret())));
		assertThat(noCommune.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noCommune.body()).path("errors").has("unitCode")).isTrue();
		var notJson = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/push/subscriptions"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{nope")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(subscriptions.byEndpoint(push.endpoint("checked"))).isEmpty();
		// the same refusals in English with ?lang=en
		var english = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/push/subscriptions?lang=en"))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("endpoint", "http://push.example.com/x",
					"keys", Map.of("p256dh", "abc", "auth", "x"), "unitCode", "99999")))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(english.statusCode()).isEqualTo(400);
		var inEnglish = JSON.readTree(english.body()).path("errors");
		assertThat(inEnglish.path("endpoint").asString()).isEqualTo("The endpoint must use https.");
		assertThat(inEnglish.path("keys.auth").asString()).isEqualTo("keys.auth must be 16 bytes in base64url.");
		assertThat(inEnglish.path("unitCode").asString()).isEqualTo("There is no commune or ward with code '99999'.");

		assertThat(subscribe(b, YEN_MO).statusCode()).isEqualTo(201);
		assertThat(subscriptions.byEndpoint(push.endpoint("checked"))).isPresent();
		var delete = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/push/subscriptions"))
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("endpoint", push.endpoint("checked")))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(delete.statusCode()).isEqualTo(204);
		assertThat(subscriptions.byEndpoint(push.endpoint("checked"))).isEmpty();
		var again = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/push/subscriptions?endpoint="
				+ java.net.URLEncoder.encode(push.endpoint("checked"), java.nio.charset.StandardCharsets.UTF_8))).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> subscribe(FakePushService.Browser b, String unitCode) throws Exception {
		return post(Map.of("endpoint", push.endpoint(b.name()), "keys", Map.of("p256dh", b.p256dh(), "auth", b.authSecret()),
				"unitCode", unitCode));
	}

	private HttpResponse<String> post(Map<String, Object> body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/push/subscriptions"))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static String recipient(jakarta.mail.Message m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
