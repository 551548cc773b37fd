package vn.xaso.documents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.VietnameseText;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;

/**
 * E-mail to the outside recipients of a released outgoing document: one message per address with
 * the released PDF attached, subject "[số hiệu] trích yếu". Every address gets a row in
 * {@code document_mail_delivery} (pending → sent, or failed with the reason); a failed one is
 * tried again after 5, 10, 20 and 40 minutes, {@value #MAX_ATTEMPTS} attempts in all. Mail is off
 * when {@code spring.mail.host} is blank: rows stay pending and the page says so.
 */
@Service
public class DocumentMail {

	public static final int MAX_ATTEMPTS = 5;
	static final Duration FIRST_BACKOFF = Duration.ofMinutes(5);
	/** While one sender works on a row, nobody else picks it up. */
	static final Duration LEASE = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(DocumentMail.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MailDeliveryTable table;
	private final ObjectProvider<JavaMailSender> senders;
	private final ApplicationEventPublisher events;
	private final Units units;
	private final TransactionTemplate tx;
	private final String host;
	private final String from;

	DocumentMail(MailDeliveryTable table, ObjectProvider<JavaMailSender> senders, ApplicationEventPublisher events, Units units,
			PlatformTransactionManager transactions,
			@Value("${spring.mail.host:}") String host, @Value("${xaso.mail.from:}") String from,
			@Value("${spring.mail.username:}") String username) {
		this.table = table;
		this.senders = senders;
		this.events = events;
		this.units = units;
		// Always a new transaction: it starts with the tenancy scope set by the caller, even inside a
		// listener's own transaction (which began before the scope was set).
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.host = host.strip();
		this.from = !from.isBlank() ? from.strip() : username.contains("@") ? username.strip() : "xaso@localhost";
	}

	/** One outside recipient's delivery as shown on the document page. */
	public record Delivery(String address, String status, int attempts, @Nullable String lastError,
			@Nullable Instant nextAttemptAt, @Nullable Instant sentAt, Instant updatedAt) {

		public boolean givenUp() {
			return "failed".equals(status) && attempts >= MAX_ATTEMPTS;
		}
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}) and a mail sender exists. */
	public boolean enabled() {
		return !host.isEmpty() && senders.getIfAvailable() != null;
	}

	/** The outside e-mail recipients named on a document of the actor's unit. */
	@Transactional(readOnly = true)
	public List<String> recipients(Actor actor, long documentId) {
		return table.recipients(actor.unitCode(), documentId).map(DocumentMailAddresses::list).orElse(List.of());
	}

	@Transactional(readOnly = true)
	public List<Delivery> deliveries(Actor actor, long documentId) {
		return table.deliveries(actor.unitCode(), documentId);
	}

	/**
	 * Records a row per outside address of a released document and sends what is due. The caller
	 * sets the tenancy scope to the document's unit. Returns false when an e-mail failed and will be
	 * tried again; true when everything due was sent, given up, or mail is off.
	 */
	public boolean deliver(String unitCode, long documentId, Instant now) {
		var source = tx.execute(s -> {
			// the organisation-signed attachment files go with the document
			var doc = table.source(unitCode, documentId).orElse(null);
			if (doc != null) {
				for (var address : doc.addresses()) {
					table.queue(unitCode, documentId, address);
				}
			}
			return doc;
		});
		if (source == null || !enabled()) {
			return true;
		}
		// Claim the rows that are due, so that the listener and the retry job never send one twice.
		var due = tx.execute(s -> table.claimDue(unitCode, documentId, now, now.plus(LEASE), MAX_ATTEMPTS));
		var commune = units.find(unitCode).map(u -> u.name()).orElse(unitCode);
		boolean allSent = true;
		for (var row : due) {
			long rowId = row.id();
			var address = row.address();
			int attempts = row.attempts() + 1;
			String problem = null;
			try {
				send(source, commune, address);
			}
			catch (Exception e) {
				problem = reason(e);
				allSent = false;
				log.warn("E-mail of document {} to an outside recipient failed (attempt {}): {}", documentId, attempts, problem);
			}
			var error = problem;
			tx.executeWithoutResult(s -> record(unitCode, documentId, rowId, address, attempts, error, now));
		}
		return allSent;
	}

	/**
	 * Tries again every pending or failed e-mail whose time has come, in every commune (system
	 * work). Returns the number of documents worked on. Nothing happens while mail is off.
	 */
	public int retryDue(Instant now) {
		if (!enabled()) {
			return 0;
		}
		var due = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> table.due(now, MAX_ATTEMPTS)));
		for (var d : due) {
			Tenancy.runAs(UnitScope.of(d.unitCode()), () -> deliver(d.unitCode(), d.documentId(), now));
		}
		return due.size();
	}

	private void send(MailDeliveryTable.Source doc, String commune, String address) throws Exception {
		var sender = senders.getObject();
		var message = sender.createMimeMessage();
		var helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(address);
		helper.setSubject(subject(doc.numberSymbol(), doc.summary()));
		helper.setText(body(commune, doc.numberSymbol(), doc.issuedOn(), doc.summary()), false);
		helper.addAttachment(fileName(doc.numberSymbol()), new ByteArrayResource(doc.pdf()), "application/pdf");
		int n = 0;
		for (var file : doc.attachments()) {
			n++;
			helper.addAttachment(fileName(doc.numberSymbol()).replaceFirst("\\.pdf$", "") + "-kem-theo-" + n + ".pdf",
					new ByteArrayResource(file.pdf()), "application/pdf");
		}
		sender.send(message);
	}

	static String subject(String numberSymbol, String summary) {
		var line = "[" + numberSymbol + "] " + summary.replaceAll("\\s+", " ").strip();
		return line.length() > 250 ? line.substring(0, 249) + "…" : line;
	}

	static String body(String commune, String numberSymbol, @Nullable LocalDate issuedOn, String summary) {
		return DocumentException.vietnamese("documents.text.mailBody", commune, numberSymbol,
				issuedOn == null ? "" : DocumentException.vietnamese("documents.text.mailIssuedOn", DAY.format(issuedOn)), summary);
	}

	static String fileName(String numberSymbol) {
		var ascii = VietnameseText.fold(numberSymbol).replaceAll("[^A-Za-z0-9-]+", "-");
		return ascii + ".pdf";
	}

	private void record(String unitCode, long documentId, long rowId, String address, int attempts, @Nullable String problem,
			Instant now) {
		if (problem == null) {
			table.sent(rowId, attempts, now);
			events.publishEvent(AuditEvent.of(unitCode, "system", "document.mailed").on("document", documentId)
				.change(null, DocumentException.vietnamese("documents.text.mailSent", address)));
		}
		else {
			var next = attempts >= MAX_ATTEMPTS ? null : now.plus(FIRST_BACKOFF.multipliedBy(1L << (attempts - 1)));
			table.failed(rowId, attempts, problem, next, now);
			events.publishEvent(AuditEvent.of(unitCode, "system", "document.mail.failed").on("document", documentId)
				.change(null, DocumentException.vietnamese("documents.text.mailFailed", address, String.valueOf(attempts), problem)));
		}
	}

	private static String reason(Exception e) {
		Throwable t = e;
		var text = new StringBuilder();
		while (t != null && text.length() < 400) {
			if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
				text.append(text.isEmpty() ? "" : " — ").append(t.getMessage());
			}
			t = t.getCause() == t ? null : t.getCause();
		}
		var s = text.isEmpty() ? e.getClass().getSimpleName() : text.toString().replaceAll("\\s+", " ");
		return s.length() > 500 ? s.substring(0, 500) : s;
	}
}
