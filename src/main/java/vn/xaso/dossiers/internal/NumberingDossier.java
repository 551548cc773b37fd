package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Receipt;

/**
 * Numbers a checked dossier and starts it: {@code <agency>-YYMMDD-NNNN} from the commune's daily sequence (row
 * lock; a rollback gives the number back; from the 10,000th dossier of a day the number has five digits), then
 * "submitted" on the timeline; at the counter it is received at once; the bill is opened when the dossier is
 * received, or at once in a procedure fully online.
 */
@Component
class NumberingDossier {

	private static final Logger log = LoggerFactory.getLogger(NumberingDossier.class);
	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	private final DossierWork work;
	private final DossierTable table;
	private final NumberTable numbers;
	private final ReceivingDossier receiving;
	private final PayingFees fees;
	private final Journal journal;

	NumberingDossier(DossierWork work, DossierTable table, NumberTable numbers, ReceivingDossier receiving, PayingFees fees,
			Journal journal) {
		this.work = work;
		this.table = table;
		this.numbers = numbers;
		this.receiving = receiving;
		this.fees = fees;
		this.journal = journal;
	}

	/** The default agency code of a commune: "X" and its 5-digit GSO code, e.g. X14701. */
	static String defaultAgencyCode(String unitCode) {
		return "X" + unitCode;
	}

	String agencyCode(String unitCode) {
		return numbers.agencyCode(unitCode).orElse(defaultAgencyCode(unitCode));
	}

	Receipt number(long id, String unitCode, ProcedureInfo procedure, Channel channel, Caller caller, String payerName,
			@Nullable Long citizenId) {
		var now = work.now();
		var day = LocalDate.ofInstant(now, Sla.VIETNAM);
		int seq = numbers.next(unitCode, day)
			.orElseThrow(() -> Texts.refused("", "dossiers.error.dailyNumbersUsed", String.valueOf(NumberTable.LAST_DAILY_NUMBER)));
		var code = agencyCode(unitCode) + "-" + YYMMDD.format(day) + "-" + String.format("%04d", seq);
		var submitted = table.any(id);
		submitted.submit(code, now);
		table.numbered(id, code, now);
		var note = channel == Channel.ASSISTED ? Texts.vi("dossiers.text.assistedBy", caller.fullName()) : "";
		journal.step(unitCode, id, caller, "submit", null, Workflow.SUBMITTED, note, List.of());
		journal.audit(unitCode, caller, "dossier.submitted", id, null, code + " " + procedure.code() + " " + channel);
		Long billId = null;
		var state = Workflow.SUBMITTED;
		LocalDate due = null;
		Dossier received = null;
		if (channel == Channel.COUNTER) {
			received = table.any(id);
			due = receiving.receive(received, procedure, caller, now, true);
			state = table.lockAny(id).state();
			billId = fees.openBill(table.lockAny(id), procedure, payerName, citizenId);
		}
		else if ("FULL".equals(procedure.onlineMode())) {
			billId = fees.openBill(table.lockAny(id), procedure, payerName, citizenId);
		}
		long fee = table.lockAny(id).feeVnd();
		journal.publish(submitted);
		if (received != null) {
			journal.publish(received);
		}
		log.info("Dossier {} submitted in {} via {}", code, unitCode, channel);
		return new Receipt(id, code, state, now, due, billId, fee);
	}
}
