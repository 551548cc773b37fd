package vn.xaso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.xaso.demo.DemoData;
import vn.xaso.notify.internal.Preferences;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/** The citizen's preferences page and the officials' delivery log, through real HTTP. */
@XasoIntegrationTest
class NotifyPagesTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	@LocalServerPort
	int port;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	Preferences preferences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Test
	void aCitizenChoosesChannelsGivesAndWithdrawsConsent() {
		var phone = "0977" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		var citizen = new WebSession(port).signInCitizen(phone, outbox);
		long id = jdbc.sql("select id from citizen where phone = ?").param(phone).query(Long.class).single();

		var page = citizen.get("/citizen/notifications");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Cách nhận tin", "Chưa đồng ý.", phone.substring(0, 3) + "****" + phone.substring(7));

		// bad input: specific message, nothing saved
		var bad = citizen.post("/citizen/notifications", Map.of("email", "khong-phai-dia-chi", "emailEnabled", "on", "zalo", "on"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Địa chỉ thư điện tử không đúng");
		assertThat(preferences.of(id).zalo()).isFalse();
		var tooLong = citizen.post("/citizen/notifications", Map.of("email", "a".repeat(250) + "@x.vn", "emailEnabled", "on"));
		assertThat(tooLong.body()).contains("dài quá 254");
		var unknownCommune = citizen.post("/citizen/notifications", Map.of("email", "", "commune", "Không Có Xã Này"));
		assertThat(unknownCommune.body()).contains("Không tìm thấy xã/phường");

		var saved = citizen.post("/citizen/notifications", Map.of("email", "nguoi.dan@example.vn", "emailEnabled", "on",
				"pushEnabled", "on", "zalo", "on", "commune", "Yên Mô"));
		assertThat(saved.statusCode()).isEqualTo(302);
		var p = preferences.of(id);
		assertThat(p.email()).isEqualTo("nguoi.dan@example.vn");
		assertThat(p.zaloConsentAt()).isNotNull();
		assertThat(p.smsConsentAt()).isNull();
		assertThat(p.followUnitCode()).isEqualTo("14701");
		var shown = citizen.get("/citizen/notifications").body();
		assertThat(shown).contains("Đã lưu cách nhận tin", "Bạn đã đồng ý lúc", "value=\"Xã Yên Mô\"");

		// saving again keeps the original consent time; unticking withdraws it
		citizen.post("/citizen/notifications", Map.of("email", "nguoi.dan@example.vn", "emailEnabled", "on", "zalo", "on",
				"commune", "Xã Yên Mô"));
		assertThat(preferences.of(id).zaloConsentAt()).isEqualTo(p.zaloConsentAt());
		assertThat(preferences.of(id).followUnitCode()).isEqualTo("14701");
		citizen.post("/citizen/notifications", Map.of("email", "nguoi.dan@example.vn", "commune", ""));
		var withdrawn = preferences.of(id);
		assertThat(withdrawn.zaloConsentAt()).isNull();
		assertThat(withdrawn.emailEnabled()).isFalse();
		assertThat(withdrawn.pushEnabled()).isFalse();
		assertThat(withdrawn.followUnitCode()).isNull();
		var audited = jdbc.sql("select count(*) from audit_entry where actor = ? and action = 'notify.preferences.changed'")
			.param("citizen:" + id).query(Long.class);
		assertThat(audited).isNotNull();
	}

	@Test
	void theLogShowsTheCommunesDeliveriesMaskedAndAdminsSendATest() {
		var key = NotifyFixtures.key("log");
		notifications.send(new Notice("14701", Recipient.email("tran.van.minh@example.vn", null), "notify.test",
				Map.of("name", "Minh", "commune", "Xã Yên Mô"), key, null));
		await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length == 1);

		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var log = admin.get("/notify/log?channel=EMAIL&q=" + "tin+nhan+thu");
		assertThat(log.statusCode()).isEqualTo(200);
		assertThat(log.body()).contains("Nhật ký gửi tin", "t•••@example.vn", "Tin nhắn thử từ XaSo").doesNotContain("tran.van.minh@");
		assertThat(admin.get("/notify/log?status=bogus&from=23-11-2026").body()).contains("Trạng thái không có trong danh sách",
				"Ngày phải có dạng năm-tháng-ngày");

		var bad = admin.post("/notify/log/test", Map.of("email", "sai"));
		assertThat(bad.body()).contains("Địa chỉ thư điện tử không đúng");
		var sent = admin.post("/notify/log/test", Map.of("email", "vanphong@yenmo.example.vn", "name", "Văn phòng"));
		assertThat(sent.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length == 2);
		assertThat(admin.get("/notify/log").body()).contains("v•••@yenmo.example.vn");

		// the leader reads the log; Nga An's administrator sees none of Yên Mô's rows
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(leader.get("/notify/log").body()).contains("t•••@example.vn").doesNotContain("Gửi thư thử</h2>");
		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaAn.get("/notify/log").body()).doesNotContain("t•••@example.vn", "v•••@yenmo.example.vn");
	}
}
