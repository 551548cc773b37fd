package vn.xaso.party.internal;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.party.PartyMembership.Membership;

/**
 * The rights aggregate: the one place that decides what a member may do. A member reads their own cell (its members,
 * meetings, materials, attendance), the library and the study materials meant for them, and writes their own notes
 * and read marks; the cell's secretary also manages the cell (members, meetings, materials, attendance, the cell's
 * study materials); a member of the commune party committee does all of that for every cell, creates cells, names
 * secretaries and committee members, and keeps the library. A refusal changes nothing; a cell the caller may not see
 * is "not found".
 */
public final class PartyRights {

	private final Membership me;
	private final PartyCaller caller;

	PartyRights(Membership me, PartyCaller caller) {
		this.me = me;
		this.caller = caller;
	}

	public Membership me() {
		return me;
	}

	String unitCode() {
		return me.unitCode();
	}

	String actor() {
		return caller.actor();
	}

	boolean committee() {
		return me.committee();
	}

	boolean sees(long cellId) {
		return me.committee() || me.cellId() == cellId;
	}

	/** Whether the member manages the cell: its secretary, or the committee. */
	boolean manages(long cellId) {
		return me.committee() || (me.secretary() && me.cellId() == cellId);
	}

	void requireSees(long cellId) {
		if (!sees(cellId)) {
			throw PartyException.of("party.error.noCell");
		}
	}

	void requireManages(long cellId) {
		requireSees(cellId);
		if (!manages(cellId)) {
			throw PartyException.of("party.error.secretaryOnly");
		}
	}

	/** A member's full record: their cell's secretary, the committee, or the member themself; else 403. */
	void requireReadsRecord(long cellId, long memberId) {
		requireSees(cellId);
		if (!manages(cellId) && me.memberId() != memberId) {
			throw PartyException.of("party.error.recordOnly");
		}
	}

	void requireCommittee() {
		if (!me.committee()) {
			throw PartyException.of("party.error.committeeOnly");
		}
	}

	/** Only the committee names secretaries and committee members; a secretary adds plain members. */
	void requireMayGiveDuties(boolean secretary, boolean committee) {
		if ((secretary || committee) && !me.committee()) {
			throw PartyException.of("party.error.committeeOnly");
		}
	}

	/** Typed text: trimmed, NFC, {@code min}..{@code max} characters, or the refusal {@code key} on {@code field}. */
	static String text(String field, @Nullable String typed, int min, int max, String key) {
		var value = typed == null ? "" : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
		if (value.length() >= min && value.length() <= max) {
			return value;
		}
		throw PartyException.of(field, key);
	}
}
