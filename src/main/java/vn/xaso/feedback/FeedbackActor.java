package vn.xaso.feedback;

import java.util.Set;

import vn.xaso.identity.ActingOfficial;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/** An official acting on their own commune's feedback. */
public final class FeedbackActor extends ActingOfficial {

	public FeedbackActor(String unitCode, String username, String fullName, Set<Role> roles) {
		super(unitCode, username, fullName, roles);
	}

	public static FeedbackActor of(OfficialPrincipal p) {
		return new FeedbackActor(p.unitCode(), p.username(), p.fullName(), p.roleSet());
	}

	/** Who may triage and answer: leaders, specialists and one-stop officers. */
	public boolean handles() {
		return hasAny(Role.LEADER, Role.SPECIALIST, Role.ONE_STOP);
	}
}
