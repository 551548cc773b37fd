package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.meetings.MeetingsFixture;
import vn.xaso.meetings.internal.WritingMinutes;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SoftHsmToken;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 19's "done when", tried as new users would, by visible links and buttons only and counting screens: the clerk
 * starts at the workspace and schedules a people's committee meeting with two agenda items and a remote village room,
 * drafts the Giấy mời; the chairman signs it and the clerk releases it with its number from the meeting page; the
 * village head, the chairman and the secretary check in by their personal check-in link; a two-thirds vote passes with
 * the quorum; the secretary writes the conclusion, gives the village head a task, closes the meeting and drafts and
 * signs the minutes, the chairman signs them too (pdfsig accepts both signatures); the village head reports progress
 * and then the task done from "my tasks" on a 360-px phone. Each person has their own desk and stays signed in there
 * between turns ({@link Journey#handTo}): four sign-ins through the form at the desks and one on the phone. Counts in
 * target/journeys/meeting/counts.txt.
 */
@XasoIntegrationTest
class JourneyMeetingTests {

	static final int DESK = 1280;

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@BeforeAll
	static void secretarySignature(@Autowired SigningIdentities identities) {
		MeetingsFixture.secretarySignature(identities);
	}

	@Test
	void aPeoplesCommitteeMeetingFromTheInvitationToATaskDoneOnAPhone(@Autowired WritingMinutes minutes) throws Exception {
		var suffix = String.valueOf(System.nanoTime() % 100_000);
		var title = "Họp UBND xã về chuyển đổi số " + suffix;
		var task = "Rà soát danh sách hộ chưa cài VNeID ở thôn Yên Hòa " + suffix;
		var password = DemoData.SIGNING_PASSWORD;
		var walk = Journey.start(browser, "meeting", "/signin", DESK).as("yenmo.vanthu");

		// The clerk schedules the meeting from the workspace: two agenda items and a remote village room.
		signIn(walk, "yenmo.vanthu");
		walk.click("Họp không giấy");
		walk.click("Lên lịch cuộc họp");
		walk.tick("Họp Ủy ban nhân dân");
		walk.fill("Tên cuộc họp", title);
		walk.fillDate("Ngày họp", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
		walk.fill("Địa điểm", "Phòng họp UBND xã");
		walk.choose("Chủ trì", "Đinh Văn Hùng");
		walk.choose("Thư ký", "Trần Văn Minh");
		walk.tick("Hoàng Văn Bình");
		walk.click("Lưu cuộc họp");
		assertThat(walk.text()).contains("Đã lưu cuộc họp", title);
		var meetingPath = walk.path();
		assertThat(meetingPath).matches("/meetings/[0-9]+");
		long meetingId = Long.parseLong(meetingPath.substring("/meetings/".length()));
		walk.fill("Tên điểm cầu", "Nhà văn hóa thôn Yên Hòa");
		walk.fill("Đường dẫn họp trực tuyến", "https://meet.jit.si/xaso-yen-hoa-" + suffix);
		walk.click("Thêm điểm cầu");
		walk.fill("Nội dung", "Kế hoạch chuyển đổi số năm 2027");
		walk.fill("Người trình bày", "Trần Văn Minh");
		walk.click("Thêm nội dung họp");
		walk.fill("Nội dung", "Phân công rà soát hộ dân chưa cài VNeID");
		walk.fill("Người trình bày", "Hoàng Văn Bình");
		walk.click("Thêm nội dung họp");
		assertThat(walk.text()).contains("1. Kế hoạch chuyển đổi số năm 2027", "2. Phân công rà soát hộ dân chưa cài VNeID",
				"https://meet.jit.si/xaso-yen-hoa-" + suffix);
		walk.click("Lập giấy mời và trình lãnh đạo ký");
		assertThat(walk.text()).contains("Giấy mời đang chờ lãnh đạo duyệt và ký số.");

		// The chairman, at his own desk, signs the Giấy mời from the meeting page; the clerk, back at hers, releases it
		// with its number.
		openMeeting(walk, "yenmo.chutich", title);
		walk.fill("Mật khẩu chữ ký số cá nhân của tôi", password);
		walk.click("Duyệt và ký giấy mời");
		assertThat(walk.text()).contains("Đã duyệt và ký giấy mời.");
		openMeeting(walk, "yenmo.vanthu", title);
		walk.fill("Mật khẩu chữ ký số của cơ quan", password);
		walk.click("Phát hành giấy mời và gửi đến người được mời");
		assertThat(walk.text()).contains("Đã phát hành giấy mời có số", "Đã gửi giấy mời").containsPattern("Giấy mời số [0-9]+/GM-");

		// The village head checks in with his personal link.
		openMeeting(walk, "yenmo.truongthon", title);
		checkIn(walk, "Hoàng Văn Bình");

		// The chairman checks in, starts the meeting, opens a two-thirds vote on the first item and votes.
		openMeeting(walk, "yenmo.chutich", title);
		checkIn(walk, "Đinh Văn Hùng");
		walk.click("Bắt đầu cuộc họp");
		walk.fill("Câu hỏi biểu quyết", "Thông qua kế hoạch chuyển đổi số năm 2027");
		walk.tick("Hai phần ba tổng số thành viên");
		walk.click("Mở biểu quyết");
		assertThat(walk.text()).contains("Đã mở biểu quyết.", "cần ít nhất hai phần ba tổng số 3 thành viên tán thành");
		walk.tick("Tán thành");
		walk.click("Gửi biểu quyết");
		assertThat(walk.text()).contains("Đã nhận biểu quyết");

		// The secretary checks in, votes, closes the vote, records the conclusion and the task, closes the meeting,
		// drafts the minutes and signs them.
		openMeeting(walk, "yenmo.tuphap", title);
		checkIn(walk, "Trần Văn Minh");
		assertThat(walk.text()).contains("Có mặt 3/3, cần 2: đủ số lượng để tiến hành.");
		walk.tick("Tán thành");
		walk.click("Gửi biểu quyết");
		walk.click("Kết thúc biểu quyết");
		assertThat(walk.text()).contains("Thông qua", "Tán thành: 2", "có mặt 3/3");
		walk.fill("Kết luận", "Thông qua kế hoạch; giao trưởng thôn Yên Hòa rà soát danh sách hộ chưa cài VNeID.");
		walk.click("Lưu kết luận");
		walk.choose("Người thực hiện", "Hoàng Văn Bình");
		walk.fill("Việc cần làm", task);
		walk.click("Giao việc");
		assertThat(walk.text()).contains("Đã giao việc.", task);
		walk.click("Kết thúc cuộc họp");
		walk.click("Lập biên bản từ diễn biến cuộc họp");
		walk.fill("Mật khẩu chữ ký số của tôi", password);
		walk.click("Ký biên bản");
		assertThat(walk.text()).contains("Đã ký biên bản.", "Thư ký đã ký", "Chủ tọa chưa ký");

		// The chairman signs the minutes.
		openMeeting(walk, "yenmo.chutich", title);
		walk.fill("Mật khẩu chữ ký số của tôi", password);
		walk.click("Ký biên bản");
		assertThat(walk.text()).contains("Thư ký đã ký", "Chủ tọa đã ký");
		// His part is done: he signs out (the others stay signed in at their own desks).
		walk.click("Đăng xuất");
		assertThat(walk.path()).startsWith("/signin");

		// The village head, on his phone (a device of its own: signed in there too), reports progress and then the task
		// done from "my tasks".
		browser.driver().manage().window().setSize(new Dimension(Journey.PHONE_WIDTH, 800));
		walk.handTo("yenmo.truongthon (điện thoại)", "/signin");
		signIn(walk, "yenmo.truongthon");
		walk.click("Việc được giao");
		walk.click(task);
		walk.fill("Ghi chú tiến độ hoặc kết quả", "Đã rà soát xong xóm Đông và xóm Giữa");
		walk.click("Báo tiến độ");
		assertThat(walk.text()).contains("Đã báo tiến độ.", "Đã rà soát xong xóm Đông và xóm Giữa");
		walk.fill("Ghi chú tiến độ hoặc kết quả", "Đã rà soát đủ 48 hộ; còn 6 hộ chưa cài, đã hẹn hỗ trợ");
		walk.click("Báo đã xong");
		assertThat(walk.text()).contains("Đã báo xong việc.", "Đã xong lúc");
		var scrollWidth = ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth;")).intValue();
		assertThat(scrollWidth).as("the task page fits a 360-px phone").isLessThanOrEqualTo(Journey.PHONE_WIDTH);

		// The minutes carry both signatures, and pdfsig accepts them.
		var pdf = MeetingsFixture.yenMo(() -> minutes.pdf(MeetingsFixture.CHAIR, meetingId)).orElseThrow();
		var check = SoftHsmToken.pdfsig(pdf);
		assertThat(check).contains("Signature #1").contains("Signature #2").doesNotContain("Digest Mismatch");
		assertThat(check.split("Signature is Valid", -1)).hasSize(3);

		var counts = "meeting (issue 19): " + walk.screens() + " screens, " + walk.clicks() + " clicks\n" + String.join("\n", walk.steps())
				+ "\n";
		Files.writeString(Journey.ROOT.resolve("meeting").resolve("counts.txt"), counts);
		System.out.println(counts);
		walk.assertScreensAtMost(60);
	}

	/**
	 * The person's turn at their own desk: back at the meeting page they left open (still signed in), or, the first
	 * time, signed in and the meeting opened from the workspace: the meetings card, then the meeting's title.
	 */
	private static void openMeeting(Journey walk, String username, String title) {
		if (!walk.handTo(username, "/signin")) {
			signIn(walk, username);
			walk.click("Họp không giấy");
			walk.click(title);
		}
		assertThat(walk.text()).contains(title);
	}

	/** From the meeting page: the personal check-in link, then the one button on its page. */
	private static void checkIn(Journey walk, String name) {
		walk.click("Điểm danh vào họp");
		assertThat(walk.text()).contains(name, "Xác nhận có mặt");
		walk.click("Xác nhận có mặt");
		assertThat(walk.text()).contains("Đã điểm danh: " + name + ".");
	}

	private static void signIn(Journey walk, String username) {
		if (!walk.path().startsWith("/signin")) {
			walk.click("Đăng nhập");
		}
		walk.fill("Tên đăng nhập", username);
		walk.fill("Mật khẩu", DemoData.PASSWORD);
		walk.clickWithin("main", "Đăng nhập");
		assertThat(walk.path()).isEqualTo("/workspace");
	}
}
