package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Upload;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21, a bulk action at a 1280-px desk: the one-stop officer of Xã Nga An receives five online dossiers at once
 * — from the workspace card "Hồ sơ chờ tiếp nhận", ticking each by its visible label, one button. Counts screens and
 * clicks after signing in; before, each dossier took opening it, "Tiếp nhận" and going back: 3 clicks and 2 screens
 * a dossier, 15 clicks for five.
 */
@XasoIntegrationTest
class JourneyBulkReceiveTests {

	static final int DESK = 1280;
	static final int DOSSIERS = 5;
	static final String NGA_AN = "16144";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOneStopOfficerReceivesFiveDossiersInOneGo() throws Exception {
		var me = DossierFixtures.citizen(jdbc, "0988000001");
		var codes = new ArrayList<String>();
		var ids = new ArrayList<Long>();
		for (int i = 0; i < DOSSIERS; i++) {
			var receipt = dossiers.submit(me, new NewDossier(NGA_AN, DossierFixtures.MARRIAGE, Channel.ONLINE, null,
					DossierFixtures.applicant("0988000001"), DossierFixtures.marriageForm(), null),
					List.of(new Upload("to-khai-ket-hon.pdf", DossierFixtures.pdf(), "TK"), new Upload("xac-nhan.png", DossierFixtures.png(), "XNHN")));
			codes.add(receipt.code());
			ids.add(receipt.dossierId());
		}

		var walk = Journey.start(browser, "bulk-receive", "/signin", DESK);
		JourneyOfficialDossierTests.signIn(walk, "ngaan.motcua");
		int clicksBefore = walk.clicks();
		int screensBefore = walk.screens();
		walk.click("Hồ sơ chờ tiếp nhận");
		for (var code : codes) {
			walk.tick("Chọn " + code);
		}
		walk.click("Tiếp nhận các hồ sơ đã đánh dấu");
		assertThat(walk.text()).contains("Đã tiếp nhận " + DOSSIERS + "/" + DOSSIERS + " hồ sơ.").contains(codes.toArray(String[]::new));
		for (var id : ids) {
			var d = dossiers.find(DossierFixtures.NGA_AN_ONE_STOP, id).orElseThrow();
			assertThat(d.state()).isEqualTo("received");
			assertThat(d.events().stream().filter(e -> e.action().equals("receive"))).hasSize(1);
		}
		int clicks = walk.clicks() - clicksBefore;
		int screens = walk.screens() - screensBefore;
		var report = "bulk receive " + DOSSIERS + " dossiers: " + screens + " screens, " + clicks + " clicks (before: " + 3 * DOSSIERS
				+ " clicks, " + 2 * DOSSIERS + " screens)\n" + String.join("\n", walk.steps());
		java.nio.file.Files.writeString(Journey.ROOT.resolve("bulk-receive").resolve("counts.txt"), report + "\n");
		System.out.println(report);
		assertThat(clicks).as(report).isLessThanOrEqualTo(DOSSIERS + 2);
		assertThat(screens).as(report).isLessThanOrEqualTo(2);
	}
}
