package vn.xaso.documents.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the next number of a commune's register for a year (Nghị định 30/2020, Điều 15: numbers
 * run from 01 on 1 January to 31 December and are unique within the register). Must run inside
 * the transaction that uses the number: the counter row stays locked until it commits, so
 * concurrent releases queue, and a rollback gives the number back — none is skipped or repeated.
 */
@Component
public class NumberAllocator {

	public static final String OUTGOING = "di";
	public static final String INCOMING = "den";

	private final JdbcClient jdbc;

	NumberAllocator(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number for {@code unitCode}'s register in the year of {@code day} (Vietnam-local). */
	@Transactional(propagation = Propagation.MANDATORY)
	public int next(String unitCode, String register, LocalDate day) {
		if (!OUTGOING.equals(register) && !INCOMING.equals(register)) {
			throw new IllegalArgumentException("Unknown register " + register);
		}
		int year = day.getYear();
		jdbc.sql("insert into document_counter (unit_code, register, year, last_number) values (?, ?, ?, 0) on conflict do nothing")
			.params(unitCode, register, year)
			.update();
		int last = jdbc.sql("select last_number from document_counter where unit_code = ? and register = ? and year = ? for update")
			.params(unitCode, register, year)
			.query(Integer.class)
			.single();
		int next = last + 1;
		jdbc.sql("update document_counter set last_number = ? where unit_code = ? and register = ? and year = ?")
			.params(next, unitCode, register, year)
			.update();
		return next;
	}

	/** The last number taken in a register for a year; 0 when none (reads in the caller's unit scope). */
	public int last(String unitCode, String register, int year) {
		return jdbc.sql("select last_number from document_counter where unit_code = ? and register = ? and year = ?")
			.params(unitCode, register, year)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Moves a year's counter up to {@code lastNumber} (never down): the next number is {@code lastNumber + 1}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void raiseTo(String unitCode, String register, int year, int lastNumber) {
		jdbc.sql("""
				insert into document_counter (unit_code, register, year, last_number) values (?, ?, ?, ?)
				on conflict (unit_code, register, year)
				do update set last_number = greatest(document_counter.last_number, excluded.last_number)""")
			.params(unitCode, register, year, lastNumber)
			.update();
	}

	/** "05" for 5, "12" for 12: numbers below 10 take a leading zero (Phụ lục I, mục II.3.c). */
	public static String format(int number) {
		return number < 10 ? "0" + number : Integer.toString(number);
	}

	/**
	 * The symbol after the number: {@code QĐ-UBND} for a quyết định; for a công văn (no type
	 * abbreviation) the issuing body and the drafting unit, {@code UBND-VP}.
	 */
	public static String symbol(vn.xaso.documents.DocumentType type, String agencyAbbr, String officeAbbr) {
		return type.abbreviation() == null ? agencyAbbr + "-" + officeAbbr : type.abbreviation() + "-" + agencyAbbr;
	}

	/** {@code 05/QĐ-UBND}. */
	public static String numberSymbol(int number, vn.xaso.documents.DocumentType type, String agencyAbbr, String officeAbbr) {
		return format(number) + "/" + symbol(type, agencyAbbr, officeAbbr);
	}
}
