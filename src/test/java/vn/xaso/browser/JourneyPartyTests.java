package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.party.PartyFixture;
import vn.xaso.party.internal.HoldingCellMeetings;
import vn.xaso.party.internal.Studying;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 19's party-member e-handbook on a 360-px phone, with and without JavaScript. A member of the Yên Hòa cell
 * (the justice officer) starts at the workspace and, by visible links only, reads the coming monthly meeting with its
 * material, writes a private note on it and marks a study material read — 8 screens at most, sign-in included. Then the
 * cell's secretary (the village head) schedules next month's monthly meeting and marks the member present.
 */
@XasoIntegrationTest
class JourneyPartyTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport plain = BrowserSupport.withoutJavaScript();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aMemberReadsTheComingMeetingWritesANoteMarksStudyReadAndTheSecretaryHoldsTheNextOne() throws Exception {
		walk(browser, "party-phone");
	}

	@Test
	void aMemberReadsTheComingMeetingWritesANoteMarksStudyReadAndTheSecretaryHoldsTheNextOneWithoutJavaScript() throws Exception {
		walk(plain, "party-phone-nojs");
	}

	private void walk(BrowserSupport phone, String name) throws Exception {
		var f = new PartyFixture(context);
		long cell = f.yenHoa();
		var tag = String.valueOf(System.nanoTime() % 1_000_000);
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var holding = context.getBean(HoldingCellMeetings.class);
		var title = "Sinh hoạt chi bộ tháng " + today.getMonthValue() + " · " + tag;
		long meeting = holding.schedule(PartyFixture.SECRETARY, cell, new HoldingCellMeetings.Input("MONTHLY", title, today.plusDays(1).toString(),
				"07:00", "Nhà văn hóa thôn Yên Hòa", "1. Quán triệt nghị quyết của Đảng ủy xã.\n2. Phân công đảng viên phụ trách hộ."));
		holding.addMaterial(PartyFixture.SECRETARY, meeting, "Dự thảo nghị quyết " + tag, PartyFixture.pdf("Dự thảo nghị quyết chi bộ"));
		var study = "Chuyên đề học tập " + tag;
		context.getBean(Studying.class).add(PartyFixture.SECRETARY, study, false, PartyFixture.pdf("Chuyên đề"));

		// The member, on their phone: workspace → e-handbook → the coming meeting → a note → study → read.
		var walk = Journey.start(phone, name, "/signin").as("yenmo.tuphap");
		JourneyOfficialDossierTests.signIn(walk, "yenmo.tuphap");
		walk.click("Sổ tay đảng viên");
		assertThat(walk.text()).contains("Sinh hoạt sắp tới", title);
		walk.click(title);
		assertThat(walk.text()).contains("Sinh hoạt chi bộ thường kỳ", "Quán triệt nghị quyết của Đảng ủy xã", "Dự thảo nghị quyết " + tag);
		var material = phone.driver().findElement(org.openqa.selenium.By.linkText("Dự thảo nghị quyết " + tag)).getAttribute("href");
		var member = new WebSession(port).signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		assertThat(member.getBytes(material.replaceFirst("^https?://[^/]+", "")).body()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
		walk.fill("Ghi chép", "Hỏi thêm về phân công hộ " + tag);
		walk.click("Lưu ghi chép");
		assertThat(walk.text()).contains("Đã lưu ghi chép.", "Hỏi thêm về phân công hộ " + tag);
		walk.click("Tài liệu học tập");
		walk.click("Đánh dấu đã đọc: " + study);
		assertThat(walk.text()).contains("Đã đánh dấu đã đọc.");
		assertThat(f.studyReadBy("yenmo.tuphap", study)).isTrue();
		var memberScreens = walk.screens();
		assertThat(memberScreens).as("the member's task, sign-in included").isLessThanOrEqualTo(8);
		var width = ((Number) phone.driver().executeScript("return document.documentElement.scrollWidth;")).intValue();
		assertThat(width).as("the page fits a 360-px phone").isLessThanOrEqualTo(Journey.PHONE_WIDTH);

		// The secretary, on his phone: schedules next month's monthly meeting, then marks the member present.
		walk.handTo("yenmo.truongthon", "/signin");
		JourneyOfficialDossierTests.signIn(walk, "yenmo.truongthon");
		walk.click("Sổ tay đảng viên");
		walk.click(PartyFixture.YEN_HOA);
		var next = "Sinh hoạt chi bộ tháng tới · " + tag;
		walk.fill("Tên buổi sinh hoạt", next);
		walk.fillDate("Ngày", today.plusMonths(1).withDayOfMonth(10));
		walk.fill("Địa điểm", "Nhà văn hóa thôn Yên Hòa");
		walk.fill("Nội dung sinh hoạt", "Kiểm điểm việc tháng trước.");
		walk.click("Lên lịch");
		assertThat(walk.text()).contains("Đã lên lịch buổi sinh hoạt.", next, "Sinh hoạt chi bộ thường kỳ");
		walk.click("Có mặt: Trần Văn Minh");
		assertThat(walk.text()).contains("Đã điểm danh.");
		var counts = "party (issue 19): member " + memberScreens + " screens; all " + walk.screens() + " screens, " + walk.clicks()
				+ " clicks\n" + String.join("\n", walk.steps()) + "\n";
		Files.writeString(Journey.ROOT.resolve(name).resolve("counts.txt"), counts);
		walk.assertScreensAtMost(16);
	}
}
