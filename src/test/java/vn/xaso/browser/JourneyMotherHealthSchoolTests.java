package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.health.HealthFixture;
import vn.xaso.payments.FakeBank;
import vn.xaso.payments.internal.WebhookSignatures;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.school.SchoolFixture;
import vn.xaso.school.internal.TeachingClasses;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 20's "done when", tried as a new user would on a 360-px phone, with and without JavaScript: a mother starts at
 * Xã Yên Mô's page, finds "Hỏi bác sĩ trạm y tế", signs in with the code sent to her phone (shown on screen: demo SMS)
 * and asks the station about her son's fever with a photo. The station's doctor, at the desk in another browser, answers
 * and sends a measles reminder to her phone. Back on her own page the mother finds, under "Tin mới cho bạn", the
 * answer, the reminder and her son's tuition; she reads the teacher's note in the contact book, pays by VietQR into
 * the school's account — the bank's signed notification simulated in its real format — and gets the receipt.
 * Setup only (not part of the walk): the school knows her phone, the teacher wrote to her and opened the tuition.
 */
@XasoIntegrationTest
class JourneyMotherHealthSchoolTests {

	/** Commune page, answers, sign-in (2), question form, question, home, answer, home, calendar, home, consent, book, payment, paid. */
	static final int MOST_SCREENS = 15;
	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport plain = BrowserSupport.withoutJavaScript();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aMotherAsksTheDoctorIsRemindedReadsTheTeacherAndPaysTuition() throws Exception {
		walk(browser, plain, "mother-health-school");
	}

	@Test
	void theSameWalkWorksWithoutJavaScript() throws Exception {
		walk(plain, browser, "mother-health-school-nojs");
	}

	private void walk(BrowserSupport phone, BrowserSupport desk, String name) throws Exception {
		var tag = Long.toString(System.nanoTime() % 1_000_000, 36);
		var number = "0962" + String.format("%06d", System.nanoTime() % 1_000_000);
		var school = new SchoolFixture(context);
		long classId = school.schoolClass(SchoolFixture.tag());
		long pupil = school.pupil(classId, "Lê Minh Khôi", number);
		var note = "Cháu Khôi hôm nay học chăm, mai chị nhớ cho cháu mang áo mưa nhé (" + tag + ").";
		Tenancy.runAs(UnitScope.of(SchoolFixture.YEN_MO), () -> {
			var teaching = context.getBean(TeachingClasses.class);
			teaching.writeNote(SchoolFixture.TEACHER, classId, String.valueOf(pupil), note);
			teaching.openFee(SchoolFixture.TEACHER, classId, "Học phí tháng 12/2026", "150.000");
		});

		var walk = Journey.start(phone, name, "/x/14701");
		walk.click("Hỏi bác sĩ trạm y tế");
		walk.click("Đặt câu hỏi");
		assertThat(walk.path()).startsWith("/citizen/signin");
		walk.fill("Số điện thoại", number);
		walk.click("Gửi mã");
		var sms = SIX_DIGITS.matcher(phone.find("#demo-sms").getText());
		assertThat(sms.find()).as("the demo SMS with the code is shown on screen").isTrue();
		walk.fill("Mã", sms.group(1));
		walk.click("Xác nhận");
		assertThat(walk.path()).as("back at the form she was going to").isEqualTo("/citizen/hoi-bac-si/moi/14701");
		var title = "Con sốt 38,5 độ từ tối qua " + tag;
		walk.fill("Bạn muốn hỏi về việc gì?", title);
		walk.fill("Mô tả rõ hơn", "Cháu Khôi 7 tuổi sốt 38,5 độ từ tối qua, vẫn ăn uống và chơi được. Tôi nên cho cháu uống thuốc gì?");
		walk.attach("Ảnh chụp (nếu có)", photo());
		walk.click("Gửi câu hỏi");
		assertThat(walk.text()).contains("Đã gửi câu hỏi", "Đang chờ bác sĩ trả lời");
		assertThat(phone.findAll("#urgent")).as("a fever without danger signs is no emergency").isEmpty();
		assertThat(phone.findAll(".question-photos img")).hasSize(1);

		var campaign = "Tiêm nhắc sởi – rubella " + tag;
		doctorAnswersAndReminds(desk, name + "-doctor", title, campaign, number);

		walk.click("Trang của tôi");
		assertThat(walk.text()).contains("Tin mới cho bạn", "câu hỏi bác sĩ đã trả lời", "tin nhắc tiêm chủng", "khoản học phí chưa nộp",
				"lời nhắn của giáo viên");
		walk.click("câu hỏi bác sĩ đã trả lời");
		assertThat(walk.text()).contains(title, "Bác sĩ đã trả lời", "paracetamol");
		walk.click("Trang của tôi");
		walk.click("tin nhắc tiêm chủng");
		assertThat(walk.text()).contains(campaign, "Trạm Y tế xã Yên Mô");
		walk.click("Trang của tôi");
		walk.click("khoản học phí chưa nộp");
		walk.tick("Tôi là cha, mẹ hoặc người giám hộ của em Lê Minh Khôi");
		walk.click("Xác nhận và mở sổ liên lạc");
		assertThat(walk.text()).contains("Sổ liên lạc của em Lê Minh Khôi", note, "150.000 đ");
		walk.click("Nộp bằng mã VietQR");
		var values = phone.findAll(".pay-box dd").stream().map(e -> e.getText().strip()).toList();
		var account = values.get(1).replace(" ", "");
		var reference = values.get(4);
		assertThat(account).as("paid into the school's own account").isEqualTo(SchoolFixture.ACCOUNT);
		var bank = new FakeBank(port, WebhookSignatures.DEMO_SECRET);
		assertThat(bank.send(FakeBank.transfer(FakeBank.newTransactionId(), 150_000, reference + " hoc phi Khoi", account)).statusCode())
			.isEqualTo(200);
		waitUntilPaid(pupil);
		walk.click("Tôi đã chuyển tiền");
		assertThat(walk.text()).contains("Trường đã nhận 150.000 đ");
		assertThat(receipt(phone)).startsWith("%PDF-");
		walk.assertScreensAtMost(MOST_SCREENS);
	}

