package vn.xaso.party.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How every party use case runs: in a transaction of its own in the scope of the caller's commune, which first names
 * the caller ({@code app.party_person}), finds their own active membership — none: "not found", whoever they are,
 * an administrator included — and then opens the party scope row-level security checks: every cell for a member of
 * the commune party committee, their own cell for anyone else, their own notes. Audit entries name ids and kinds only,
 * never contents (administrators read the audit log).
 */
@Component
class PartyWork extends ScopedWork {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final MemberTable members;

	PartyWork(PlatformTransactionManager transactions, MemberTable members, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.own(transactions), events, clock);
		this.members = members;
	}

	/**
	 * The module's own jobs (reminders): every commune, every cell — only to find who to remind, nothing shown to anyone.
	 */
	<T> T allCells(java.util.function.Supplier<T> work) {
		return systemWide(() -> {
			members.scope("app.party_cells", "*");
			return work.get();
		});
	}

	/** Runs {@code work} for a party member, in their party scope; anyone else is refused as "not found". */
	<T> T asMember(PartyCaller caller, Function<PartyRights, T> work) {
		var unit = caller.isCitizen() ? citizenUnit(caller) : caller.unitCode();
		if (unit == null || unit.isBlank()) {
			throw PartyException.of("party.error.notMember");
		}
		return asUnit(unit, () -> {
			members.scope("app.party_person", caller.person());
			var me = open(members.membership(unit, caller).orElseThrow(() -> PartyException.of("party.error.notMember")));
			return work.apply(new PartyRights(me, caller));
		});
	}

	/** The caller's membership, if any (for the workspace link): nothing else is read. */
	java.util.Optional<vn.xaso.party.PartyMembership.Membership> membership(PartyCaller caller) {
		var unit = caller.isCitizen() ? citizenUnit(caller) : caller.unitCode();
		if (unit == null || unit.isBlank()) {
			return java.util.Optional.empty();
		}
		return asUnit(unit, () -> {
			members.scope("app.party_person", caller.person());
			return members.membership(unit, caller).map(this::open);
		});
	}

	/** Opens the member's party scope for the rest of the transaction: every cell for the committee, else their own. */
	private vn.xaso.party.PartyMembership.Membership open(vn.xaso.party.PartyMembership.Membership me) {
		members.scope("app.party_cells", me.committee() ? "*" : String.valueOf(me.cellId()));
		members.scope("app.party_member", String.valueOf(me.memberId()));
		return members.withCellName(me);
	}

	/**
	 * The organisation's first committee member, registered by the commune's administrator: the whole commune's party
	 * scope only for the checks and inserts of that one step (see {@code OrganisingParty.setUp}).
	 */
	<T> T organising(String unitCode, java.util.function.Supplier<T> work) {
		return asUnit(unitCode, () -> {
			members.scope("app.party_cells", "*");
			return work.get();
		});
	}

	private String citizenUnit(PartyCaller caller) {
		return systemWide(() -> {
			members.scope("app.party_person", caller.person());
			return members.unitOfCitizen(caller.citizenId()).orElse("");
		});
	}

	void audit(PartyRights who, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(who.unitCode(), who.actor(), action).on(entity, id).change(null, change));
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
