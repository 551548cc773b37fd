package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The dossiers pages over real HTTP: a citizen cannot open another citizen's dossier or its files; two
 * officers acting on the same dossier — the second is told who acted first; a late dossier gets the apology
 * slip with a new date; assisted submission records the consent and puts the dossier in the citizen's own
 * account; bad input is refused with a Vietnamese message and changes nothing.
 */
@XasoIntegrationTest
class DossierPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	static String phone(String prefix) {
		return prefix + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	@Test
	void aCitizenCannotOpenAnotherCitizensDossier() {
		var owner = phone("0986");
		var other = phone("0985");
		new WebSession(port).signInCitizen(owner, outbox);
		var receipt = DossierFixtures.counter(dossiers, jdbc, owner, "Lê Minh Châu");
		long id = receipt.dossierId();

		var ownerSession = new WebSession(port).signInCitizen(owner, outbox);
		assertThat(ownerSession.get("/citizen/dossiers/" + id).statusCode()).isEqualTo(200);
		assertThat(ownerSession.get("/citizen/dossiers/" + id + "/receipt.pdf").statusCode()).isEqualTo(200);

		var stranger = new WebSession(port).signInCitizen(other, outbox);
		for (var path : new String[] { "", "/receipt.pdf", "/result.pdf", "/qr.png", "/apology.pdf" }) {
			assertThat(stranger.get("/citizen/dossiers/" + id + path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(stranger.post("/citizen/dossiers/" + id + "/rate", Map.of("stars", "1")).statusCode()).isIn(404);
		assertThat(stranger.get("/citizen/dossiers").body()).doesNotContain(receipt.code());
	}

	@Test
	void theSecondOfficerIsToldWhoActedFirst() {
		var citizen = phone("0984");
		new WebSession(port).signInCitizen(citizen, outbox);
		var marriage = DossierFixtures.marriage(dossiers, jdbc, citizen); // standard workflow, received
		long id = marriage.dossierId();
		var officer = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var page = officer.get("/dossiers/" + id).body();
		var version = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page);
		assertThat(version.find()).isTrue();

		// The leader assigns it in the meantime.
		var seen = dossiers.find(DossierFixtures.LEADER, id).orElseThrow();
		dossiers.act(DossierFixtures.LEADER, id, new ActionRequest("assign", seen.version(), "", "yenmo.tuphap", null, null, null, null,
				java.util.List.of()));

		var form = new LinkedHashMap<String, String>();
		form.put("action", "assign");
		form.put("version", version.group(1));
		form.put("assignee", "yenmo.tuphap");
		var late = officer.post("/dossiers/" + id + "/act", form);
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("Đinh Văn Hùng");
	}

	@Test
	void aLateDossierGetsTheApologySlipWithANewDate() {
		var citizen = phone("0983");
		new WebSession(port).signInCitizen(citizen, outbox);
		var receipt = DossierFixtures.marriage(dossiers, jdbc, citizen);
		long id = receipt.dossierId();
		var yesterday = LocalDate.now(Show.VIETNAM).minusDays(1);
		Tenancy.runAs(UnitScope.systemWide(),
				() -> tx.executeWithoutResult(s -> jdbc.sql("update dossier set due_date = ? where id = ?").params(yesterday, id).update()));

		var officer = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var page = officer.get("/dossiers/" + id).body();
		assertThat(page).contains("Quá hạn", "Xin lỗi và hẹn lại ngày trả");
		var version = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page);
		assertThat(version.find()).isTrue();

		var form = new LinkedHashMap<String, String>();
		form.put("action", "reschedule");
		form.put("version", version.group(1));
		form.put("note", "");
		form.put("newDueDate", "2026-13-45");
		var bad = officer.post("/dossiers/" + id + "/act", form);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Ngày hẹn mới chưa đúng");

		var newDate = calendar.addWorkingDays(LocalDate.now(Show.VIETNAM), 3);
		form.put("newDueDate", newDate.toString());
		form.put("note", "Cần xác minh thêm với xã nơi đăng ký thường trú của bên nam.");
		var ok = officer.post("/dossiers/" + id + "/act", form);
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
		var after = officer.get("/dossiers/" + id).body();
		assertThat(after).contains(Show.date(newDate), "/dossiers/" + id + "/apology.pdf");
		var pdf = officer.get("/dossiers/" + id + "/apology.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");
	}

	@Test
	void assistedSubmissionWithoutConsentIsRefused() {
		var citizen = phone("0982");
		var helper = new WebSession(port).signInOfficial("yenmo.congnghe", DemoData.PASSWORD);
		var form = new LinkedHashMap<String, String>();
		form.put("procedure", "1.001193");
		form.put("consentMethod", "IN_PERSON");
		form.put("consentNote", "Bà có mặt tại nhà văn hoá thôn, con gái chứng kiến");
		DossierFixtures.birthForm("Đỗ Gia Huy").forEach((k, v) -> form.put("ef_" + k, v));
		form.put("ef_requesterName", "Đỗ Thị Mai");
		form.put("ef_requesterCccd", "037190001234");
		form.put("ef_requesterPhone", citizen);
		form.put("ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô");

		var refused = helper.post("/dossiers/assisted", form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Chỉ nộp hộ khi người dân đã đồng ý");
		helper.get("/dossiers/assisted?lang=en");
		var english = helper.post("/dossiers/assisted?lang=en", form);
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("Submit for a citizen only with their consent").doesNotContain("Chỉ nộp hộ khi");
		helper.get("/dossiers/assisted?lang=vi");
		// an account's refusal (the applicant's phone) is shown in the reader's language too, the Vietnamese one unchanged
		var account = vn.xaso.identity.AccountException.of("phone", "identity.error.phone");
		var intake = vn.xaso.dossiers.DossierException.of("applicantPhone", "dossiers.error.account", account);
		assertThat(intake.getMessage()).isEqualTo(account.getMessage());
		assertThat(intake.errors(java.util.Locale.ENGLISH)).containsEntry("applicantPhone", "The phone number is not valid.");

		// With the consent box (and the papers, which need a file upload) it goes through: see
		// BrowserDossierPagesTests#assistedSubmissionWithConsent.
	}

	@Test
	void badTrackingInputIsExplainedAndAWrongPhoneLooksLikeAnUnknownCode() {
		var citizen = phone("0981");
		new WebSession(port).signInCitizen(citizen, outbox);
		var receipt = DossierFixtures.counter(dossiers, jdbc, citizen, "Vũ Thu Trang");
		var anonymous = new WebSession(port);
		anonymous.get("/dossiers/track");
		var wrongPhone = anonymous.post("/dossiers/track", Map.of("code", receipt.code(), "phone4", "0000"));
		var unknown = anonymous.post("/dossiers/track", Map.of("code", "X99999-000000-0000", "phone4", "0000"));
		assertThat(wrongPhone.body()).contains("Không tìm thấy hồ sơ khớp");
		assertThat(strip(wrongPhone.body())).isEqualTo(strip(unknown.body().replace("X99999-000000-0000", receipt.code())));
		var right = anonymous.post("/dossiers/track", Map.of("code", receipt.code(), "phone4", citizen.substring(6)));
		assertThat(right.body()).contains("Thủ tục đăng ký khai sinh").doesNotContain("Trần Thị Hoa", "037190001234", citizen);
		var bad = anonymous.post("/dossiers/track", Map.of("code", "<script>", "phone4", "12"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Mã hồ sơ chỉ gồm chữ, số", "4 chữ số cuối").doesNotContain("<script>");
	}

	/** The page without its per-request CSRF token. */
	private static String strip(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}
}
