package vn.xaso.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.dossiers.Dossiers;
import vn.xaso.testing.XasoIntegrationTest;

/** The assisted submission of {@link JourneyAssistedSubmissionTests} on a phone with JavaScript off: same screens. */
@XasoIntegrationTest
class JourneyAssistedSubmissionNoJavaScriptTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Autowired
	Dossiers dossiers;

	@Test
	void aCommunityTeamMemberSubmitsForAnElderlyVillagerWithoutJavaScript() throws Exception {
		JourneyAssistedSubmissionTests.walk(browser, dossiers, "assisted-submission-no-js");
	}
}
