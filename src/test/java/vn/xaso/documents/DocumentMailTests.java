package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import vn.xaso.audit.AuditLog;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * E-mail to outside recipients against GreenMail, a real SMTP server in this JVM on the fixed
 * port that {@link XasoIntegrationTest} configures (127.0.0.1:39025). Not a real mail provider.
 */
@XasoIntegrationTest
class DocumentMailTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	@Autowired
	Documents documents;

	@Autowired
	DocumentMail mail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Units units;

	@Autowired
	ObjectProvider<JavaMailSender> senders;

	@Autowired
	PlatformTransactionManager transactions;

	static final Actor CLERK = DocumentFixtures.CLERK;
	static final Actor LEADER = DocumentFixtures.LEADER;
	static final Actor SPECIALIST = DocumentFixtures.SPECIALIST;

	@Test
	void addressesAreCheckedInVietnamese() {
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			assertThatThrownBy(() -> documents.draft(SPECIALIST, draft("Thông báo thử địa chỉ", "khong-phai-dia-chi")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("không đúng")
				.extracting(e -> ((DocumentException) e).field()).isEqualTo("emailRecipients");
			var many = String.join("\n", IntStream.rangeClosed(1, 21).mapToObj(i -> "vanthu" + i + "@example.vn").toList());
			assertThatThrownBy(() -> documents.draft(SPECIALIST, draft("Thông báo thử địa chỉ", many)))
				.isInstanceOf(DocumentException.class).hasMessageContaining("tối đa 20");
			var tooLong = "a".repeat(60) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".vn";
			assertThat(tooLong.length()).isGreaterThan(254);
			assertThatThrownBy(() -> documents.draft(SPECIALIST, draft("Thông báo thử địa chỉ", tooLong)))
				.isInstanceOf(DocumentException.class).hasMessageContaining("dài quá 254");
			long id = documents.draft(SPECIALIST, draft("Thông báo thử địa chỉ",
					" vanthu@ninhbinh.gov.vn ;\nVanThu@NinhBinh.gov.vn\n\nso.tuphap@example.vn, "));
			assertThat(mail.recipients(SPECIALIST, id)).containsExactly("vanthu@ninhbinh.gov.vn", "so.tuphap@example.vn");
		});
		assertThat(DocumentMailAddresses.normalize(String.join("\n", IntStream.rangeClosed(1, 20)
			.mapToObj(i -> "x" + i + "@example.vn").toList())).lines()).hasSize(20);
	}

	@Test
	void releaseSendsEachOutsideRecipientTheReleasedPdf() throws Exception {
		long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER,
				draft("Thông báo lịch tiếp công dân tháng 12", "vanthu@ninhbinh.gov.vn\nso.tuphap@example.vn"));
		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));

		await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length == 2);
		var messages = greenMail.getReceivedMessages();
		assertThat(List.of(messages[0].getAllRecipients()[0].toString(), messages[1].getAllRecipients()[0].toString()))
			.containsExactlyInAnyOrder("vanthu@ninhbinh.gov.vn", "so.tuphap@example.vn");
		var message = messages[0];
		assertThat(message.getSubject()).isEqualTo("[" + released.numberSymbol() + "] Thông báo lịch tiếp công dân tháng 12");
		var commune = units.find("14701").orElseThrow().name();
		var parts = (Multipart) message.getContent();
		String text = null;
		byte[] pdf = null;
		for (int i = 0; i < parts.getCount(); i++) {
			var part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				assertThat(part.getContentType()).startsWith("application/pdf");
				assertThat(part.getFileName()).endsWith(".pdf");
				pdf = part.getInputStream().readAllBytes();
			}
			else {
				text = plainText(part);
			}
		}
		assertThat(text).contains("Ủy ban nhân dân " + commune, released.numberSymbol(), "Thông báo lịch tiếp công dân tháng 12");
		var stored = Tenancy.callAs(UnitScope.of("14701"), () -> documents.pdf(CLERK, id).orElseThrow());
		assertThat(pdf).isEqualTo(stored);

		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).stream().allMatch(d -> "sent".equals(d.status())));
		assertThat(deliveries(id)).hasSize(2).allSatisfy(d -> {
			assertThat(d.attempts()).isEqualTo(1);
			assertThat(d.sentAt()).isNotNull();
			assertThat(d.lastError()).isNull();
		});
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> audit.search(new AuditLog.AuditQuery("14701", "document.mailed", null,
				null, null, 0, 200)).entries()))
			.filteredOn(e -> e.objectId().equals(String.valueOf(id))).hasSize(2);
		// a second publication of the same event (as on restart) sends nothing again
		Tenancy.runAs(UnitScope.of("14701"), () -> assertThat(mail.deliver("14701", id, Instant.now())).isTrue());
		assertThat(greenMail.getReceivedMessages()).hasSize(2);
	}

	@Test
	void failureKeepsTheReleaseIsRecordedAndIsRetriedWithBackoffAtMostFiveTimes() throws Exception {
		greenMail.stop(); // as for the other test classes: no SMTP server listening
		long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER,
				draft("Báo cáo tình hình an ninh trật tự", "congan@example.vn"));
		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));
		assertThat(released.status()).isEqualTo(Document.RELEASED);

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id).stream().anyMatch(d -> "failed".equals(d.status())));
		var failed = deliveries(id).getFirst();
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isNotBlank();
		assertThat(failed.nextAttemptAt()).isAfter(failed.updatedAt().plus(Duration.ofMinutes(4)));
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> documents.find(CLERK, id).orElseThrow().status()))
			.isEqualTo(Document.RELEASED);

		// retries follow the backoff (5, 10, 20, 40 minutes) and stop after 5 attempts
		var t = failed.updatedAt();
		t = t.plus(Duration.ofMinutes(4));
		mail.retryDue(t);
		assertThat(deliveries(id).getFirst().attempts()).isEqualTo(1); // not due yet
		for (int attempt = 2; attempt <= 5; attempt++) {
			t = deliveries(id).getFirst().nextAttemptAt().plusSeconds(1);
			mail.retryDue(t);
			assertThat(deliveries(id).getFirst().attempts()).isEqualTo(attempt);
		}
		var gaveUp = deliveries(id).getFirst();
		assertThat(gaveUp.givenUp()).isTrue();
		assertThat(gaveUp.nextAttemptAt()).isNull();
		mail.retryDue(t.plus(Duration.ofDays(1)));
		assertThat(deliveries(id).getFirst().attempts()).isEqualTo(5);
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> audit.search(new AuditLog.AuditQuery("14701",
				"document.mail.failed", null, null, null, 0, 200)).entries()))
			.filteredOn(e -> e.objectId().equals(String.valueOf(id))).hasSize(5);
	}

	/**
	 * Issue 12: an e-mail that fails and will be retried is one warning line with the attempt number and the cause;
	 * the listener's failure (which only keeps the event publication incomplete) adds no error and no stack trace.
	 */
	@Test
	void aFailedEmailIsOneWarningLineWithTheAttemptAndTheCause() {
		var events = new java.util.concurrent.CopyOnWriteArrayList<ch.qos.logback.classic.spi.ILoggingEvent>();
		var logged = new ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent>() {
			@Override
			protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
				events.add(event);
			}
		};
		var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		logged.start();
		root.addAppender(logged);
		try {
			greenMail.stop();
			long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER, draft("Giấy mời họp giao ban quý IV", "vanphong@example.vn"));
			Tenancy.runAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));
			var about = "document " + id + " ";
			await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch(e -> e.getFormattedMessage().contains(about)));
			// the listener fails moments after that line: watch for a second report about it for a while
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> events.stream()
				.noneMatch(e -> e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(about)));
			var lines = events.stream()
				.filter(e -> e.getFormattedMessage().contains(about)
						|| (e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(about)))
				.toList();
			assertThat(lines).hasSize(1);
			var line = lines.getFirst();
			assertThat(line.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
			assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
			assertThat(line.getFormattedMessage()).contains("(attempt 1): ", deliveries(id).getFirst().lastError());
		}
		finally {
			root.detachAppender(logged);
		}
	}

	@Test
	void aFailedEmailIsSentByTheRetryOnceTheServerIsBack() {
		greenMail.stop();
		long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER, draft("Kế hoạch phòng chống lụt bão", "pctt@example.vn"));
		Tenancy.runAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id).stream().anyMatch(d -> "failed".equals(d.status())));
		greenMail.start();
		mail.retryDue(deliveries(id).getFirst().nextAttemptAt().plusSeconds(1));
		var sent = deliveries(id).getFirst();
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.attempts()).isEqualTo(2);
		// the retry runs for every commune, so other tests' waiting e-mails may go too; this one went once
		assertThat(greenMail.getReceivedMessages()).filteredOn(m -> recipient(m).equals("pctt@example.vn")).hasSize(1);
	}

	private static String recipient(jakarta.mail.Message m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void withoutAMailHostNothingIsSentAndDeliveriesWait() {
		var off = new DocumentMail(new MailDeliveryTable(jdbc), senders, events, units, transactions, "", "", "");
		assertThat(off.enabled()).isFalse();
		assertThat(mail.enabled()).isTrue();
		long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER, draft("Giấy mời họp tổ dân phố", "todanpho@example.vn"));
		// released directly in the database's view: use the service, then deliver with mail off
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			assertThat(off.deliver("14701", id, Instant.now())).isTrue();
		});
		assertThat(off.retryDue(Instant.now().plus(Duration.ofDays(1)))).isZero();
		assertThat(deliveries(id)).isNotEmpty();
	}

	@Test
	void deliveriesAreInvisibleToAnotherCommune() {
		long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER, draft("Công văn về đất đai", "diachinh@example.vn"));
		Tenancy.runAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries(id).isEmpty());
		var other = DocumentFixtures.NGA_AN_CLERK;
		assertThat(Tenancy.callAs(UnitScope.of(other.unitCode()), () -> mail.deliveries(new Actor("16144", other.username(),
				other.fullName(), other.roles()), id))).isEmpty();
		// row-level security alone: raw SQL without a WHERE on the unit
		var seen = Tenancy.callAs(UnitScope.of("16144"), () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
			.execute(s -> jdbc.sql("select count(*) from document_mail_delivery where document_id = ?").param(id).query(Long.class).single()));
		assertThat(seen).isZero();
	}

	private List<DocumentMail.Delivery> deliveries(long id) {
		return Tenancy.callAs(UnitScope.of("14701"), () -> mail.deliveries(CLERK, id));
	}

	private static String plainText(Part part) throws Exception {
		var content = part.getContent();
		if (content instanceof String s) {
			return s;
		}
		if (content instanceof Multipart m) {
			var text = new StringBuilder();
			for (int i = 0; i < m.getCount(); i++) {
				text.append(plainText(m.getBodyPart(i)));
			}
			return text.toString();
		}
		return "";
	}

	private static Documents.Draft draft(String summary, String emails) {
		var d = DocumentFixtures.draft(DocumentType.THONG_BAO, summary);
		return new Documents.Draft(d.type(), d.summary(), d.body(), d.recipients(), d.internalRecipients(), d.signerName(),
				d.signerTitle(), d.signerAuthority(), emails);
	}
}
