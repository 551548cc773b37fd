package vn.xaso.audit;

import java.util.List;

/**
 * Several entries of one unit's chain, appended in order by one listener call (two statements whatever their number):
 * what a use case publishes when one change leaves several lines in the log.
 */
public record AuditEvents(List<AuditEvent> entries) {

	public AuditEvents {
		entries = List.copyOf(entries);
		var unit = entries.isEmpty() ? null : entries.get(0).unitCode();
		if (entries.stream().anyMatch(e -> !e.unitCode().equals(unit))) {
			throw new IllegalArgumentException("AuditEvents holds one unit's entries");
		}
	}
}
