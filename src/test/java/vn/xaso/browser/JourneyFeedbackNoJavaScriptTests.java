package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/** {@link JourneyFeedbackTests}' villager again, with JavaScript off: the same four screens, the village list says where. */
@XasoIntegrationTest
class JourneyFeedbackNoJavaScriptTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Test
	void theSameReportWorksWithoutJavaScript() throws IOException {
		assertThat(JourneyFeedbackTests.reportAndFind(browser, "feedback-villager-nojs", false)).matches(JourneyFeedbackTests.CODE);
	}

	@Test
	void trackingTheBoardAndTheRadioAreOneTapAwayWithoutJavaScript() {
		JourneyFeedbackTests.findsInOneTap(browser, "Tra cứu hồ sơ bằng mã", "/dossiers/track", "Tra cứu");
		JourneyFeedbackTests.findsInOneTap(browser, "Bảng công khai chất lượng phục vụ", "/board/14701", "Bảng công khai");
		JourneyFeedbackTests.findsInOneTap(browser, "Nghe lại loa truyền thanh", "/radio/14701", "");
	}
}
