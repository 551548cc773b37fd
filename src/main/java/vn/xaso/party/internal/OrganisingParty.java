package vn.xaso.party.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.party.CellCreated;
import vn.xaso.party.MemberAdded;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;

/**
 * The organisation of the commune's party: its cells and members. The commune's administrator registers the first
 * member of the commune party committee once — while the commune has none — and reads nothing; from then on only the
 * organisation itself changes: the committee creates cells, adds members to any cell, names secretaries and committee
 * members, moves members between cells; a cell's secretary adds plain members to their own cell and removes members of
 * it.
 */
@Service
public class OrganisingParty {

	/** The first committee member as typed by the administrator: their cell's name, account and name. */
	public record SetUp(@Nullable String cellName, @Nullable String account, @Nullable String fullName) {
	}

	/** A member as typed: an official's username or a citizen's mobile number, the name, duties. */
	public record NewMember(@Nullable String account, @Nullable String fullName, boolean secretary, boolean committee) {
	}

	private final MemberTable members;
	private final PartyAccounts accounts;
	private final PartyVillages villages;
	private final PartyWork work;

	OrganisingParty(MemberTable members, PartyAccounts accounts, PartyVillages villages, PartyWork work) {
		this.members = members;
		this.accounts = accounts;
		this.villages = villages;
		this.work = work;
	}

	/** Whether the commune still waits for its first committee member (the administrator's one step). */
	public boolean awaitingSetUp(OfficialPrincipal admin) {
		return admin.has(Role.ADMIN) && work.organising(admin.unitCode(), () -> !members.anyCommittee(admin.unitCode()));
	}

	/** The administrator registers the first committee member and their cell; refused once the commune has one. */
	public long setUp(OfficialPrincipal admin, SetUp in) {
		if (!admin.has(Role.ADMIN)) {
			throw PartyException.of("party.error.adminOnly");
		}
		var cellName = PartyRights.text("cellName", in.cellName(), 3, 150, "party.error.cellName");
		var fullName = PartyRights.text("fullName", in.fullName(), 2, 100, "party.error.fullName");
		var unit = admin.unitCode();
		return work.organising(unit, () -> {
			if (members.anyCommittee(unit)) {
				throw PartyException.of("party.error.alreadySetUp");
			}
			var account = accounts.resolve(unit, in.account(), fullName);
			long cell = members.insertCell(unit, cellName, null, admin.username())
				.orElseThrow(() -> PartyException.of("cellName", "party.error.cellTwice"));
			long member = members.upsert(new MemberTable.NewMember(unit, cell, fullName, account.username(), account.citizenId(), true, true,
					admin.username())).orElseThrow();
			work.audit(unit, admin.username(), "party.organisation.setUp", "party_member", member, "first committee member, cell " + cell);
			work.publish(new CellCreated(unit, cell, admin.username()));
			work.publish(new MemberAdded(unit, cell, member, true, true));
			return member;
		});
	}

	public long createCell(PartyCaller caller, @Nullable String name) {
		return createCell(caller, name, null);
	}

	/** A new cell, of a village of the commune ({@code villageCode} blank: a named cell — chi bộ cơ quan, trường học). */
	public long createCell(PartyCaller caller, @Nullable String name, @Nullable String villageCode) {
		return work.asMember(caller, rights -> {
			var n = PartyRights.text("cellName", name, 3, 150, "party.error.cellName");
			rights.requireCommittee();
			var village = villages.checked(rights.unitCode(), villageCode);
			long id = members.insertCell(rights.unitCode(), n, village, rights.actor())
				.orElseThrow(() -> PartyException.of("cellName", "party.error.cellTwice"));
			work.audit(rights, "party.cell.created", "party_cell", id, village == null ? "" : "village " + village);
			work.publish(new CellCreated(rights.unitCode(), id, rights.actor()));
			return id;
		});
	}

	/** The committee links a cell to a village of the commune, or to none ({@code villageCode} blank). */
	public void setVillage(PartyCaller caller, long cellId, @Nullable String villageCode) {
		work.asMember(caller, rights -> {
			rights.requireSees(cellId);
			var village = villages.checked(rights.unitCode(), villageCode); // the form first, as creating a cell does
			rights.requireCommittee();
			if (!members.setVillage(rights.unitCode(), cellId, village)) {
				throw PartyException.of("party.error.noCell");
			}
			work.audit(rights, "party.cell.village", "party_cell", cellId, village == null ? "no village" : "village " + village);
			return null;
		});
	}

	/** The committee names the commune's party organisation (đảng bộ xã), shown above the cells. */
	public void nameOrganisation(PartyCaller caller, @Nullable String name) {
		work.asMember(caller, rights -> {
			var n = PartyRights.text("organisation", name, 3, 150, "party.error.organisation");
			rights.requireCommittee();
			members.nameOrganisation(rights.unitCode(), n, rights.actor());
			work.audit(rights, "party.organisation.named", "party_organisation", rights.unitCode(), "");
			return null;
		});
	}

	public long addMember(PartyCaller caller, long cellId, NewMember in) {
		return work.asMember(caller, rights -> {
			var fullName = PartyRights.text("fullName", in.fullName(), 2, 100, "party.error.fullName");
			rights.requireManages(cellId);
			rights.requireMayGiveDuties(in.secretary(), in.committee());
			members.cell(rights.unitCode(), cellId).orElseThrow(() -> PartyException.of("party.error.noCell"));
			var account = accounts.resolve(rights.unitCode(), in.account(), fullName);
			long id = members.upsert(new MemberTable.NewMember(rights.unitCode(), cellId, fullName, account.username(), account.citizenId(),
					in.secretary(), in.committee(), rights.actor())).orElseThrow(() -> PartyException.of("account", "party.error.otherCell"));
			work.audit(rights, "party.member.added", "party_member", id,
					"cell " + cellId + (in.secretary() ? ", secretary" : "") + (in.committee() ? ", committee" : ""));
			work.publish(new MemberAdded(rights.unitCode(), cellId, id, in.secretary(), in.committee()));
			return id;
		});
	}

	/** Takes a member off the cell's list (their past attendance and read marks stay); not oneself. */
	public void removeMember(PartyCaller caller, long cellId, long memberId) {
		work.asMember(caller, rights -> {
			if (memberId <= 0) {
				throw PartyException.of("party.error.noMember");
			}
			rights.requireManages(cellId);
			if (rights.me().memberId() == memberId) {
				throw PartyException.of("party.error.notYourself");
			}
			if (!members.deactivate(cellId, memberId)) {
				throw PartyException.of("party.error.noMember");
			}
			work.audit(rights, "party.member.removed", "party_member", memberId, "cell " + cellId);
			return null;
		});
	}
}
