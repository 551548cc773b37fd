package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 11: a citizen pays the fee of a certified copy (2.000815, 2.000 đ a page) by VietQR on a 360-px phone,
 * with and without JavaScript. Setup: the dossier submitted online and received by the one-stop officer
 * through the service; the citizen signs in. The walk starts at "Hồ sơ của tôi"; the bank's notification is
 * simulated with the signed webhook, as the bank would send it after the transfer.
 */
@XasoIntegrationTest
class JourneyPayFeeTests {

	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport plain = BrowserSupport.withoutJavaScript();

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Test
	void aCitizenPaysTheFeeByVietQr() throws Exception {
		walk(browser, "pay-fee");
	}

	@Test
	void aCitizenPaysTheFeeByVietQrWithoutJavaScript() throws Exception {
		walk(plain, "pay-fee-nojs");
	}

	private void walk(BrowserSupport phoneBrowser, String name) throws Exception {
		var phone = "0971" + String.format("%06d", System.nanoTime() % 1_000_000);
		new WebSession(port).signInCitizen(phone, outbox);
		var form = new LinkedHashMap<String, String>();
		form.put("documentName", "Bằng tốt nghiệp THPT");
		form.put("pages", "3");
		form.put("copies", "2");
		var receipt = dossiers.submit(DossierFixtures.citizen(jdbc, phone), new NewDossier(DossierFixtures.YEN_MO, DossierFixtures.COPY,
				Channel.ONLINE, null, DossierFixtures.applicant(phone), form, null),
				List.of(new Upload("bang-chinh.png", DossierFixtures.png(), "BC"), new Upload("ban-sao.png", DossierFixtures.png(), "BS")));
		var d = dossiers.find(DossierFixtures.ONE_STOP, receipt.dossierId()).orElseThrow();
		dossiers.act(DossierFixtures.ONE_STOP, d.id(), ActionRequest.of("receive", d.version(), ""));
		citizenSignsIn(phoneBrowser, phone);

		var walk = Journey.start(phoneBrowser, name, "/citizen/dossiers");
		walk.click("Chứng thực bản sao");
		assertThat(walk.text()).contains("10.000 đ");
		var values = phoneBrowser.findAll(".pay-box dd").stream().map(e -> e.getText()).toList();
		var account = values.get(1);
		var reference = values.get(3);

		bankSays(account, reference, 10_000);
		walk.click("Tôi đã chuyển tiền");
		assertThat(walk.text()).contains("Đã nhận được tiền phí");
		walk.assertScreensAtMost(3);
	}

	/** The bank's notification of an incoming transfer, signed with the demo webhook secret. */
	private void bankSays(String account, String reference, long amount) throws Exception {
		var body = ("{\"id\":\"FT" + System.nanoTime() + "\",\"gateway\":\"Agribank\",\"transactionDate\":\"2026-11-23 09:15:00\","
				+ "\"accountNumber\":\"" + account + "\",\"content\":\"" + reference + " nop phi\",\"transferType\":\"in\","
				+ "\"transferAmount\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
		var timestamp = Long.toString(System.currentTimeMillis() / 1000);
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(BrowserDossierJourneyTests.DEMO_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
		var signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/bank-notifications"))
			.header("Content-Type", "application/json").header("X-XaSo-Timestamp", timestamp).header("X-XaSo-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/** Setup, not part of the walk: the citizen signs in with the one-time code sent to the phone. */
	static void citizenSignsIn(BrowserSupport b, String phone) {
		b.open("/citizen/signin");
		b.type("#f-phone", phone);
		b.clickAndWait("form[action='/citizen/otp'] button[type=submit]");
		var matcher = SIX_DIGITS.matcher(b.find("#demo-sms").getText());
		assertThat(matcher.find()).isTrue();
		b.type("#f-code", matcher.group(1));
		b.clickAndWait("form[action='/citizen/verify'] button[type=submit]");
		assertThat(b.path()).isEqualTo("/citizen");
	}
}
