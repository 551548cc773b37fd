package vn.xaso.audit;

import org.jspecify.annotations.Nullable;

/**
 * One change of state to record. Summaries are free text; personal numbers in them are masked
 * before they are stored.
 *
 * @param unitCode the unit whose chain the entry joins ({@link AuditLog#SYSTEM_UNIT} for none)
 * @param actor who did it: a username, {@code citizen:<id>}, or {@code system}
 * @param action a dotted verb, e.g. {@code signin.success}, {@code account.roles.changed}
 */
public record AuditEvent(String unitCode, String actor, String action, @Nullable String objectType,
		@Nullable String objectId, @Nullable String before, @Nullable String after) {

	public static AuditEvent of(String unitCode, String actor, String action) {
		return new AuditEvent(unitCode, actor, action, null, null, null, null);
	}

	public AuditEvent on(String type, Object id) {
		return new AuditEvent(unitCode, actor, action, type, String.valueOf(id), before, after);
	}

	public AuditEvent change(@Nullable String beforeSummary, @Nullable String afterSummary) {
		return new AuditEvent(unitCode, actor, action, objectType, objectId, beforeSummary, afterSummary);
	}
}
