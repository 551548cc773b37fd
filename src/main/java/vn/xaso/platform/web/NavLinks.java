package vn.xaso.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Component;

/** All modules' {@link NavLink} cards, in order, filtered for one viewer. */
@Component
public class NavLinks {

	private final List<NavLink> links;
	private final ObjectProvider<NavCount> counts;

	NavLinks(List<NavLink> links, ObjectProvider<NavCount> counts) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavLink::order)).toList();
		this.counts = counts;
	}

	/** The numbers to show beside the viewer's cards, by card address (cards without a counter are absent). */
	public Map<String, Long> countsFor(Viewer viewer) {
		var visible = visibleTo(viewer).stream().map(NavLink::href).toList();
		var result = new LinkedHashMap<String, Long>();
		counts.orderedStream().filter(c -> visible.contains(c.href())).forEach(c -> result.put(c.href(), c.count(viewer)));
		return result;
	}

	public List<NavLink> visibleTo(Viewer viewer) {
		return links.stream().filter(link -> link.visibleTo(viewer)).toList();
	}
}
