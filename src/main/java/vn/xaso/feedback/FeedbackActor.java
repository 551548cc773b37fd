package vn.xaso.feedback;

import java.util.Set;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/** An official acting on their own commune's feedback. */
public record FeedbackActor(String unitCode, String username, String fullName, Set<Role> roles) {

	public FeedbackActor {
		roles = Set.copyOf(roles);
	}

	public static FeedbackActor of(OfficialPrincipal p) {
		return new FeedbackActor(p.unitCode(), p.username(), p.fullName(), p.roleSet());
	}

	/** Who may triage and answer: leaders, specialists and one-stop officers. */
	public boolean handles() {
		return roles.contains(Role.LEADER) || roles.contains(Role.SPECIALIST) || roles.contains(Role.ONE_STOP);
	}
}
