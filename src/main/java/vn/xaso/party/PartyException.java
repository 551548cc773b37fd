package vn.xaso.party;

import java.util.Map;
import java.util.Set;

import vn.xaso.platform.Refusal;

/**
 * A refused party request: {@code field} names the input at fault ({@code ""} for the whole request), the message is a
 * key of {@code i18n/party} shown in the reader's language ({@link #localMessage()}); nothing was changed.
 */
public class PartyException extends Refusal {

	static final String BUNDLE = "i18n/party";

	/** Refusals that answer "not found": the caller is no member of it (or it does not exist) — nothing is given away. */
	private static final Set<String> NOT_FOUND = Set.of("party.error.notMember", "party.error.noCell", "party.error.noMeeting",
			"party.error.noFile", "party.error.noMember");

	private PartyException(String field, Text text) {
		super(BUNDLE, Map.of(field, text));
	}

	public static PartyException of(String field, String key, Object... args) {
		return new PartyException(field, new Text(key, args));
	}

	/** A refusal of the whole request (no field). */
	public static PartyException of(String key) {
		return new PartyException("", new Text(key));
	}

	public boolean notFound() {
		var k = key();
		return k != null && NOT_FOUND.contains(k);
	}

	/** The step is someone else's (a secretary's, the committee's): 403. */
	public boolean forbidden() {
		return "party.error.secretaryOnly".equals(key()) || "party.error.committeeOnly".equals(key())
				|| "party.error.adminOnly".equals(key()) || "party.error.recordOnly".equals(key());
	}
}
