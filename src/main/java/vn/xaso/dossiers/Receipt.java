package vn.xaso.dossiers;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the caller is told when a dossier is submitted or received: its code, when, and the appointment date.
 * Serializable: the counter keeps it in the session (a flash attribute) for the page after the redirect.
 */
public record Receipt(long dossierId, String code, String state, Instant submittedAt, @Nullable LocalDate dueDate,
		@Nullable Long billId, long feeVnd) implements java.io.Serializable {
}
