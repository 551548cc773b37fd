package vn.xaso.platform.web;

/**
 * A number shown beside a workspace card's title ("Hồ sơ chờ tiếp nhận (4)"): a module declares one bean per
 * card it wants counted, keyed by the card's {@code href}. Counted when the workspace is opened, for the viewer.
 */
public interface NavCount {

	/** The {@link NavLink#href()} of the card this counts for. */
	String href();

	/** How many things wait for this viewer behind the card. */
	long count(Viewer viewer);
}
