package vn.xaso.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The meeting pages over HTTP as a browser sends them: the clerk schedules a meeting with an item, its PDF and a remote
 * room and sends the invitations; the village head checks in with their personal link (its QR is a PNG) and votes — a
 * double submit of the ballot form is one ballot, a second ballot is refused with a message; an official not invited
 * gets 404.
 */
@XasoIntegrationTest
class MeetingsWebTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	private WebSession as(String username) {
		return new WebSession(port).signInOfficial(username, DemoData.PASSWORD);
	}

	private static String location(java.net.http.HttpResponse<String> r) {
		return r.headers().firstValue("Location").orElse("");
	}

	@Test
	void clerkPreparesMembersCheckInAndVoteOnce() {
		var clerk = as("yenmo.vanthu");
		assertThat(clerk.get("/meetings/new").statusCode()).isEqualTo(200);
		var bad = clerk.post("/meetings", Map.of("kind", "COMMITTEE", "title", "x"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Tên cuộc họp cần từ 3 đến 300 ký tự.");
		var created = clerk.post("/meetings", Map.of("kind", "COMMITTEE", "title", "Họp UBND qua trang web", "date",
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "time", "23:45", "place", "Phòng họp UBND xã", "chair", "yenmo.chutich",
				"secretary", "yenmo.tuphap", "invitees", "yenmo.truongthon"));
		assertThat(created.statusCode()).isEqualTo(302);
		var path = location(created).replaceFirst("^https?://[^/]+", "");
		assertThat(path).matches("/meetings/[0-9]+");
		long id = Long.parseLong(path.substring("/meetings/".length()));
		clerk.get(path);
		assertThat(follow(clerk, clerk.post(path + "/items", Map.of("itemTitle", "Kế hoạch chuyển đổi số", "presenter", "Trần Văn Minh"))))
			.contains("Đã thêm nội dung họp.");
		var page = follow(clerk, clerk.post(path + "/rooms", Map.of("roomName", "Nhà văn hóa thôn Yên Hòa", "videoUrl", "https://meet.jit.si/xaso-yen-hoa")));
		assertThat(page).contains("Đã thêm điểm cầu.");
		long item = Long.parseLong(find(page, "/meetings/" + id + "/items/([0-9]+)/files"));
		var refused = clerk.upload(path + "/items/" + item + "/files", Map.of("fileTitle", "Ảnh"), "file", "ke-hoach.pdf", "không phải pdf".getBytes());
		assertThat(follow(clerk, refused)).contains("Tệp này không phải PDF.");
		assertThat(follow(clerk, clerk.upload(path + "/items/" + item + "/files", Map.of("fileTitle", "Dự thảo kế hoạch"), "file", "ke-hoach.pdf",
				MeetingsFixture.pdf("Kế hoạch")))).contains("Đã đính kèm tài liệu.");
		// the Giấy mời: drafted and submitted by the clerk, signed by the chair, released with its number by the clerk
		assertThat(follow(clerk, clerk.post(path + "/invitation", Map.of()))).contains("Đã lập giấy mời và trình lãnh đạo ký.")
			.contains("Giấy mời đang chờ lãnh đạo duyệt và ký số.");
		var leader = as("yenmo.chutich");
		assertThat(leader.get(path).body()).contains("Duyệt và ký giấy mời");
		assertThat(follow(leader, leader.post(path + "/invitation/approve", Map.of("invitationPassword", DemoData.SIGNING_PASSWORD))))
			.contains("Đã duyệt và ký giấy mời.");
		clerk.get(path);
		assertThat(follow(clerk, clerk.post(path + "/invite", Map.of("releasePassword", "sai-mat-khau")))).contains("Chưa xong bước này của giấy mời");
		page = follow(clerk, clerk.post(path + "/invite", Map.of("releasePassword", DemoData.SIGNING_PASSWORD)));
		assertThat(page).contains("Đã phát hành giấy mời có số và gửi đến người được mời.").contains("https://meet.jit.si/xaso-yen-hoa")
			.contains("Dự thảo kế hoạch").containsPattern("Giấy mời số [0-9]+/GM-");
		var oneStop = as("yenmo.motcua");
		assertThat(oneStop.get("/meetings").statusCode()).isEqualTo(200);
		assertThat(oneStop.post(path + "/invitation/approve", Map.of("invitationPassword", "x")).statusCode()).as("a leader's step").isEqualTo(403);
		assertThat(oneStop.get("/meetings/tasks/overview").statusCode()).as("the organisers' overview").isEqualTo(403);

		var head = as("yenmo.truongthon");
		var mine = head.get(path).body();
		var checkIn = find(mine, "href=\"(/meetings/check-in/[A-Za-z0-9_-]+)\"");
		assertThat(head.getBytes(path + "/my-qr.png").body()).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		assertThat(head.get(checkIn).body()).contains("Hoàng Văn Bình").contains("Xác nhận có mặt");
		var in = head.post(checkIn, Map.of());
		assertThat(location(in)).endsWith(path);
		assertThat(follow(head, in)).contains("Đã điểm danh: Hoàng Văn Bình.");
		// another official's link is not theirs to use, nor the meeting theirs to read (another commune: meetings.tsv)
		var admin = as("yenmo.admin");
		assertThat(admin.get(checkIn).statusCode()).isEqualTo(404);
		assertThat(admin.get(path).statusCode()).isEqualTo(404);

		var chair = as("yenmo.chutich");
		chair.get(path);
		follow(chair, chair.post(path + "/attendance", Map.of("username", "yenmo.chutich", "present", "true")));
		assertThat(follow(chair, chair.post(path + "/attendance", Map.of("username", "yenmo.tuphap", "present", "true"))))
			.contains("Có mặt 3/3, cần 2: đủ số lượng để tiến hành.");
		assertThat(follow(chair, chair.post(path + "/open", Map.of()))).contains("Cuộc họp đã bắt đầu.");
		var opened = follow(chair, chair.post(path + "/items/" + item + "/votes", Map.of("question", "Thông qua kế hoạch", "rule", "TWO_THIRDS",
				"options", "")));
		var vote = Long.parseLong(find(opened, "/meetings/" + id + "/votes/([0-9]+)/close"));

		head.get(path);
		var first = head.post(path + "/votes/" + vote + "/ballot", Map.of("choice", "0"));
		var again = head.post(path + "/votes/" + vote + "/ballot", Map.of("choice", "0"));
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).as("the double submit gets the first answer").isEqualTo(302);
		assertThat(ballots(vote)).isEqualTo(1);
		assertThat(follow(head, again)).contains("Đã nhận biểu quyết").contains("Anh/chị đã biểu quyết nội dung này.");
		assertThat(follow(head, head.post(path + "/votes/" + vote + "/ballot", Map.of("choice", "1")))).contains("mỗi thành viên chỉ có một phiếu");
		assertThat(ballots(vote)).isEqualTo(1);
	}

	/** Follows a redirect as a browser does, and gives the page. */
	private static String follow(WebSession session, java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return session.get(location(response).replaceFirst("^https?://[^/]+", "")).body();
	}

	private int ballots(long voteId) {
		return MeetingsFixture.yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from meeting_ballot where vote_id = ?").param(voteId)
			.query(Integer.class).single()));
	}

	private static String find(String html, String regex) {
		var m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}
}
