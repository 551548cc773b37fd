package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.dossiers.DossierFixtures.BIRTH;
import static vn.xaso.dossiers.DossierFixtures.MARRIAGE;
import static vn.xaso.dossiers.DossierFixtures.ONE_STOP;
import static vn.xaso.dossiers.DossierFixtures.YEN_MO;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.ReceiptSlips;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The receipt slip a person takes home (issue 11): its QR code and printed link lead to this server's own
 * address when no public address is configured (not to localhost:8080), it lists the papers by what they are,
 * and it says plainly when the return date will be set; public tracking takes the code however it was typed.
 */
@XasoIntegrationTest
class ReceiptAndTrackingTests {

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	static String phone(String prefix) {
		return prefix + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	static List<Upload> namedPapers() {
		return List.of(new Upload("IMG_2031.pdf", DossierFixtures.pdf(), "TK"), new Upload("scan-0001.png", DossierFixtures.png(), "GCS"),
				new Upload("scan-0002.png", DossierFixtures.png(), "GCS"));
	}

	@Test
	void theSlipsQrLeadsToThisServerAndListsPapersByWhatTheyAre() {
		var phone = phone("0978");
		new WebSession(port).signInCitizen(phone, outbox);
		var receipt = dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, BIRTH, Channel.COUNTER, DossierFixtures.citizenId(jdbc, phone),
				DossierFixtures.applicant(phone), DossierFixtures.birthForm("Phạm Gia Bảo"), null), namedPapers());

		var officer = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var pdf = officer.getBytes("/dossiers/" + receipt.dossierId() + "/receipt.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		var expected = "http://localhost:" + port + "/dossiers/track?code=" + receipt.code();
		assertThat(ReceiptSlips.qr(pdf.body())).isEqualTo(expected);
		var text = ReceiptSlips.text(pdf.body());
		// the PDF's text comes back with line breaks (and the justified line's full stop) moved about
		assertThat(text.replaceAll("[\\s.]", "")).contains(expected.replaceAll("[\\s.]", "")).doesNotContain("localhost:8080");
		assertThat(text).contains("1) Tờ khai đăng ký khai sinh", "2) Giấy chứng sinh (2 tệp)")
			.doesNotContain("IMG_2031", "scan-0001", "điền trực tuyến");

		// The citizen's own copy is the same slip.
		var citizen = new WebSession(port).signInCitizen(phone, outbox);
		var mine = citizen.getBytes("/citizen/dossiers/" + receipt.dossierId() + "/receipt.pdf");
		assertThat(ReceiptSlips.qr(mine.body())).isEqualTo(expected);
	}

	@Test
	void anOnlineDossierNotYetReceivedSaysWhenTheDateWillBeSet() {
		var phone = phone("0977");
		new WebSession(port).signInCitizen(phone, outbox);
		var me = DossierFixtures.citizen(jdbc, phone);
		var receipt = dossiers.submit(me, new NewDossier(YEN_MO, MARRIAGE, Channel.ONLINE, null, DossierFixtures.applicant(phone),
				DossierFixtures.marriageForm(), null), DossierFixtures.papers());
		assertThat(receipt.dueDate()).isNull();

		var citizen = new WebSession(port).signInCitizen(phone, outbox);
		var text = ReceiptSlips.text(citizen.getBytes("/citizen/dossiers/" + receipt.dossierId() + "/receipt.pdf").body());
		assertThat(text.replaceAll("[\\s.]", "")).contains("Ngàyhẹntrảsẽđượcbáokhicánbộtiếpnhậnhồsơ");
		assertThat(text).doesNotContain("ngày …");
		assertThat(text).contains("Giấy tờ khác kèm theo (3 tệp)").doesNotContain("to-khai.pdf");
		var page = citizen.get("/citizen/dossiers/" + receipt.dossierId()).body();
		assertThat(page).contains("Ngày hẹn trả sẽ được báo khi cán bộ tiếp nhận hồ sơ");
	}

	@Test
	void trackingTakesTheCodeInLowerCaseWithSpaces() {
		var phone = phone("0976");
		new WebSession(port).signInCitizen(phone, outbox);
		var receipt = DossierFixtures.counter(dossiers, jdbc, phone, "Vũ Minh Đức");
		var typed = "  " + receipt.code().toLowerCase(java.util.Locale.ROOT).replace("-", " ") + " ";
		var anonymous = new WebSession(port);
		anonymous.get("/dossiers/track");
		var found = anonymous.post("/dossiers/track", Map.of("code", typed, "phone4", phone.substring(phone.length() - 4)));
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("Thủ tục đăng ký khai sinh").contains(receipt.code());

		var dashed = anonymous.post("/dossiers/track", Map.of("code", receipt.code().toLowerCase(java.util.Locale.ROOT).replace("-", " - "),
				"phone4", phone.substring(phone.length() - 4)));
		assertThat(dashed.body()).contains("Thủ tục đăng ký khai sinh");
	}

	@Test
	void codesAreNormalisedTheWayTheyArePrinted() {
		assertThat(PublicDossiersController.normalise("x14701 261123 0001")).isEqualTo("X14701-261123-0001");
		assertThat(PublicDossiersController.normalise("X14701–261123–0001")).isEqualTo("X14701-261123-0001");
		assertThat(PublicDossiersController.normalise("x147012611230001")).isEqualTo("X14701-261123-0001");
		assertThat(PublicDossiersController.normalise("H40.12-261123-0001")).isEqualTo("H40.12-261123-0001");
		assertThat(PublicDossiersController.normalise("abc")).isEqualTo("ABC");
	}
}
