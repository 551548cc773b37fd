package vn.xaso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.xaso.identity.Citizens;
import vn.xaso.notify.internal.DeliveryLog;
import vn.xaso.notify.internal.Deliverer;
import vn.xaso.notify.internal.Outbox;
import vn.xaso.notify.internal.Preferences;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The e-mail channel against GreenMail, a real SMTP server in this JVM on the port
 * {@link XasoIntegrationTest} configures (127.0.0.1:39025) — not a real mail provider.
 */
@XasoIntegrationTest
class NotifyMailTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	static final String YEN_MO = "14701";

	@Autowired
	Notifications notifications;

	@Autowired
	DeliveryLog log;

	@Autowired
	Deliverer deliverer;

	@Autowired
	Preferences preferences;

	@Autowired
	Citizens citizens;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * Other test classes in this JVM may leave e-mails queued (the delivery job is off in tests): send them now and
	 * forget them, so that each test here sees only its own mail.
	 */
	@BeforeEach
	void sendWhatOthersLeftQueued() throws Exception {
		deliverer.runRound(Instant.now().plus(Duration.ofDays(3)));
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void vietnameseEmailArrivesWithSubjectBodyAndLink() throws Exception {
		var key = NotifyFixtures.key("mail");
		notifications.send(new Notice(YEN_MO, Recipient.email("nguoi.dan@example.vn", "Nguyễn Thị Hà"), "notify.test",
				Map.of("name", "Nguyễn Thị Hà", "commune", "Xã Yên Mô"), key, "/citizen/notifications"));

		await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length == 1);
		MimeMessage message = greenMail.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("nguoi.dan@example.vn");
		assertThat(message.getSubject()).isEqualTo("Tin nhắn thử từ XaSo – Xã Yên Mô");
		var body = (String) message.getContent();
		assertThat(body).contains("Xin chào Nguyễn Thị Hà,", "cán bộ Xã Yên Mô gửi để kiểm tra kênh nhận tin",
				"http://localhost:8080/citizen/notifications");
		assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");

		await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(rows(key).getFirst().status()));
		var row = rows(key).getFirst();
		assertThat(row.channel()).isEqualTo(Channel.EMAIL);
		assertThat(row.recipientMasked()).isEqualTo("n•••@example.vn");
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(message.getMessageID()).isEqualTo("<xaso-notify-" + row.id() + "@localhost>");
	}

	@Test
	void aRepeatedDedupeKeySendsOnce() {
		var key = NotifyFixtures.key("dedupe");
		var notice = new Notice(YEN_MO, Recipient.email("mot.lan@example.vn", null), "notify.test",
				Map.of("name", "Bác Tư", "commune", "Xã Yên Mô"), key, null);
		notifications.send(notice);
		notifications.send(notice);
		await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(rows(key).getFirst().status()));
		notifications.send(notice);
		deliverer.runRound(Instant.now().plus(Duration.ofHours(1)));
		assertThat(rows(key)).hasSize(1);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void aPublishedNoticeIsQueuedInThePublishersTransactionAndOnlyIfItCommits() {
		var kept = NotifyFixtures.key("event-kept");
		var dropped = NotifyFixtures.key("event-dropped");
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> tx.executeWithoutResult(s -> events.publishEvent(new Notice(YEN_MO,
				Recipient.email("su.kien@example.vn", null), "notify.test", Map.of("name", "Bác Ba", "commune", "Xã Yên Mô"), kept, null))));
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> tx.executeWithoutResult(s -> {
			events.publishEvent(new Notice(YEN_MO, Recipient.email("khong.gui@example.vn", null), "notify.test",
					Map.of("name", "Bác Tư", "commune", "Xã Yên Mô"), dropped, null));
			s.setRollbackOnly();
		}));
		await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(rows(kept).getFirst().status()));
		assertThat(rows(dropped)).isEmpty();
	}

	@Test
	void anSmtpFailureIsRetriedWithBackOff() throws Exception {
		greenMail.stop(); // no SMTP server listening
		var key = NotifyFixtures.key("retry");
		notifications.send(new Notice(YEN_MO, Recipient.email("thu.lai@example.vn", null), "notify.test",
				Map.of("name", "Ông Năm", "commune", "Xã Yên Mô"), key, null));
		await().atMost(Duration.ofSeconds(30)).until(() -> rows(key).getFirst().attempts() == 1
				&& "queued".equals(rows(key).getFirst().status()));
		var failed = rows(key).getFirst();
		assertThat(failed.lastError()).isNotBlank();
		assertThat(failed.nextAttemptAt()).isAfter(failed.updatedAt().plus(Outbox.FIRST_BACKOFF).minusSeconds(1));

		// not due yet: nothing happens
		deliverer.runRound(failed.updatedAt().plusSeconds(10));
		assertThat(rows(key).getFirst().attempts()).isEqualTo(1);
		// second failure doubles the wait
		deliverer.runRound(failed.nextAttemptAt().plusSeconds(1));
		var second = rows(key).getFirst();
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(Duration.between(second.updatedAt(), second.nextAttemptAt())).isEqualTo(Outbox.FIRST_BACKOFF.multipliedBy(2));

		greenMail.start();
		deliverer.runRound(second.nextAttemptAt().plusSeconds(1));
		var sent = rows(key).getFirst();
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.attempts()).isEqualTo(3);
		assertThat(sent.lastError()).isNull();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0])).isNotBlank();
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		greenMail.stop();
		var key = NotifyFixtures.key("give-up");
		notifications.send(new Notice(YEN_MO, Recipient.email("bo.cuoc@example.vn", null), "notify.test",
				Map.of("name", "Chị Sáu", "commune", "Xã Yên Mô"), key, null));
		await().atMost(Duration.ofSeconds(30)).until(() -> rows(key).getFirst().attempts() == 1);
		for (int attempt = 2; attempt <= Outbox.MAX_ATTEMPTS; attempt++) {
			deliverer.runRound(rows(key).getFirst().nextAttemptAt().plusSeconds(1));
			assertThat(rows(key).getFirst().attempts()).isEqualTo(attempt);
		}
		assertThat(rows(key).getFirst().status()).isEqualTo("failed");
		deliverer.runRound(Instant.now().plus(Duration.ofDays(2)));
		assertThat(rows(key).getFirst().attempts()).isEqualTo(Outbox.MAX_ATTEMPTS);
	}

	@Test
	void aMissingTemplateOrPlaceholderFailsAtSendTime() {
		var key = NotifyFixtures.key("missing");
		assertThatThrownBy(() -> notifications.send(new Notice(YEN_MO, Recipient.email("a@example.vn", null), "notify.khongco",
				Map.of(), key, null)))
			.isInstanceOf(NotifyException.class).hasMessageContaining("notify.khongco.subject");
		assertThatThrownBy(() -> notifications.send(new Notice(YEN_MO, Recipient.email("a@example.vn", null), "notify.test",
				Map.of("name", "A"), key, null)))
			.isInstanceOf(NotifyException.class).hasMessageContaining("{commune}");
		assertThatThrownBy(() -> notifications.send(new Notice(YEN_MO, Recipient.email("a@example.vn", null), "notify.test",
				Map.of("name", "A", "commune", "B"), key, "javascript:alert(1)")))
			.isInstanceOf(NotifyException.class).extracting(e -> ((NotifyException) e).field()).isEqualTo("link");
		assertThat(rows(key)).isEmpty();
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		var key = NotifyFixtures.key("rollback");
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
			notifications.send(new Notice(YEN_MO, Recipient.email("huy@example.vn", null), "notify.test",
					Map.of("name", "A", "commune", "B"), key, null));
			s.setRollbackOnly();
		}));
		deliverer.runRound(Instant.now().plusSeconds(5));
		assertThat(rows(key)).isEmpty();
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void preferencesDecideTheChannels() {
		// saved address wins over the caller's; e-mail off means no e-mail at all
		long withEmail = NotifyFixtures.newCitizen(citizens, "Lê Thị Mai");
		preferences.save(new Preferences.Preference(withEmail, "mai.le@example.vn", true, true, null, null, null));
		long emailOff = NotifyFixtures.newCitizen(citizens, "Lê Văn Tám");
		preferences.save(new Preferences.Preference(emailOff, "tam@example.vn", false, true, null, null, null));
		long noAddress = NotifyFixtures.newCitizen(citizens, "Đỗ Văn Chín");
		long smsConsent = NotifyFixtures.newCitizen(citizens, "Vũ Thị Mười");
		preferences.save(new Preferences.Preference(smsConsent, null, false, false, null, Instant.now(), null));

		var k1 = send(withEmail, "caller.given@example.vn");
		var k2 = send(emailOff, "caller.given@example.vn");
		var k3 = send(noAddress, null);
		var k4 = send(smsConsent, null);

		await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length >= 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(rows(k1).getFirst().status()));
		assertThat(List.of(greenMail.getReceivedMessages())).hasSize(1)
			.allSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("mai.le@example.vn"));
		// e-mail switched off, nothing else chosen: one skipped row, no e-mail, no SMS, no Zalo
		assertThat(rows(k2)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo("skipped");
			assertThat(r.lastError()).contains("tắt mọi kênh");
		});
		// no address: e-mail skipped with the reason
		assertThat(rows(k3)).singleElement().satisfies(r -> {
			assertThat(r.channel()).isEqualTo(Channel.EMAIL);
			assertThat(r.status()).isEqualTo("skipped");
			assertThat(r.lastError()).contains("Chưa có địa chỉ");
		});
		// SMS consent but no SMS provider configured in the tests: recorded as skipped, masked phone;
		// no Zalo row at all without Zalo consent
		assertThat(rows(k4)).singleElement().satisfies(r -> {
			assertThat(r.channel()).isEqualTo(Channel.SMS);
			assertThat(r.status()).isEqualTo("skipped");
			assertThat(r.recipientMasked()).matches("096\\*+[0-9]{3}");
		});
	}

	private String send(long citizenId, String email) {
		var key = NotifyFixtures.key("pref");
		notifications.send(new Notice(YEN_MO, new Recipient(citizenId, email, null, null), "notify.test",
				Map.of("name", "bạn", "commune", "Xã Yên Mô"), key, null));
		return key;
	}

	private List<DeliveryLog.Entry> rows(String key) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> log.byKey(YEN_MO, key));
	}
}
