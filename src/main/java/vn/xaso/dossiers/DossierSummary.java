package vn.xaso.dossiers;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One line of a list or queue. {@code applicantName} is the name only; no CCCD or phone in lists. */
public record DossierSummary(long id, @Nullable String code, String procedureCode, String procedureName,
		String applicantName, Channel channel, String state, String stateLabel, @Nullable Instant submittedAt,
		@Nullable LocalDate dueDate, @Nullable String assignee, Timeliness timeliness) {
}
