package vn.xaso.party.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * How every party use case runs: in a transaction of its own in the scope of the caller's commune, which first names
 * the caller ({@code app.party_person}), finds their own active membership — none: "not found", whoever they are,
 * an administrator included — and then opens the party scope row-level security checks: every cell for a member of
 * the commune party committee, their own cell for anyone else, their own notes. Audit entries name ids and kinds only,
 * never contents (administrators read the audit log).
 */
@Component
class PartyWork {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final TransactionTemplate tx;
	private final MemberTable members;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PartyWork(PlatformTransactionManager transactions, MemberTable members, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.members = members;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Runs {@code work} for a party member, in their party scope; anyone else is refused as "not found". */
	<T> T asMember(PartyCaller caller, Function<PartyRights, T> work) {
		var unit = caller.isCitizen() ? citizenUnit(caller) : caller.unitCode();
		if (unit == null || unit.isBlank()) {
			throw PartyException.of("party.error.notMember");
		}
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> {
			members.scope("app.party_person", caller.person());
			var me = open(members.membership(unit, caller).orElseThrow(() -> PartyException.of("party.error.notMember")));
			return work.apply(new PartyRights(me, caller));
		}));
	}

	/** The caller's membership, if any (for the workspace link): nothing else is read. */
	java.util.Optional<vn.xaso.party.PartyMembership.Membership> membership(PartyCaller caller) {
		var unit = caller.isCitizen() ? citizenUnit(caller) : caller.unitCode();
		if (unit == null || unit.isBlank()) {
			return java.util.Optional.empty();
		}
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> {
			members.scope("app.party_person", caller.person());
			return members.membership(unit, caller).map(this::open);
		}));
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
	<T> T organising(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> {
			members.scope("app.party_cells", "*");
			return work.get();
		}));
	}

	private String citizenUnit(PartyCaller caller) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> {
			members.scope("app.party_person", caller.person());
			return members.unitOfCitizen(caller.citizenId()).orElse("");
		}));
	}

	void audit(PartyRights who, String action, String entity, Object id, String change) {
		audit.record(AuditEvent.of(who.unitCode(), who.actor(), action).on(entity, id).change(null, change));
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		audit.record(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

	Instant now() {
		return clock.instant();
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), VIETNAM);
	}
}
