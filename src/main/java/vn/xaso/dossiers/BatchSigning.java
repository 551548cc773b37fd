package vn.xaso.dossiers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Batch signing for the leader (issue 21): the leader reviews the results waiting for signature and signs the
 * chosen ones with one confirmation. The signing password (PKCS#12 password or token PIN) is checked once; it is
 * then kept in memory only, for {@link #GRANT_MINUTES} minutes and only for the same leader in the same browser
 * session, so a second batch within that time needs no new password; it is wiped when the time is up. Every
 * dossier is still signed on its own (its own signature, timeline entry and audit entry, its own transaction):
 * one failing dossier does not stop the others, and each outcome is reported. A dossier whose version moved
 * on (signed already, by a double submit or by someone else) is never signed twice.
 */
public interface BatchSigning {

	int GRANT_MINUTES = 5;

	/** One dossier to sign: its id and the version the leader reviewed. */
	record Item(long dossierId, long expectedVersion) {
	}

	/** What happened to one dossier of the batch. */
	record Outcome(long dossierId, @Nullable String code, boolean signed, String message) {
	}

	/**
	 * Signs the items. {@code password}: the signing password, or null/empty to use this session's grant if it is
	 * still valid. A wrong password or no grant: {@link DossierException} on {@code signingPassword}, nothing signed.
	 */
	List<Outcome> sign(Caller leader, String sessionKey, List<Item> items, char @Nullable [] password);

	/** Until when this leader's password is remembered for this session, if it is. */
	Optional<Instant> grantUntil(Caller leader, String sessionKey);

	/** Forgets the password now ("Kết thúc phiên ký"). */
	void endGrant(Caller leader, String sessionKey);
}
