package vn.xaso.party.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.party.MemberMoved;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.platform.PersonalData;

/**
 * Members' records beyond the name: date of admission (ngày vào Đảng), date made official (ngày chính thức), party card
 * number, year of birth, phone. Lists show the card number masked; the full record is read only by the member's cell
 * secretary, the committee and the member themself, each read audited ({@code party.member.read}, ids only). The
 * committee moves a member to another cell of the commune (kept: from, to, date); the member then sees only the new cell.
 */
@Service
public class KeepingRecords {

	/** The record as typed (dates ISO, blank: not known). */
	public record Input(@Nullable String admittedOn, @Nullable String officialOn, @Nullable String cardNumber, @Nullable String birthYear,
			@Nullable String phone) {
	}

	private final MemberTable members;
	private final PartyVillages villages;
	private final PartyWork work;

	KeepingRecords(MemberTable members, PartyVillages villages, PartyWork work) {
		this.members = members;
		this.villages = villages;
		this.work = work;
	}

	public PartyViews.RecordPage read(PartyCaller caller, long cellId, long memberId) {
		return work.asMember(caller, rights -> {
			rights.requireSees(cellId);
			var record = members.record(cellId, memberId).orElseThrow(() -> PartyException.of("party.error.noMember"));
			rights.requireReadsRecord(cellId, memberId);
			var names = villages.names(rights.unitCode());
			var cell = members.cell(rights.unitCode(), cellId).orElseThrow(() -> PartyException.of("party.error.noCell")).named(names);
			work.audit(rights, "party.member.read", "party_member", memberId, "");
			var cells = rights.committee() ? members.cells(rights.unitCode()).stream().filter(c -> c.id() != cellId).toList()
					: java.util.List.<PartyViews.Cell>of();
			return new PartyViews.RecordPage(cell, record.withMoves(members.moves(memberId)), rights.manages(cellId), cells);
		});
	}

	public void update(PartyCaller caller, long cellId, long memberId, Input in) {
		work.asMember(caller, rights -> {
			rights.requireSees(cellId);
			var fields = checked(in, work.today()); // a member of the cell learns what a record must hold, as other forms do
			rights.requireManages(cellId);
			members.record(cellId, memberId).orElseThrow(() -> PartyException.of("party.error.noMember"));
			members.updateRecord(memberId, fields);
			work.audit(rights, "party.member.recordChanged", "party_member", memberId, "cell " + cellId);
			return null;
		});
	}

	/** The committee moves a member to another cell of the commune; their secretary duty stays behind. */
	public void move(PartyCaller caller, long cellId, long memberId, long toCellId) {
		work.asMember(caller, rights -> {
			rights.requireSees(cellId);
			members.record(cellId, memberId).orElseThrow(() -> PartyException.of("party.error.noMember"));
			if (toCellId <= 0 || toCellId == cellId) { // the form first, as creating a cell does: a 400 for any member
				throw PartyException.of("toCell", "party.error.moveTo");
			}
			rights.requireCommittee();
			if (members.cell(rights.unitCode(), toCellId).isEmpty()) {
				throw PartyException.of("toCell", "party.error.moveTo");
			}
			members.move(rights.unitCode(), memberId, cellId, toCellId, work.today(), rights.actor());
			work.audit(rights, "party.member.moved", "party_member", memberId, "cell " + cellId + " -> " + toCellId);
			work.publish(new MemberMoved(rights.unitCode(), memberId, cellId, toCellId));
			return null;
		});
	}

	/** The typed record, checked: no date after today, made official not before admission, card 6–12 digits, a phone. */
	static PartyViews.RecordFields checked(Input in, LocalDate today) {
		var admitted = date("admittedOn", in.admittedOn(), today);
		var official = date("officialOn", in.officialOn(), today);
		if (admitted != null && official != null && official.isBefore(admitted)) {
			throw PartyException.of("officialOn", "party.error.officialBeforeAdmitted");
		}
		var card = blankToNull(in.cardNumber());
		if (card != null && !card.matches("[0-9]{6,12}")) {
			throw PartyException.of("cardNumber", "party.error.cardNumber");
		}
		var year = blankToNull(in.birthYear());
		Integer birthYear = null;
		if (year != null) {
			if (!year.matches("[0-9]{4}") || Integer.parseInt(year) < 1900 || Integer.parseInt(year) > today.getYear() - 18) {
				throw PartyException.of("birthYear", "party.error.birthYear");
			}
			birthYear = Integer.parseInt(year);
		}
		var phone = blankToNull(in.phone());
		if (phone != null) {
			var normal = phone.matches("[+0-9 .()-]{9,16}") ? PersonalData.normalisePhone(phone) : null;
			if (normal == null) {
				throw PartyException.of("phone", "party.error.phone");
			}
			phone = normal;
		}
		if (admitted != null && birthYear != null && admitted.getYear() < birthYear + 18) {
			throw PartyException.of("admittedOn", "party.error.admittedYoung");
		}
		return new PartyViews.RecordFields(admitted, official, card, birthYear, phone);
	}

	private static @Nullable LocalDate date(String field, @Nullable String typed, LocalDate today) {
		var value = blankToNull(typed);
		if (value == null) {
			return null;
		}
		LocalDate d;
		try {
			d = LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw PartyException.of(field, "party.error.recordDate");
		}
		if (d.isAfter(today)) {
			throw PartyException.of(field, "party.error.futureDate");
		}
		if (d.getYear() < 1930) {
			throw PartyException.of(field, "party.error.recordDate");
		}
		return d;
	}

	private static @Nullable String blankToNull(@Nullable String typed) {
		var v = typed == null ? "" : typed.strip();
		return v.isEmpty() ? null : v;
	}
}
