package vn.xaso.documents;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.documents.internal.NumberAllocator;

/**
 * Carrying over a commune's paper registers when it starts with XaSo mid-year: the administrator
 * enters the last number used in each register this year, and the next release takes the following
 * number. Numbering still restarts at 01 on 1 January (Nghị định 30/2020, Điều 15), because each
 * year has its own counter.
 */
@Service
public class RegisterNumbering {

	/** The two registers: outgoing documents (sổ văn bản đi) and incoming (sổ văn bản đến). */
	public enum Register {
		OUTGOING(NumberAllocator.OUTGOING), INCOMING(NumberAllocator.INCOMING);

		private final String code;

		Register(String code) {
			this.code = code;
		}
	}

	public static final int MAX_NUMBER = 99_999;

	private final NumberAllocator numbers;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RegisterNumbering(NumberAllocator numbers, ApplicationEventPublisher events, Clock clock) {
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
	}

	/** The last number taken in the register this (Vietnam-local) year; 0 when none. */
	@Transactional(readOnly = true)
	public int lastUsed(String unitCode, Register register) {
		return numbers.last(unitCode, register.code, thisYear());
	}

	/**
	 * Continues the register of this year after {@code lastNumberUsed} (the last number written in the
	 * paper register). Refused with a Vietnamese message when the number is out of range or lower than a
	 * number XaSo already gave this year (numbers are never reused). Audited.
	 */
	@Transactional
	public void continueAfter(String unitCode, Register register, int lastNumberUsed, String actor) {
		if (lastNumberUsed < 0 || lastNumberUsed > MAX_NUMBER) {
			throw DocumentException.of("lastNumber", "documents.error.lastNumber", String.valueOf(MAX_NUMBER));
		}
		int year = thisYear();
		int current = numbers.last(unitCode, register.code, year);
		if (lastNumberUsed < current) {
			throw DocumentException.of("lastNumber", "documents.error.lastNumberBack", String.valueOf(year), NumberAllocator.format(current),
					NumberAllocator.format(lastNumberUsed));
		}
		numbers.raiseTo(unitCode, register.code, year, lastNumberUsed);
		events.publishEvent(AuditEvent.of(unitCode, actor, "documents.register.carried-over")
			.on("document_register", register.code + "-" + year)
			.change(Integer.toString(current), Integer.toString(lastNumberUsed)));
	}

	private int thisYear() {
		return LocalDate.now(clock.withZone(Documents.VIETNAM)).getYear();
	}
}
