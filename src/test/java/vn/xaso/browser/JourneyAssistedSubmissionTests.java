package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 11: a member of the community technology team, at the village cultural house with a phone (360 px),
 * submits a certified-copy request for an elderly villager who agrees in person, starting from the workspace
 * after signing in and clicking only what is on the screen. The dossier lands in the villager's own account
 * (by phone number) with the consent recorded.
 */
@XasoIntegrationTest
class JourneyAssistedSubmissionTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@org.springframework.beans.factory.annotation.Autowired
	vn.xaso.dossiers.Dossiers dossiers;

	@Test
	void aCommunityTeamMemberSubmitsForAnElderlyVillagerWithConsent() throws Exception {
		walk(browser, dossiers, "assisted-submission");
	}

	/** The whole walk, shared with {@link JourneyAssistedSubmissionNoJavaScriptTests}. */
	static void walk(BrowserSupport browser, vn.xaso.dossiers.Dossiers dossiers, String name) throws Exception {
		var phone = "0970" + String.format("%06d", System.nanoTime() % 1_000_000);
		var walk = Journey.start(browser, name, "/signin");
		JourneyOfficialDossierTests.signIn(walk, "yenmo.congnghe");
		walk.click("Nộp hồ sơ hộ người dân");
		walk.choose("Thủ tục", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận (2.000815)");
		walk.click("Mở tờ khai");
		walk.choose("Người dân đồng ý bằng cách nào?", "Đồng ý trực tiếp");
		walk.fill("Ghi chú về sự đồng ý", "Có con gái chứng kiến, tại nhà văn hoá thôn Yên Hòa");
		walk.tick("Tôi xác nhận người dân đã đồng ý");
		walk.fill("Họ, chữ đệm và tên người yêu cầu", "Phạm Văn Cường");
		walk.fill("Số căn cước của người yêu cầu", "037045003333");
		walk.fill("Số điện thoại di động", phone);
		walk.fill("Nơi cư trú của người yêu cầu", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình");
		walk.fill("Tên giấy tờ cần chứng thực bản sao", "Giấy chứng nhận quyền sử dụng đất");
		walk.fill("Số trang của giấy tờ", "2");
		walk.fill("Số bản sao cần chứng thực", "3");
		walk.attach("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", BrowserDossierJourneyTests.png("so-do-ban-chinh"));
		walk.attach("Bản sao cần chứng thực (nếu có)", BrowserDossierJourneyTests.png("so-do-ban-sao"));
		walk.click("Nộp hồ sơ hộ");
		assertThat(walk.text()).contains("Đã nộp hồ sơ hộ người dân", "Mã hồ sơ", "Ngày hẹn trả sẽ được báo khi cán bộ tiếp nhận hồ sơ");
		var code = java.util.regex.Pattern.compile("X14701-[0-9]{6}-[0-9]{4}").matcher(walk.text());
		assertThat(code.find()).isTrue();
		// The papers carry what they are: the one-stop officer sees them by name.
		var found = dossiers.search(vn.xaso.dossiers.DossierFixtures.ONE_STOP,
				new vn.xaso.dossiers.DossierSearch(code.group(), null, null, null, null, null, 1, 5)).rows();
		assertThat(found).hasSize(1);
		var dossier = dossiers.find(vn.xaso.dossiers.DossierFixtures.ONE_STOP, found.get(0).id()).orElseThrow();
		assertThat(dossier.files()).extracting(vn.xaso.dossiers.DossierFile::paperCode).contains("BC", "BS");
		assertThat(dossier.consent()).isNotNull();
		walk.assertScreensAtMost(5);
	}
}
