package vn.xaso.party.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Citizens;
import vn.xaso.party.PartyException;
import vn.xaso.platform.PersonalData;

/**
 * Whose account a member is, through identity's API: an active official of the commune by username, or a citizen by
 * mobile number (registered ahead of their first sign-in if new, as the counter does).
 */
@Component
class PartyAccounts {

	/** An official's username or a citizen's id (exactly one). */
	record Account(@Nullable String username, @Nullable Long citizenId) {
	}

	private final Accounts accounts;
	private final Citizens citizens;

	PartyAccounts(Accounts accounts, Citizens citizens) {
		this.accounts = accounts;
		this.citizens = citizens;
	}

	/** An active official's phone (to send a reminder; never shown). */
	java.util.Optional<String> phoneOf(String unitCode, String username) {
		return accounts.activePhoneOf(unitCode, username);
	}

	Account resolve(String unitCode, @Nullable String typed, String fullName) {
		var value = typed == null ? "" : typed.strip();
		var phone = value.matches("[+0-9 .()-]{9,16}") ? PersonalData.normalisePhone(value) : null;
		if (phone != null) {
			return new Account(null, citizens.ensure(phone, fullName));
		}
		if (value.length() < 3 || value.length() > 100) {
			throw PartyException.of("account", "party.error.account");
		}
		return accounts.list(unitCode, value, 0, 20).items().stream()
			.filter(o -> o.active() && o.username().equals(value))
			.findFirst()
			.map(o -> new Account(o.username(), null))
			.orElseThrow(() -> PartyException.of("account", "party.error.account"));
	}
}
