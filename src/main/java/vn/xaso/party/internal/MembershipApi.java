package vn.xaso.party.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyMembership;

/** The module's API: the caller's own membership only, read in its own transaction and scope. */
@Component
class MembershipApi implements PartyMembership {

	private final PartyWork work;

	MembershipApi(PartyWork work) {
		this.work = work;
	}

	@Override
	public Optional<Membership> of(PartyCaller caller) {
		return work.membership(caller);
	}
}
