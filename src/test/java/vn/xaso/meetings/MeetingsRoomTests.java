package vn.xaso.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.meetings.MeetingsFixture.CHAIR;
import static vn.xaso.meetings.MeetingsFixture.CLERK;
import static vn.xaso.meetings.MeetingsFixture.SECRETARY;
import static vn.xaso.meetings.MeetingsFixture.VILLAGE_HEAD;
import static vn.xaso.meetings.MeetingsFixture.yenMo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.meetings.internal.SchedulingMeeting;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 19's second part over HTTP, per person of a meeting (chair, secretary, invitee, an invitee's delegate, an
 * official not invited, someone with no account): replies with a delegate until the meeting starts; confidential
 * items; document versions and the page-by-page reader; the room display by its link, live by server-sent events;
 * the minutes' text rewritten by the secretary as versions until signed. (Another commune: meetings.tsv.)
 */
@XasoIntegrationTest
class MeetingsRoomTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void secretarySignature(@Autowired SigningIdentities identities) {
		MeetingsFixture.secretarySignature(identities);
	}

	/** One signed-in session per official for the whole class (signing in costs a password hash each time). */
	private static final Map<String, WebSession> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

	private WebSession as(String username) {
		return SESSIONS.computeIfAbsent(username + ":" + port, k -> new WebSession(port).signInOfficial(username, DemoData.PASSWORD));
	}

	@Test
	void inviteeRepliesWithADelegateWhoIsCheckedInAndCannotChangeAfterTheStart() {
		var f = new MeetingsFixture(context);
		long id = f.invited("Họp trả lời giấy mời " + System.nanoTime() % 100000);
		var path = "/meetings/" + id;
		var head = as("yenmo.truongthon");
		var phone = head.get(path + "/reply");
		assertThat(phone.statusCode()).isEqualTo(200);
		assertThat(phone.body()).contains("Cử người dự thay").contains("Họ tên người dự thay");
		assertThat(follow(head, head.post(path + "/reply", Map.of("reply", "DELEGATE", "delegateName", "", "delegatePosition", "Phó trưởng thôn"))))
			.contains("Hãy ghi họ tên người dự thay (2 đến 100 ký tự).");
		assertThat(reply(id)).isEqualTo("NONE");
		assertThat(follow(head, head.post(path + "/reply", Map.of("reply", "ABSENT", "reason", "Đi công tác huyện")))).contains("Đã gửi trả lời.");
		assertThat(follow(head, head.post(path + "/reply", Map.of("reply", "DELEGATE", "delegateName", "Nguyễn Văn Dự", "delegatePosition",
				"Phó trưởng thôn Yên Hòa")))).contains("Đã gửi trả lời.").contains("Nguyễn Văn Dự — Phó trưởng thôn Yên Hòa");
		assertThat(reply(id)).isEqualTo("DELEGATE");

		// the organiser's list shows the replies; the secretary checks the delegate in in the invitee's place
		var clerk = as("yenmo.vanthu");
		assertThat(clerk.get(path).body()).contains("Cử người dự thay: Nguyễn Văn Dự — Phó trưởng thôn Yên Hòa");
		var secretary = as("yenmo.tuphap");
		secretary.get(path);
		assertThat(follow(secretary, secretary.post(path + "/attendance", Map.of("username", "yenmo.congnghe", "present", "true", "delegate", "true"))))
			.contains("Lê Văn Tú không cử người dự thay; hãy điểm danh chính người được mời.");
		var marked = follow(secretary, secretary.post(path + "/attendance", Map.of("username", "yenmo.truongthon", "present", "true", "delegate",
				"true")));
		assertThat(marked).contains("Có mặt (người dự thay: Nguyễn Văn Dự)").contains("Có mặt 1/5, cần 4");

		// once the chair opened the meeting the reply cannot change
		var chair = as("yenmo.chutich");
		chair.get(path);
		assertThat(follow(chair, chair.post(path + "/open", Map.of()))).contains("Cuộc họp đã bắt đầu.");
		head.get(path);
		assertThat(follow(head, head.post(path + "/reply", Map.of("reply", "ATTEND"))))
			.contains("Cuộc họp đã bắt đầu, không thể đổi trả lời giấy mời nữa.");
		assertThat(reply(id)).isEqualTo("DELEGATE");
		assertThat(head.get(path + "/reply").body()).contains("không đổi được trả lời nữa").doesNotContain("name=\"delegateName\"");
		// an official not invited has no reply page
		assertThat(as("yenmo.admin").get(path + "/reply").statusCode()).isEqualTo(404);
	}

	@Test
	void confidentialItemShowsItsDocumentsOnlyToInvitees() {
		var f = new MeetingsFixture(context);
		long id = yenMo(() -> {
			long m = f.scheduling.schedule(CLERK, new SchedulingMeeting.Input("COMMITTEE", "Họp nội dung mật " + System.nanoTime() % 100000,
					LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "23:30", "Phòng họp UBND xã", CHAIR.username(), SECRETARY.username(),
					List.of(VILLAGE_HEAD.username())));
			long open = f.scheduling.addItem(CLERK, m, "Kế hoạch công khai", "Trần Văn Minh");
			long secret = f.scheduling.addItem(CLERK, m, "Phương án nhân sự", "Đinh Văn Hùng", true);
			f.scheduling.addFile(CLERK, m, open, "Tài liệu công khai", MeetingsFixture.pdf("Công khai"));
			f.scheduling.addFile(CLERK, m, secret, "Danh sách nhân sự dự kiến", MeetingsFixture.pdf("Mật"));
			f.send(m);
			return m;
		});
		var path = "/meetings/" + id;
		var head = as("yenmo.truongthon");
		var invited = head.get(path).body();
		long secretFile = Long.parseLong(find(invited, "href=\"/meetings/" + id + "/files/([0-9]+)/read\">Danh sách nhân sự dự kiến"));
		long openFile = Long.parseLong(find(invited, "href=\"/meetings/" + id + "/files/([0-9]+)/read\">Tài liệu công khai"));
		assertThat(invited).contains("Phương án nhân sự <span class=\"tag\">Nội dung mật</span>");
		assertThat(head.getBytes(path + "/files/" + secretFile).statusCode()).isEqualTo(200);
		assertThat(head.get(path + "/files/" + secretFile + "/read").statusCode()).isEqualTo(200);
		assertThat(head.getBytes(path + "/files/" + secretFile + "/pages/1.png").statusCode()).isEqualTo(200);

		// the clerk organises the meeting but is not invited: the title, "Nội dung mật", no document
		var clerk = as("yenmo.vanthu");
		var organiser = clerk.get(path).body();
		assertThat(organiser).contains("Phương án nhân sự").contains("Nội dung mật: tài liệu chỉ dành cho người được mời.")
			.doesNotContain("Danh sách nhân sự dự kiến").contains("Tài liệu công khai");
		assertThat(clerk.getBytes(path + "/files/" + openFile).statusCode()).isEqualTo(200);
		assertThat(clerk.getBytes(path + "/files/" + secretFile).statusCode()).isEqualTo(403);
		assertThat(clerk.get(path + "/files/" + secretFile + "/read").statusCode()).isEqualTo(403);
		assertThat(clerk.getBytes(path + "/files/" + secretFile + "/pages/1.png").statusCode()).isEqualTo(403);
		assertThat(clerk.getBytes(path + "/files/" + secretFile + "/thumbs/1.png").statusCode()).isEqualTo(403);
		// another official of the commune does not reach the meeting at all
		assertThat(as("yenmo.admin").getBytes(path + "/files/" + secretFile).statusCode()).isEqualTo(404);

		// the projector (by its link, nobody signed in) shows the title only
		var chair = as("yenmo.chutich");
		chair.get(path);
		follow(chair, chair.post(path + "/open", Map.of()));
		var link = find(chair.get(path).body(), "<code>(/meetings/display/[0-9]+/[0-9a-f]{64})</code>");
		var items = MeetingsFixture.yenMo(() -> f.reading.page(CHAIR, id).items());
		long secretId = items.stream().filter(i -> i.confidential()).findFirst().orElseThrow().id();
		follow(chair, chair.post(path + "/items/" + secretId + "/current", Map.of()));
		var shown = new WebSession(port).get(link);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("2. Phương án nhân sự").contains("Nội dung mật").doesNotContain("Danh sách nhân sự dự kiến")
			.doesNotContain("/files/");
	}

	@Test
	void newVersionKeepsTheOldOnesAndTheReaderPagesThroughTheNewest() {
		var f = new MeetingsFixture(context);
		long id = yenMo(() -> f.scheduling.schedule(CLERK, new SchedulingMeeting.Input("COMMITTEE", "Họp phiên bản " + System.nanoTime() % 100000,
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "23:30", "Phòng họp UBND xã", CHAIR.username(), SECRETARY.username(),
				List.of(VILLAGE_HEAD.username()))));
		long item = yenMo(() -> f.scheduling.addItem(CLERK, id, "Dự toán ngân sách", "Trần Văn Minh"));
		long first = yenMo(() -> f.scheduling.addFile(CLERK, id, item, "Dự toán", MeetingsFixture.pdf("Bản đầu")));
		var path = "/meetings/" + id;
		var clerk = as("yenmo.vanthu");
		clerk.get(path);
		assertThat(follow(clerk, clerk.upload(path + "/files/" + first + "/versions", Map.of(), "file", "du-toan.pdf", "không phải pdf".getBytes())))
			.contains("Tệp này không phải PDF.");
		assertThat(versions(first)).isEqualTo(1);
		var twoPages = vn.xaso.platform.render.HtmlPdf.render("<html><body><p>Trang một</p><p style=\"page-break-before: always\">Trang hai</p></body></html>");
		var page = follow(clerk, clerk.upload(path + "/files/" + first + "/versions", Map.of(), "file", "du-toan-2.pdf", twoPages));
		assertThat(page).contains("Đã tải phiên bản mới; các phiên bản trước vẫn được giữ.").contains("Các phiên bản trước (1)")
			.containsPattern("phiên bản 1, yenmo.vanthu tải lên lúc");
		assertThat(versions(first)).isEqualTo(2);
		long second = Long.parseLong(find(page, "href=\"/meetings/" + id + "/files/([0-9]+)/read\">Dự toán"));
		assertThat(second).isNotEqualTo(first);
		// a member may not upload
		assertThat(as("yenmo.truongthon").upload(path + "/files/" + first + "/versions", Map.of(), "file", "x.pdf", twoPages).statusCode())
			.isEqualTo(403);

		var reader = clerk.get(path + "/files/" + second + "/read?page=2").body();
		assertThat(reader).contains("Trang 2/2").contains("Phiên bản 2").contains("/files/" + second + "/pages/2.png")
			.contains("/files/" + second + "/thumbs/1.png").contains("/files/" + second + "/thumbs/2.png").contains("rel=\"prev\"")
			.doesNotContain("rel=\"next\"").doesNotContain("Đây là một phiên bản cũ.");
		assertThat(clerk.get(path + "/files/" + first + "/read").body()).contains("Đây là một phiên bản cũ.")
			.contains("/meetings/" + id + "/files/" + second + "/read");
		var big = clerk.getBytes(path + "/files/" + second + "/pages/2.png");
		var small = clerk.getBytes(path + "/files/" + second + "/thumbs/2.png");
		assertThat(big.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(width(big.body())).isBetween(700, 900);
		assertThat(width(small.body())).isBetween(100, 200);
		assertThat(cached(second)).as("pages made once and kept").isEqualTo(2);
		assertThat(clerk.getBytes(path + "/files/" + second + "/pages/2.png").body()).isEqualTo(big.body());
		assertThat(clerk.getBytes(path + "/files/" + second + "/pages/3.png").statusCode()).isEqualTo(404);
	}

	@Test
	void roomDisplayFollowsTheMeetingByServerSentEvents() throws Exception {
		var f = new MeetingsFixture(context);
		long id = f.invited("Họp màn hình phòng họp " + System.nanoTime() % 100000);
		long item = f.item(id);
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, MeetingsFixture.TEAM);
		var path = "/meetings/" + id;
		var chair = as("yenmo.chutich");
		var link = find(chair.get(path).body(), "<code>(/meetings/display/[0-9]+/[0-9a-f]{64})</code>");
		var projector = new WebSession(port);
		var before = projector.get(link);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.body()).contains("Chưa vào nội dung nào.").contains("http-equiv=\"refresh\"").contains("data-events=\"" + link + "/events\"");
		var wrong = link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0");
		assertThat(new WebSession(port).get(wrong).statusCode()).as("a wrong secret").isEqualTo(404);
		assertThat(as("yenmo.admin").get(path + "/display").statusCode()).as("an official not invited").isEqualTo(404);
		assertThat(as("yenmo.truongthon").get(path + "/display").statusCode()).as("an invitee").isEqualTo(200);

		var events = new LinkedBlockingQueue<String>();
		var client = HttpClient.newHttpClient();
		var stream = client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link + "/events"))
			.header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
		var response = stream.get(10, TimeUnit.SECONDS);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		var reading = Thread.ofVirtual().start(() -> response.body().filter(l -> l.startsWith("event:")).forEach(events::add));
		try {
			assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event:ready");
			chair.get(path);
			follow(chair, chair.post(path + "/items/" + item + "/current", Map.of()));
			assertThat(events.poll(10, TimeUnit.SECONDS)).as("the stream tells the display after the step").isEqualTo("event:stage");
			assertThat(projector.get(link).body()).contains("1. Kế hoạch chuyển đổi số năm 2027");

			yenMo(() -> {
				f.speakers.request(VILLAGE_HEAD, id, item);
				f.speakers.next(CHAIR, id, item);
				return null;
			});
			assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event:stage");
			assertThat(projector.get(link).body()).contains("Đang phát biểu").contains("Hoàng Văn Bình").containsPattern("Còn [23]:[0-9]{2}")
				.contains("data-ends-at=");
			long vote = f.vote(id, "TWO_THIRDS", false);
			f.cast(CHAIR, id, vote, 0);
			f.cast(SECRETARY, id, vote, 0);
			f.cast(VILLAGE_HEAD, id, vote, 0);
			f.cast(MeetingsFixture.TEAM, id, vote, 0);
			f.close(id, vote);
			events.clear();
			var tally = projector.get(link).body();
			assertThat(tally).contains("Thông qua kế hoạch chuyển đổi số năm 2027").contains("Tán thành: <strong>4</strong>").contains("<strong>Thông qua</strong>")
				.doesNotContain("yenmo.");
		}
		finally {
			reading.interrupt();
			stream.cancel(true);
			client.close();
		}
	}

	@Test
	void secretaryRewritesTheMinutesAsVersionsUntilSigned() throws Exception {
		var f = new MeetingsFixture(context);
		long id = f.invited("Họp sửa biên bản " + System.nanoTime() % 100000);
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, MeetingsFixture.TEAM);
		yenMo(() -> {
			f.running.close(CHAIR, id);
			f.minutes.draft(CHAIR, id);
			return null;
		});
		var path = "/meetings/" + id;
		var secretary = as("yenmo.tuphap");
		var page = secretary.get(path).body();
		assertThat(page).contains("Các phiên bản nội dung biên bản (1)").contains("Phiên bản 1: lập từ diễn biến cuộc họp bởi yenmo.chutich");
		var drafted = find(page, "(?s)<textarea id=\"f-body\"[^>]*>([^<]+)</textarea>");
		assertThat(drafted).contains("Kế hoạch chuyển đổi số năm 2027");
		assertThat(follow(secretary, secretary.post(path + "/minutes/text", Map.of("body", "ngắn")))).contains("Nội dung biên bản cần từ 20 đến 60.000 ký tự.");
		var rewritten = "Cuộc họp thống nhất kế hoạch chuyển đổi số, giao thôn Yên Hòa làm trước.\nCác ý kiến khác đã ghi đủ.";
		assertThat(follow(secretary, secretary.post(path + "/minutes/text", Map.of("body", rewritten))))
			.contains("Đã lưu nội dung biên bản thành phiên bản mới.").contains("Các phiên bản nội dung biên bản (2)")
			.contains("Phiên bản 2: thư ký yenmo.tuphap viết lại lúc");
		assertThat(text(secretary.getBytes(path + "/minutes.pdf").body())).contains("giao thôn Yên Hòa làm trước").contains("BIÊN BẢN");
		var chair = as("yenmo.chutich");
		chair.get(path);
		assertThat(follow(chair, chair.post(path + "/minutes/text", Map.of("body", rewritten + " Sửa thêm")))).contains("Chỉ thư ký cuộc họp sửa biên bản.");

		yenMo(() -> {
			f.minutes.sign(SECRETARY, id, DemoData.SIGNING_PASSWORD.toCharArray());
			return null;
		});
		secretary.get(path);
		assertThat(follow(secretary, secretary.post(path + "/minutes/text", Map.of("body", rewritten + " Sau khi ký"))))
			.contains("Biên bản đã có chữ ký nên không sửa được nội dung nữa.").contains("Các phiên bản nội dung biên bản (2)");
		assertThat(text(secretary.getBytes(path + "/minutes.pdf").body())).doesNotContain("Sau khi ký");
	}

	private String reply(long meetingId) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select reply from meeting_invitee where meeting_id = ? and username = 'yenmo.truongthon'")
			.param(meetingId).query(String.class).single()));
	}

	private int versions(long firstId) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from meeting_item_file where coalesce(series, id) = ?").param(firstId)
			.query(Integer.class).single()));
	}

	private int cached(long fileId) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from meeting_file_page where file_id = ?").param(fileId)
			.query(Integer.class).single()));
	}

	private static int width(byte[] png) {
		assertThat(png).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		return ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
	}

	private static String text(byte[] pdf) throws java.io.IOException {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	private static String location(HttpResponse<String> r) {
		return r.headers().firstValue("Location").orElse("");
	}

	private static String follow(WebSession session, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return session.get(location(response).replaceFirst("^https?://[^/]+", "")).body();
	}

	private static String find(String html, String regex) {
		var m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}
}
