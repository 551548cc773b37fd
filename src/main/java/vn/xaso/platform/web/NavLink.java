package vn.xaso.platform.web;

import java.util.Set;

/**
 * A card a module puts on the official's workspace or the citizen's home page. Declare one bean
 * per card; {@code roles} empty means every official (or every citizen). Titles and texts are
 * message keys.
 */
public record NavLink(Audience audience, int order, String href, String titleKey, String textKey, Set<String> roles) {

	public enum Audience { OFFICIAL, CITIZEN }

	public static NavLink official(int order, String href, String titleKey, String textKey, String... roles) {
		return new NavLink(Audience.OFFICIAL, order, href, titleKey, textKey, Set.of(roles));
	}

	public static NavLink citizen(int order, String href, String titleKey, String textKey) {
		return new NavLink(Audience.CITIZEN, order, href, titleKey, textKey, Set.of());
	}

	public boolean visibleTo(Viewer viewer) {
		if (viewer.official() != (audience == Audience.OFFICIAL)) {
			return false;
		}
		return roles.isEmpty() || roles.stream().anyMatch(viewer::hasRole);
	}
}
