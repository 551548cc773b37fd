package vn.xaso.dossiers;

import java.time.Instant;

/** The one-stop desk received the dossier and the clock started; {@code withSubmission}: received at the counter in the same step as the submission (whose notice tells the citizen). */
public record DossierReceived(String unitCode, long dossierId, String code, Instant at, java.time.LocalDate dueDate, boolean withSubmission) implements DossierChanged {
}
