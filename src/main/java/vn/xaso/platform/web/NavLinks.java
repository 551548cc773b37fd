package vn.xaso.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** All modules' {@link NavLink} cards, in order, filtered for one viewer. */
@Component
public class NavLinks {

	private final List<NavLink> links;

	NavLinks(List<NavLink> links) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavLink::order)).toList();
	}

	public List<NavLink> visibleTo(Viewer viewer) {
		return links.stream().filter(link -> link.visibleTo(viewer)).toList();
	}
}
