package vn.xaso.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.messaging.TextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Reminds the handlers of incoming documents still being handled: once when the deadline is within
 * one working day ("due soon", once per deadline), and at most once a day after it passed
 * ("overdue"). Each reminder is a row in {@code document_reminder} (shown on {@code /documents})
 * and, when the official has a phone, a text through {@link TextMessages}.
 */
@Service
public class DocumentReminders {

	public static final String DUE_SOON = "due_soon";
	public static final String OVERDUE = "overdue";

	private static final Logger log = LoggerFactory.getLogger(DocumentReminders.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ReminderTable table;
	private final WorkingCalendar calendar;
	private final TextMessages texts;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final Clock clock;

	DocumentReminders(ReminderTable table, WorkingCalendar calendar, TextMessages texts, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, vn.xaso.identity.Accounts accounts) {
		this.accounts = accounts;
		this.table = table;
		this.calendar = calendar;
		this.texts = texts;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	private final vn.xaso.identity.Accounts accounts;

	/** An open assignment of the official that is due soon or overdue, for the notice on /documents. */
	public record Notice(long documentId, String summary, LocalDate deadline, boolean overdue) {
	}

	/**
	 * Sends the reminders due at {@code now} in every commune (trusted system work) and returns how
	 * many were sent. Running it twice at the same moment sends nothing the second time.
	 */
	public int run(Instant now) {
		var today = LocalDate.ofInstant(now, Documents.VIETNAM);
		var soon = calendar.addWorkingDays(today, 1);
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> {
			var due = table.dueBy(soon).stream()
				.map(a -> new Due(a, accounts.activePhoneOf(a.unitCode(), a.username()).orElse(null)))
				.toList();
			int sent = 0;
			for (var d : due) {
				var kind = d.deadline().isBefore(today) ? OVERDUE : DUE_SOON;
				if (!table.record(d.assignment(), kind, today, d.phone() != null)) {
					continue;
				}
				sent++;
				var text = text(kind, d.summary(), d.deadline());
				if (d.phone() != null) {
					try {
						texts.send(d.phone(), text);
						log.info("Reminder ({}) of document {} texted to {}", kind, d.documentId(), PersonalData.maskPhone(d.phone()));
					}
					catch (RuntimeException e) {
						log.warn("Reminder text of document {} to {} failed: {}", d.documentId(), PersonalData.maskPhone(d.phone()),
								e.getMessage());
					}
				}
				events.publishEvent(AuditEvent.of(d.unitCode(), "system", "document.reminded").on("document", d.documentId())
					.change(null, DocumentException.vietnamese(OVERDUE.equals(kind) ? "documents.text.remindedOverdue"
							: "documents.text.remindedSoon", d.deadline().toString(), d.username())));
			}
			return sent;
		}));
	}

	/** The actor's open assignments that were reminded, most urgent first ("Việc sắp đến hạn / đã quá hạn"). */
	@Transactional(readOnly = true)
	public List<Notice> notices(Actor actor) {
		var today = LocalDate.now(clock.withZone(Documents.VIETNAM));
		return table.reminded(actor.unitCode(), actor.username()).stream()
			.map(r -> new Notice(r.documentId(), r.summary(), r.deadline(), r.deadline().isBefore(today)))
			.toList();
	}

	static String text(String kind, String summary, LocalDate deadline) {
		var shortSummary = summary.length() > 60 ? summary.substring(0, 59) + "…" : summary;
		return DocumentException.vietnamese(OVERDUE.equals(kind) ? "documents.text.reminderOverdue" : "documents.text.reminderSoon",
				shortSummary, DAY.format(deadline));
	}

	private record Due(ReminderTable.Assignment assignment, @Nullable String phone) {

		String unitCode() {
			return assignment.unitCode();
		}

		long documentId() {
			return assignment.documentId();
		}

		String username() {
			return assignment.username();
		}

		LocalDate deadline() {
			return assignment.deadline();
		}

		String summary() {
			return assignment.summary();
		}
	}
}
