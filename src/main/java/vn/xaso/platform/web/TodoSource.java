package vn.xaso.platform.web;

import java.util.List;

/**
 * What waits for one person, for the to-do list at the top of the official's workspace. Each module declares a bean
 * that counts its own work (documents to approve, dossiers at my step …); the workspace collects them, so modules do
 * not depend on each other. Asked once per workspace view: keep each count to one indexed query.
 */
public interface TodoSource {

	/** This viewer's items; empty when the module has nothing for their roles. */
	List<Todo> todos(Viewer viewer);

	/**
	 * One line of the to-do list: a message key with the count as argument {0}, the page that lists the things, and
	 * whether they are late (shown first and marked) or due soon.
	 */
	record Todo(int order, String href, String labelKey, long count, Urgency urgency) {

		public static Todo of(int order, String href, String labelKey, long count) {
			return new Todo(order, href, labelKey, count, Urgency.NORMAL);
		}
	}

	enum Urgency { LATE, DUE_SOON, NORMAL }
}
