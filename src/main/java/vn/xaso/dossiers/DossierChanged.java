package vn.xaso.dossiers;

import java.time.Instant;

/**
 * What happened to a dossier, one past-tense record per kind of change, published in the transaction of the
 * change (listeners run in it: the citizen's notice is queued with the change or not at all).
 */
public sealed interface DossierChanged permits DossierSubmitted, DossierReceived, DossierAssigned, DossierForwarded,
		DossierSupplementRequested, DossierSupplemented, DossierRefused, DossierApproved, DossierResultReady, DossierReturned,
		DossierRescheduled, DossierPaid, DossierRated {

	String unitCode();

	long dossierId();

	String code();

	Instant at();
}
