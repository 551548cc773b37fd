package vn.xaso.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/** Issue 11: a villager registers a birth online from the commune home, with JavaScript on (see {@link BirthRegistrationWalk}). */
@XasoIntegrationTest
class JourneyBirthRegistrationTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void fromTheCommuneHomeToTheReceiptInAtMostTenScreens() throws Exception {
		BirthRegistrationWalk.walk(browser, "birth-registration");
	}
}
