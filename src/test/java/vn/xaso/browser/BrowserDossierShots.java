package vn.xaso.browser;

import org.openqa.selenium.Dimension;

/** Screenshots of a dossier page at phone width (360 px) and desktop width, with the axe check at each. */
final class BrowserDossierShots {

	private BrowserDossierShots() {
	}

	static void both(BrowserSupport browser, String name) {
		var window = browser.driver().manage().window();
		var before = window.getSize();
		try {
			window.setSize(new Dimension(360, 2000));
			browser.check("dossiers-" + name + "-360");
			window.setSize(new Dimension(1280, 1600));
			browser.screenshot("dossiers-" + name + "-desktop");
		}
		finally {
			window.setSize(before);
		}
	}
}
