package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.setup.FirstSignInLinks;

/** {@link FirstSignInLinks}: an account with an unknown password plus a one-use link, in one transaction. */
@Service
class FirstSignInInvitations implements FirstSignInLinks {

	private final Accounts accounts;
	private final InviteStore invites;

	FirstSignInInvitations(Accounts accounts, InviteStore invites) {
		this.accounts = accounts;
		this.invites = invites;
	}

	@Override
	@Transactional
	public Invitation invite(String unitCode, String username, String fullName, @Nullable String phone, Set<Role> roles,
			@Nullable String villageCode) {
		var name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		long id = accounts.create(unitCode, new Accounts.NewOfficial(name, fullName, null, phone, null, roles, villageCode,
				SetupOfficials.temporaryPassword()));
		var token = SetupTokens.random(24);
		invites.insert(token, unitCode, name, fullName == null ? "" : fullName.strip(), Instant.now().plus(SetupOfficials.INVITE_LIFE));
		return new Invitation(id, name, "/setup/welcome/" + token);
	}
}
