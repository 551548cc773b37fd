package vn.xaso.setup;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.Role;

/**
 * Accounts opened by a commune's administrator outside the setup wizard (a community technology
 * team member, for example) get the same one-use first-sign-in link as the officials of the wizard:
 * the account is created with a password nobody knows, and the person chooses their own through the link.
 */
public interface FirstSignInLinks {

	/** The new account and the path of its link ({@code /setup/welcome/…}). */
	record Invitation(long accountId, String username, String path) {
	}

	/**
	 * Creates the account in {@code unitCode} with the given roles and issues its link.
	 *
	 * @throws vn.xaso.identity.AccountException a bad or taken username, a bad name or phone
	 */
	Invitation invite(String unitCode, String username, String fullName, @Nullable String phone, Set<Role> roles,
			@Nullable String villageCode);
}
