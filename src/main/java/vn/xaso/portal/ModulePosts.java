package vn.xaso.portal;

/**
 * Notices that another module of the commune publishes on the portal by itself (the health station's vaccination and
 * screening rounds): no editor drafts them and no leader approves them; the module keeps each under a key of its own
 * ({@code "health-campaign-12"}) and may publish it again (the text is updated) or withdraw it. Called by the module's
 * own officials in their scope, inside the module's transaction (the post changes with the module's row or not at all).
 * Publishing publishes {@link PostPublished}, withdrawing {@link PostWithdrawn}.
 */
public interface ModulePosts {

	/** A notice as the module words it (the portal's limits: title ≤ 200, summary ≤ 500, text ≤ 20,000 characters). */
	record Notice(String category, String title, String summary, String body) {
	}

	/** Publishes now, for the whole commune, the notice kept under {@code key} (again: with the new text); the post's id. */
	long publishNotice(String unitCode, String key, Notice notice, String by);

	/** Takes the notice kept under {@code key} off the portal; false when none is published. */
	boolean withdrawNotice(String unitCode, String key, String by);
}
