package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The acceptance journey, all in the browser: a citizen submits a birth registration (1.001193) online with the
 * e-form and attached scans; the one-stop officer receives it and assigns it to the specialist; the specialist
 * proposes it for approval; the chairman approves and signs with the signing password; the specialist sends the
 * result to the counter; the one-stop officer returns it online; the citizen downloads a result whose signature pdfsig reports valid, opens the public verification
 * page of its QR, and rates the service.
 *
 * <p>Birth registration on time is free (Luật Hộ tịch; the catalogue has it as free), so the payment part uses a
 * procedure with a fee the citizen can submit online: certified copies (2.000815, 2,000 đ a page for pages 1–2,
 * 1,000 đ from page 3). After the officer receives it, the citizen sees the VietQR code, the payload text and the
 * account; the bank's notification is simulated locally by an HMAC-signed POST to
 * /api/v1/payments/bank-notifications, exactly as the payments module documents its contract; "I have paid" then
 * shows the fee paid.
 */
@XasoIntegrationTest
class BrowserDossierJourneyTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");
	static final Pattern DOSSIER = Pattern.compile("/citizen/dossiers/([0-9]+)");
	static final String DEMO_WEBHOOK_SECRET = "XaSo-demo-bank-webhook-secret-2026";

	@Test
	void birthRegistrationFromSubmissionToSignedResultAndRating() throws Exception {
		var phone = "0988" + String.format("%06d", System.nanoTime() % 1_000_000);
		citizenSignsIn(phone);
		browser.open("/citizen");
		assertThat(browser.bodyText()).contains("Hồ sơ của tôi", "Kho giấy tờ của tôi");

		browser.open("/citizen/dossiers/new?procedure=1.001193&unit=14701");
		assertThat(browser.h1()).isEqualTo("Thủ tục đăng ký khai sinh");
		BrowserDossierShots.both(browser, "citizen-start");
		fillBirthForm(phone);
		browser.clickAndWait("main form[action='/citizen/dossiers'] button[type=submit]");
		var draftPath = browser.path();
		assertThat(draftPath).matches("/citizen/dossiers/[0-9]+\\?saved");
		assertThat(browser.bodyText()).contains("Đã lưu nháp");
		long id = Long.parseLong(draftPath.replaceAll("\\D*([0-9]+).*", "$1"));

		// Resume later: the draft keeps what was typed.
		browser.open("/citizen/dossiers");
		browser.clickAndWait(browser.find("a[href='/citizen/dossiers/" + id + "']"));
		assertThat(browser.find("#f-ef_childName").getAttribute("value")).isEqualTo("Phạm Minh An");

		browser.find("#f-upload").sendKeys(png("giay-chung-sinh").toString());
		new Select(browser.find("#f-paperCode")).selectByValue("GCS");
		browser.clickAndWait("#attach-file");
		assertThat(browser.bodyText()).contains("Đã đính kèm 1 tệp", "giay-chung-sinh");
		// The declaration (TK) is the e-form itself: it is not offered as an upload and not asked for.
		assertThat(browser.findAll("#f-paperCode option[value='TK']")).isEmpty();
		BrowserDossierShots.both(browser, "citizen-draft");
		browser.clickAndWait("#submit-dossier");
		assertThat(browser.bodyText()).contains("Đã nộp hồ sơ. Mã hồ sơ của bạn là");
		var code = browser.find(".dossier-code").getText();
		BrowserDossierShots.both(browser, "citizen-submitted");
		assertThat(download("/citizen/dossiers/" + id + "/receipt.pdf")).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

		// Public tracking: right code and phone digits show the state, no personal data.
		browser.signOut();
		browser.open("/dossiers/track?code=" + code);
		browser.type("#f-phone4", phone.substring(phone.length() - 4));
		browser.clickAndWait("main form button[type=submit]");
		assertThat(browser.bodyText()).contains(code, "Đã nộp, chờ tiếp nhận").doesNotContain("Trần Thị Hoa", phone);
		BrowserDossierShots.both(browser, "track-found");

		// The one-stop officer receives it and assigns it to the civil-status specialist.
		browser.signIn("yenmo.motcua", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers?tab=new&q=" + code); // the shared test queue may be longer than a page
		assertThat(browser.bodyText()).contains(code);
		browser.clickAndWait(browser.find("a[href='/dossiers/" + id + "']"));
		BrowserDossierShots.both(browser, "official-detail-new");
		browser.clickAndWait("#do-receive");
		assertThat(browser.bodyText()).contains("Đã thực hiện", "Đã tiếp nhận");
		new Select(browser.find("#f-assign-assignee")).selectByValue("yenmo.tuphap");
		browser.clickAndWait("#do-assign");
		assertThat(browser.bodyText()).contains("Đang giải quyết");
		browser.signOut();

		// The specialist processes it and proposes it for approval.
		browser.signIn("yenmo.tuphap", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers?tab=mine&q=" + code); // the shared test queue may be longer than a page
		browser.clickAndWait(browser.find("a[href='/dossiers/" + id + "']"));
		// First the birth extract is completed on the result page (prefilled from the e-form): no blanks are signed.
		browser.clickAndWait("#result-sheet");
		boolean father = !browser.find("#f-fatherName").getAttribute("value").isBlank();
		for (var input : browser.findAll("form[action$='/result'] input[type=text]")) {
			var name = input.getAttribute("name");
			if (input.getAttribute("value").isBlank() && !name.equals("fatherName") && (father || !name.startsWith("father"))) {
				input.sendKeys(name.endsWith("BirthDate") ? "1995" : name.endsWith("IdNumber") ? "037226001122" : "Xã Yên Mô, tỉnh Ninh Bình");
			}
		}
		browser.clickAndWait("#result-save");
		assertThat(browser.bodyText()).contains("Đã lưu kết quả", "Sổ đăng ký khai sinh");
		assertThat(download("/dossiers/" + id + "/result/preview.pdf")).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
		browser.open("/dossiers/" + id);
		browser.type("#f-propose-note", "Đã đối chiếu giấy chứng sinh, đủ điều kiện đăng ký.");
		browser.clickAndWait("#do-propose");
		assertThat(browser.bodyText()).contains("Chờ lãnh đạo duyệt");
		browser.signOut();

		// The chairman approves and signs; a wrong signing password is refused in plain words.
		browser.signIn("yenmo.chutich", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers?tab=approval&q=" + code); // the shared test queue may be longer than a page
		browser.clickAndWait(browser.find("a[href='/dossiers/" + id + "']"));
		browser.type("#f-approve-signingPassword", "sai-mat-khau");
		browser.clickAndWait("#do-approve");
		assertThat(browser.find(".error-summary").getText()).isNotBlank();
		BrowserDossierShots.both(browser, "official-approve-wrong-password");
		browser.type("#f-approve-signingPassword", DemoData.SIGNING_PASSWORD);
		browser.clickAndWait("#do-approve");
		assertThat(browser.bodyText()).contains("Đã duyệt và ký");
		browser.signOut();

		// Seal before the desk: the specialist cannot send an unsealed result out; the clerk, who keeps the seal,
		// reaches it from her workspace card and seals it.
		browser.signIn("yenmo.tuphap", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers/" + id);
		browser.clickAndWait("#do-release");
		assertThat(browser.bodyText()).contains("chưa được đóng dấu");
		browser.signOut();
		browser.signIn("yenmo.vanthu", BrowserSignInTests.PASSWORD);
		browser.open("/workspace");
		browser.clickAndWait(browser.find("a[href='/dossiers/seal']"));
		browser.clickAndWait(browser.find("a[href='/dossiers/" + id + "/result']"));
		browser.type("#f-password", DemoData.SIGNING_PASSWORD);
		browser.clickAndWait("#result-seal");
		assertThat(browser.bodyText()).contains("Đã đóng dấu");
		browser.signOut();
		browser.signIn("yenmo.tuphap", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers/" + id);
		browser.clickAndWait("#do-release");
		assertThat(browser.bodyText()).contains("Có kết quả, chờ trả");
		browser.signOut();

		// The one-stop officer returns it online.
		browser.signIn("yenmo.motcua", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers/" + id);
		new Select(browser.find("#f-return-returnMethod")).selectByValue("ONLINE");
		browser.clickAndWait("#do-return");
		assertThat(browser.bodyText()).contains("Đã trả kết quả");
		BrowserDossierShots.both(browser, "official-detail-returned");
		browser.signOut();

		// The citizen downloads the signed result, checks it, and rates the service.
		citizenSignsIn(phone);
		browser.open("/citizen/dossiers/" + id);
		assertThat(browser.findAll("#download-result")).hasSize(1);
		BrowserDossierShots.both(browser, "citizen-result");
		var pdf = download("/citizen/dossiers/" + id + "/result.pdf");
		assertThat(pdfsig(pdf)).contains("Signature is Valid");

		// The public verification page the result's QR opens: who signed, when, valid; the original PDF.
		var verifyHref = browser.find("#verify-result").getAttribute("href");
		browser.clickAndWait("#verify-result");
		assertThat(browser.bodyText()).contains("Chữ ký số hợp lệ", "Đinh Văn Hùng", code);
		BrowserDossierShots.both(browser, "verify");
		var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(verifyHref + "/pdf")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).isEqualTo(pdf);
		browser.open("/citizen/dossiers/" + id);

		browser.find("label[for='star-5']").click();
		browser.type("#f-comment", "Cán bộ hướng dẫn tận tình.");
		browser.clickAndWait("form[action='/citizen/dossiers/" + id + "/rate'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Cảm ơn bạn đã đánh giá", "Bạn đã đánh giá 5/5");

		browser.open("/citizen/papers");
		BrowserDossierShots.both(browser, "citizen-papers");
	}

	@Test
	void feePaidByVietQrWithTheBankNotificationSimulatedLocally() throws Exception {
		var phone = "0987" + String.format("%06d", System.nanoTime() % 1_000_000);
		citizenSignsIn(phone);
		browser.open("/citizen/dossiers/new?procedure=2.000815&unit=14701");
		browser.type("#f-ef_requesterName", "Trần Thị Hoa");
		browser.type("#f-ef_requesterCccd", "037190001234");
		browser.type("#f-ef_requesterPhone", phone);
		browser.type("#f-ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
		browser.type("#f-ef_documentName", "Bằng tốt nghiệp THPT");
		browser.type("#f-ef_pages", "3");
		browser.type("#f-ef_copies", "2");
		browser.clickAndWait("main form[action='/citizen/dossiers'] button[type=submit]");
		long id = Long.parseLong(browser.path().replaceAll("\\D*([0-9]+).*", "$1"));
		browser.find("#f-upload").sendKeys(png("bang-tot-nghiep").toString());
		browser.clickAndWait("#attach-file");
		browser.clickAndWait("#submit-dossier");
		assertThat(browser.bodyText()).contains("Đã nộp hồ sơ");
		browser.signOut();

		browser.signIn("yenmo.motcua", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers/" + id);
		browser.clickAndWait("#do-receive");
		browser.signOut();

		citizenSignsIn(phone);
		browser.open("/citizen/dossiers/" + id);
		assertThat(browser.find(".amount").getText()).isEqualTo("10.000 đ");
		assertThat(browser.find(".pay-box img").getAttribute("naturalWidth")).isNotEqualTo("0");
		var payload = browser.find("#f-payload").getAttribute("value");
		assertThat(payload).startsWith("000201").contains("A000000727");
		BrowserDossierShots.both(browser, "citizen-fee");
		var values = browser.findAll(".pay-box dd").stream().map(e -> e.getText()).toList();
		var account = values.get(1);
		var reference = values.get(3);

		// "I have paid" before the bank said so: not yet, and no second transfer.
		browser.clickAndWait("#i-have-paid");
		assertThat(browser.bodyText()).contains("Chưa nhận được xác nhận chuyển khoản");

		var body = ("{\"id\":\"FT" + System.nanoTime() + "\",\"gateway\":\"Agribank\",\"transactionDate\":\"2026-11-23 09:15:00\","
				+ "\"accountNumber\":\"" + account + "\",\"content\":\"" + reference + " nop phi\",\"transferType\":\"in\","
				+ "\"transferAmount\":10000}").getBytes(StandardCharsets.UTF_8);
		var timestamp = Long.toString(System.currentTimeMillis() / 1000);
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(DEMO_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
		var signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url("/api/v1/payments/bank-notifications")))
			.header("Content-Type", "application/json").header("X-XaSo-Timestamp", timestamp).header("X-XaSo-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		browser.clickAndWait("#i-have-paid");
		assertThat(browser.bodyText()).contains("Đã nhận được tiền phí", "Đã nộp đủ 10.000 đ");
		BrowserDossierShots.both(browser, "citizen-fee-paid");
	}

	private void fillBirthForm(String phone) {
		browser.type("#f-ef_requesterName", "Trần Thị Hoa");
		browser.type("#f-ef_requesterCccd", "037190001234");
		browser.type("#f-ef_requesterPhone", phone);
		browser.type("#f-ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
		new Select(browser.find("#f-ef_requesterRelation")).selectByVisibleText("Mẹ");
		browser.type("#f-ef_childName", "Phạm Minh An");
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-11-10'", browser.find("#f-ef_childBirthDate"));
		new Select(browser.find("#f-ef_childSex")).selectByVisibleText("Nam");
		browser.type("#f-ef_childBirthPlace", "Trạm y tế xã Yên Mô, tỉnh Ninh Bình");
		browser.type("#f-ef_childEthnicity", "Kinh");
		browser.type("#f-ef_childNationality", "Việt Nam");
		browser.type("#f-ef_motherName", "Trần Thị Hoa");
		browser.type("#f-ef_fatherName", "Phạm Văn Dũng");
		browser.find("#f-ef_pledge").click();
	}

	private void citizenSignsIn(String phone) {
		browser.open("/citizen/signin");
		browser.type("#f-phone", phone);
		browser.clickAndWait("form[action='/citizen/otp'] button[type=submit]");
		var matcher = SIX_DIGITS.matcher(browser.find("#demo-sms").getText());
		assertThat(matcher.find()).isTrue();
		browser.type("#f-code", matcher.group(1));
		browser.clickAndWait("form[action='/citizen/verify'] button[type=submit]");
		assertThat(browser.path()).isEqualTo("/citizen");
	}

	/** Fetches a file with the browser's session cookie, as the browser's download would. */
	private byte[] download(String path) throws Exception {
		var cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url(path))).header("Cookie", cookies).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	static Path png(String name) throws Exception {
		var file = Files.createTempFile(name + "-", ".png");
		var image = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, 200, 120);
		g.setColor(java.awt.Color.BLACK);
		g.drawString(name, 10, 60);
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	static String pdfsig(byte[] pdf) throws Exception {
		var file = Files.createTempFile("xaso-result", ".pdf");
		try {
			Files.write(file, pdf);
			var process = new ProcessBuilder("/usr/bin/pdfsig", file.toString()).redirectErrorStream(true).start();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return output;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
