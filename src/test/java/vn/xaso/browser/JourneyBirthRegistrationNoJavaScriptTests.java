package vn.xaso.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/** Issue 11: a villager registers a birth online from the commune home, with JavaScript off: every step is a plain link or form post (see {@link BirthRegistrationWalk}). */
@XasoIntegrationTest
class JourneyBirthRegistrationNoJavaScriptTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Test
	void fromTheCommuneHomeToTheReceiptInAtMostTenScreens() throws Exception {
		BirthRegistrationWalk.walk(browser, "birth-registration-no-js");
	}
}