	/** The station's doctor at the desk (a computer): answers the question and reminds the mother of the measles round. */
	private static void doctorAnswersAndReminds(BrowserSupport desk, String name, String title, String campaign, String number) {
		desk.signIn("yenmo.bacsi", DemoData.PASSWORD);
		var doctor = Journey.start(desk, name, "/health", 1280);
		doctor.click(title);
		assertThat(desk.findAll(".question-photos img")).as("the doctor sees the photo").hasSize(1);
		doctor.fill("Câu trả lời của bác sĩ", "Chị cho cháu uống nhiều nước, hạ sốt bằng paracetamol 10–15 mg mỗi kg cân nặng, cách nhau ít nhất"
				+ " 4 giờ. Sốt quá 3 ngày hoặc cháu li bì thì đưa cháu đến trạm ngay.");
		doctor.click("Gửi câu trả lời");
		assertThat(doctor.text()).contains("Đã gửi câu trả lời");
		doctor.click("Câu hỏi gửi trạm y tế");
		doctor.click("Nhắc tiêm chủng");
		doctor.fill("Tên đợt", campaign);
		doctor.fill("Địa điểm", "Trạm Y tế xã Yên Mô");
		doctor.fillDate("Ngày bắt đầu", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10));
		doctor.fill("Và các số điện thoại", number);
		doctor.click("Tạo đợt");
		doctor.click("Gửi tin nhắc (1 người)");
		assertThat(doctor.text()).contains("Đã xếp gửi tin nhắc cho 1 người");
		doctor.assertScreensAtMost(7);
	}

	private void waitUntilPaid(long pupil) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		var jdbc = context.getBean(JdbcClient.class);
		var tx = context.getBean(TransactionTemplate.class);
		while (Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql(
				"select count(*) from school_charge where pupil_id = ? and paid_at is not null").param(pupil).query(Long.class).single())) == 0) {
			assertThat(System.nanoTime()).as("tuition paid within 20 s").isLessThan(until);
			Thread.sleep(50);
		}
	}

	/** The receipt behind the visible "Tải biên lai" link, downloaded as the phone would (its session cookie). */
	private static String receipt(BrowserSupport phone) throws Exception {
		var link = phone.driver().findElements(By.tagName("a")).stream().filter(a -> a.isDisplayed() && a.getText().strip().equals("Tải biên lai"))
			.findFirst().orElseThrow().getAttribute("href");
		var cookies = phone.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).header("Cookie", cookies).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), 0, 5, StandardCharsets.US_ASCII);
	}

	static Path photo() throws Exception {
		var file = Files.createTempFile("con-sot-", ".png");
		Files.write(file, HealthFixture.png(1200, 900));
		return file;
	}
}
