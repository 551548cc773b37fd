package vn.xaso.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.identity.internal.CitizenSignIn;
import vn.xaso.platform.PersonalData;

/**
 * Citizen accounts known ahead of their first sign-in (e.g. registered at the counter, demo data). Reads the
 * {@code citizen} table; its one writer is {@link CitizenSignIn}.
 */
@Service
public class Citizens {

	private final JdbcClient jdbc;
	private final CitizenSignIn accounts;

	Citizens(JdbcClient jdbc, CitizenSignIn accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** Creates the citizen if the phone is new; keeps an existing name. Returns the citizen's id. */
	@Transactional
	public long ensure(String phone, String fullName) {
		var normalised = PersonalData.normalisePhone(phone);
		if (normalised == null) {
			throw AccountException.of("phone", "identity.error.phone");
		}
		return accounts.ensure(normalised, fullName);
	}

	/** Whether a citizen account with this id exists. */
	public boolean exists(long citizenId) {
		return jdbc.sql("select exists (select 1 from citizen where id = ?)").param(citizenId).query(Boolean.class).single();
	}

	/** The id of the citizen with this mobile number, if there is one. */
	public java.util.Optional<Long> idByPhone(String phone) {
		var normalised = PersonalData.normalisePhone(phone);
		return normalised == null ? java.util.Optional.empty()
				: jdbc.sql("select id from citizen where phone = ?").param(normalised).query(Long.class).optional();
	}

	/** The citizen's verified mobile number (signed in with a one-time code to it), if they have one. */
	public java.util.Optional<String> verifiedPhone(long citizenId) {
		return jdbc.sql("select phone from citizen where id = ? and phone is not null").param(citizenId).query(String.class).optional();
	}
}
