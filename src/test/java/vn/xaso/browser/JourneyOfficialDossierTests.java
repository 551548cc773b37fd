package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 11, the officials' flagship journey at a 1280-px desk: a marriage registration submitted online (setup,
 * through the service) is received by the one-stop officer, handed to the civil-status officer, proposed,
 * approved and signed by the chairman, and the result returned, each official starting from the workspace and
 * clicking only what is on the screen. Then the citizen downloads the signed result from their dossier page.
 */
@XasoIntegrationTest
class JourneyOfficialDossierTests {

	static final int DESK = 1280;
	static final String RESULT_LINK = "Tải kết quả đã ký số (PDF)";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Test
	void anOnlineDossierFromReceptionToTheSignedResult() throws Exception {
		var phone = "0973" + String.format("%06d", System.nanoTime() % 1_000_000);
		new WebSession(port).signInCitizen(phone, outbox);
		var me = DossierFixtures.citizen(jdbc, phone);
		var receipt = dossiers.submit(me, new NewDossier(DossierFixtures.YEN_MO, DossierFixtures.MARRIAGE, Channel.ONLINE, null,
				DossierFixtures.applicant(phone), DossierFixtures.marriageForm(), null),
				List.of(new Upload("to-khai-ket-hon.pdf", DossierFixtures.pdf(), "TK"),
						new Upload("IMG_20261206.png", DossierFixtures.png(), "XNHN")));
		var code = receipt.code();

		// The one-stop officer receives it and hands it to the civil-status officer.
		var walk = Journey.start(browser, "official-dossier", "/signin", DESK);
		signIn(walk, "yenmo.motcua");
		assertThat(walk.text()).containsPattern("Hồ sơ chờ tiếp nhận \\([0-9]+\\)");
		walk.click("Hồ sơ chờ tiếp nhận");
		open(walk, code);
		assertThat(walk.text()).contains("Hồ sơ người dân đã nộp", "Giấy xác nhận tình trạng hôn nhân", "04/05/1998");
		walk.click("Tiếp nhận");
		assertThat(walk.text()).contains("Đã thực hiện: Tiếp nhận");
		// Other tests may add officials to the shared demo commune: pick the civil-status officer by name.
		walk.choose("Giao cho công chức", "Trần Văn Minh");
		walk.click("Chuyển xử lý");
		assertThat(walk.text()).contains("Trần Văn Minh");
		walk.click("Đăng xuất");

		// The civil-status officer proposes it to the chairman.
		signIn(walk, "yenmo.tuphap");
		walk.click("Hồ sơ tôi đang xử lý");
		open(walk, code);
		walk.click("Trình lãnh đạo duyệt");
		walk.click("Đăng xuất");

		// The chairman approves and signs.
		signIn(walk, "yenmo.chutich");
		walk.click("Hồ sơ chờ duyệt và ký");
		open(walk, code);
		walk.fill("Mật khẩu chữ ký số", DemoData.SIGNING_PASSWORD);
		walk.click("Duyệt và ký số");
		assertThat(walk.text()).contains("Đã thực hiện: Duyệt và ký số");
		walk.click("Đăng xuất");

		// The one-stop officer releases and returns the result online.
		signIn(walk, "yenmo.motcua");
		walk.click("Kết quả chờ trả cho người dân");
		open(walk, code);
		// seal, out to the desk and back to the citizen in one step (the seal is required before the desk)
		walk.fill("Mật khẩu chữ ký số của cơ quan (đóng dấu)", DemoData.SIGNING_PASSWORD);
		walk.click("Trả kết quả");
		assertThat(walk.text()).contains("Đã thực hiện: Trả kết quả");
		walk.assertScreensAtMost(22);

		// The citizen (signed in beforehand, setup) opens "Hồ sơ của tôi" and downloads the signed result.
		walk.click("Đăng xuất");
		JourneyPayFeeTests.citizenSignsIn(browser, phone);
		var citizen = Journey.continueHere(browser, "citizen-signed-result", 360);
		citizen.click("Hồ sơ của tôi");
		citizen.click("Thủ tục đăng ký kết hôn");
		assertThat(citizen.text()).contains(code, "Đã trả kết quả");
		var link = browser.findAll("a").stream().filter(a -> a.isDisplayed() && a.getText().strip().equals(RESULT_LINK)).findFirst()
			.orElseThrow(() -> new AssertionError("no visible «" + RESULT_LINK + "» link"));
		var pdf = download(link.getAttribute("href"));
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(BrowserDossierJourneyTests.pdfsig(pdf)).contains("Signature is Valid");
		citizen.assertScreensAtMost(3);
	}

	/** Fetches what a link points to with the browser's session cookie, as the browser's download would. */
	private static byte[] download(String url) throws Exception {
		var cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
		var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
			.header("Cookie", cookies).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

	/** Signs in on the sign-in page the walk is on (it is where signing out leads), landing on the workspace. */
	static void signIn(Journey walk, String username) {
		if (!walk.path().startsWith("/signin")) {
			walk.click("Đăng nhập");
		}
		walk.fill("Tên đăng nhập", username);
		walk.fill("Mật khẩu", DemoData.PASSWORD);
		walk.clickWithin("main", "Đăng nhập");
		assertThat(walk.path()).isEqualTo("/workspace");
	}

	/** Opens the dossier from the list on the screen, or finds it by its code when the list is long. */
	static void open(Journey walk, String code) {
		if (!walk.text().contains(code)) {
			walk.fill("Tìm", code);
			walk.click("Tìm");
		}
		walk.click(code);
		assertThat(walk.text()).contains(code);
	}
}
