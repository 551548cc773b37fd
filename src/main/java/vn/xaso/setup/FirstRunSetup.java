package vn.xaso.setup;

/**
 * Whether this instance is still waiting for its first-run setup. While it is, only the setup
 * address, health and static assets answer (docs/modules/setup.md).
 */
public interface FirstRunSetup {

	/** True from a first start without demo data and without administrator until the wizard is finished. */
	boolean inProgress();
}
