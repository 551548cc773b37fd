package vn.xaso.payments.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.payments.Bill;
import vn.xaso.payments.PaymentException;
import vn.xaso.platform.Refusal.Text;
import vn.xaso.platform.Json;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Applies a verified bank notification ("transaction sync", shaped like a SePay/Casso webhook body).
 * Each notification is stored once per (gateway, id): a replay finds the stored row and changes
 * nothing. The bill is found by its reference anywhere in the transfer content; what happens to the
 * money is decided by {@link BillStore#apply} under the bill's row lock.
 */
@Component
public class BankNotifications {

	/** Outcome sent back to the caller and stored on the transaction. */
	public record Result(String outcome, boolean replay, @Nullable String billReference) {
	}

	public static final String SYSTEM_ACTOR = "bank-webhook";
	private static final DateTimeFormatter BANK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final JsonMapper JSON = Json.MAPPER;
	private static final Logger log = LoggerFactory.getLogger(BankNotifications.class);

	private final BillStore bills;
	private final PaymentAccounts accounts;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	BankNotifications(BillStore bills, PaymentAccounts accounts, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.bills = bills;
		this.accounts = accounts;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	/** A notification that passed validation. */
	public record Notification(String source, String txnId, long amount, String content, String account,
			@Nullable Instant bankTime, boolean incoming) {
	}

	/** Validates the JSON body; throws {@link PaymentException} with a message per field. */
	public static Notification parse(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw PaymentException.of("body", "payments.error.webhookJson");
		}
		if (root == null || !root.isObject()) {
			throw PaymentException.of("body", "payments.error.webhookObject");
		}
		var errors = new LinkedHashMap<String, Text>();
		var id = root.path("id");
		String txnId = id.isNumber() || id.isString() ? id.asString().strip() : "";
		if (txnId.isEmpty() || txnId.length() > 100) {
			errors.put("id", new Text("payments.error.webhookId"));
		}
		var gateway = text(root, "gateway");
		if (gateway.length() > 40) {
			errors.put("gateway", new Text("payments.error.webhookGateway"));
		}
		var amountNode = root.path("transferAmount");
		long amount = -1;
		if (!amountNode.isIntegralNumber() || !amountNode.canConvertToLong() || amountNode.asLong() <= 0
				|| amountNode.asLong() > 1_000_000_000_000L) {
			errors.put("transferAmount", new Text("payments.error.webhookAmount"));
		}
		else {
			amount = amountNode.asLong();
		}
		var content = text(root, "content");
		if (content.isEmpty()) {
			content = text(root, "description");
		}
		if (content.length() > 1000) {
			errors.put("content", new Text("payments.error.webhookContent"));
		}
		var account = text(root, "accountNumber");
		if (!account.matches("[0-9A-Za-z]{1,30}")) {
			errors.put("accountNumber", new Text("payments.error.webhookAccount"));
		}
		var type = text(root, "transferType").toLowerCase(Locale.ROOT);
		if (!type.equals("in") && !type.equals("out")) {
			errors.put("transferType", new Text("payments.error.webhookType"));
		}
		Instant time = null;
		var when = text(root, "transactionDate");
		if (!when.isEmpty()) {
			try {
				time = LocalDateTime.parse(when, BANK_TIME).atZone(ReceiptRenderer.VIETNAM).toInstant();
			}
			catch (DateTimeParseException e) {
				errors.put("transactionDate", new Text("payments.error.webhookDate"));
			}
		}
		if (!errors.isEmpty()) {
			throw PaymentException.of(errors);
		}
		return new Notification(gateway.isEmpty() ? "bank" : gateway, txnId, amount, content, account, time,
				type.equals("in"));
	}

	private static String text(JsonNode root, String field) {
		var node = root.path(field);
		return node.isString() || node.isNumber() ? node.asString().strip() : "";
	}

	/** Records and applies one notification in its own system-wide transaction. */
	public Result receive(Notification n) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(status -> apply(n)));
	}

	private Result apply(Notification n) {
		var references = BillReferences.findIn(n.content());
		Optional<Bill> bill = Optional.empty();
		for (var reference : references) {
			bill = bills.byReference(reference);
			if (bill.isPresent()) {
				break;
			}
		}
		if (bill.isPresent()) {
			// A bill paid into a producer's own account is settled only by money that reached that account:
			// the same reference in a transfer to another account is filed as unmatched for an officer.
			var payee = bills.payee(bill.get().id());
			if (payee.isPresent() && !payee.get().accountNumber().equals(n.account())) {
				bill = Optional.empty();
			}
		}
		if (bill.isPresent()) {
			// Lock the bill before claiming the transaction id, so every notification for one bill
			// queues here in the same order (no lock-order deadlock with the foreign key below).
			bill = bills.lock(bill.get().id());
		}
		var unit = bill.map(Bill::unitCode)
			.or(() -> accounts.unitOfAccount(n.account()))
			.orElse(AuditLog.SYSTEM_UNIT);
		// Claim the bank transaction id first: a concurrent copy of the same notification waits here
		// on the unique index and then finds it taken.
		var claimed = bills.claim(unit, n.source(), n.txnId(), n.amount(), n.content(), n.account(), n.bankTime(),
				bill.map(Bill::id).orElse(null));
		if (claimed.isEmpty()) {
			var stored = bills.recorded(n.source(), n.txnId());
			log.info("Bank notification {}/{} replayed: nothing changed", n.source(), n.txnId());
			return new Result(stored.outcome(), true, stored.billReference());
		}
		long txn = claimed.get();
		String outcome;
		if (bill.isEmpty()) {
			outcome = "UNMATCHED";
		}
		else {
			outcome = switch (bills.apply(bill.get().id(), n.amount(), Bill.Method.VIETQR, SYSTEM_ACTOR, null)) {
				case PAID -> "PAID";
				case PARTIAL -> "UNDERPAID";
				case OVERPAID -> "OVERPAID";
				case DUPLICATE -> "DUPLICATE";
				case CANCELLED_BILL -> "CANCELLED_BILL";
			};
		}
		boolean flagged = !outcome.equals("PAID");
		bills.outcome(txn, outcome, flagged);
		events.publishEvent(AuditEvent.of(unit, SYSTEM_ACTOR, "payment.notification." + outcome.toLowerCase(Locale.ROOT))
			.on("payment_transaction", txn)
			.change(null, n.source() + " " + n.txnId() + " " + n.amount() + " VND"
					+ bill.map(b -> " -> " + b.reference()).orElse("")));
		log.info("Bank notification {}/{} of {} VND: {}", n.source(), n.txnId(), n.amount(), outcome);
		return new Result(outcome, false, bill.map(Bill::reference).orElse(null));
	}
}
