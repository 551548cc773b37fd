package vn.xaso.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The party pages over HTTP as a browser sends them. A cell secretary reaches their cell from the workspace link,
 * holds a cell meeting with materials (a double submit of the form is one meeting; a file that is no PDF is refused)
 * and takes attendance; a member of the cell reads it; a commune administrator who is not a party member gets 404 or
 * 403 from every party page and API (every row of party.tsv), and no workspace link; a citizen member reads their cell.
 */
@XasoIntegrationTest
class PartyWebTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DemoTextMessages outbox;

	private WebSession as(String username) {
		return new WebSession(port).signInOfficial(username, DemoData.PASSWORD);
	}

	@Test
	void aCellSecretaryHoldsACellMeetingWithMaterialsACommuneAdministratorWhoIsNoMemberCannotReadIt() {
		var f = new PartyFixture(context);
		long cell = f.yenHoa();
		var title = "Sinh hoạt chi bộ tháng " + System.nanoTime() % 1_000_000;

		var secretary = as("yenmo.truongthon");
		var workspace = secretary.get("/workspace").body();
		assertThat(workspace).contains("href=\"/party\"").contains("Sổ tay đảng viên");
		var home = secretary.get("/party").body();
		assertThat(home).contains(PartyFixture.YEN_HOA).contains("Bí thư chi bộ");
		var cellPath = find(home, "href=\"(/party/cells/[0-9]+)\"");
		assertThat(cellPath).isEqualTo("/party/cells/" + cell);
		assertThat(secretary.get(cellPath).body()).contains("Lên lịch sinh hoạt chi bộ").contains("Trần Văn Minh");

		var bad = secretary.post(cellPath + "/meetings", Map.of("kind", "MONTHLY", "title", "x"));
		assertThat(follow(secretary, bad)).contains("Tên buổi sinh hoạt cần từ 3 đến 200 ký tự.");
		var form = Map.of("kind", "MONTHLY", "title", title, "date", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2).toString(),
				"time", "19:30", "place", "Nhà văn hóa thôn Yên Hòa", "agenda", "Quán triệt nghị quyết; phân công phụ trách hộ.");
		var first = secretary.post(cellPath + "/meetings", form);
		var again = secretary.post(cellPath + "/meetings", form);
		assertThat(location(again)).as("the double submit gets the first answer").isEqualTo(location(first));
		assertThat(f.reading.cell(PartyFixture.SECRETARY, cell).meetings()).filteredOn(m -> m.title().equals(title)).hasSize(1);
		var meetingPath = location(first).replaceFirst("^https?://[^/]+", "");
		assertThat(meetingPath).matches("/party/meetings/[0-9]+");
		var page = follow(secretary, first);
		assertThat(page).contains("Đã lên lịch buổi sinh hoạt.").contains(title).contains("Quán triệt nghị quyết");

		assertThat(follow(secretary, secretary.upload(meetingPath + "/materials", Map.of("fileTitle", "Ảnh"), "file", "nghi-quyet.pdf",
				"không phải pdf".getBytes(StandardCharsets.UTF_8)))).contains("Tệp này không phải PDF.");
		page = follow(secretary, secretary.upload(meetingPath + "/materials", Map.of("fileTitle", "Dự thảo nghị quyết tháng"), "file",
				"nghi-quyet.pdf", PartyFixture.pdf("Dự thảo nghị quyết")));
		assertThat(page).contains("Đã đính kèm tài liệu.").contains("Dự thảo nghị quyết tháng");
		var material = find(page, "href=\"(" + Pattern.quote(meetingPath) + "/materials/[0-9]+)\"");
		var member = find(page, "name=\"memberId\" value=\"([0-9]+)\"");
		assertThat(follow(secretary, secretary.post(meetingPath + "/attendance", Map.of("memberId", member, "present", "true"))))
			.contains("Đã điểm danh.").contains("Có mặt");

		var colleague = as("yenmo.tuphap");
		assertThat(colleague.get(meetingPath).body()).contains(title).contains("Dự thảo nghị quyết tháng").doesNotContain("Đính kèm tài liệu");
		assertThat(colleague.getBytes(material).body()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));

		var admin = as("yenmo.admin");
		assertThat(admin.get("/workspace").body()).doesNotContain("href=\"/party\"");
		assertThat(admin.get(meetingPath).statusCode()).isEqualTo(404);
		assertThat(admin.getBytes(material).statusCode()).isEqualTo(404);
		assertThat(admin.get("/party").statusCode()).isEqualTo(404);
		assertThat(admin.get(cellPath).statusCode()).isEqualTo(404);
		assertThat(admin.post(meetingPath + "/notes", Map.of("body", "x")).statusCode()).isEqualTo(404);
	}

	@Test
	void aCommuneAdministratorWhoIsNoMemberGets404Or403FromEveryPartyPageAndApi() throws Exception {
		var placeholders = new HashMap<>(new PartyAccessFixture().create(context));
		var admin = as("yenmo.admin");
		var rules = new ClassPathResource("access-control/party.tsv").getContentAsString(StandardCharsets.UTF_8).lines()
			.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
		assertThat(rules).hasSizeGreaterThan(40);
		for (var rule : rules) {
			var columns = rule.strip().split("\\s+");
			var path = columns[3];
			for (var e : placeholders.entrySet()) {
				path = path.replace(e.getKey(), e.getValue());
			}
			var body = new HashMap<String, String>();
			if (columns.length > 4 && !columns[4].equals("-")) {
				for (var pair : columns[4].split("&")) {
					var kv = pair.split("=", 2);
					body.put(kv[0], kv.length > 1 ? kv[1] : "");
				}
			}
			var response = admin.request(columns[0], path, body);
			assertThat(response.statusCode()).as(columns[0] + " " + path).isIn(403, 404);
		}
	}

	@Test
	void theSecretaryKeepsAMembersRecordOnItsPageTheListShowsTheCardMaskedTheMemberReadsTheirOwn() {
		var f = new PartyFixture(context);
		long cell = f.yenHoa();
		var secretary = as("yenmo.truongthon");
		var cellPage = secretary.get("/party/cells/" + cell).body();
		var recordPath = find(cellPage, "href=\"(/party/cells/" + cell + "/members/[0-9]+)\">Trần Văn Minh<");
		assertThat(secretary.get(recordPath).body()).contains("Ngày vào Đảng", "Số thẻ đảng viên", "Lưu hồ sơ")
			.doesNotContain("Chuyển sinh hoạt");
		var card = String.valueOf(10_000_000 + System.nanoTime() % 89_999_999);
		var refused = follow(secretary, secretary.post(recordPath + "/record", Map.of("admittedOn", "2012-03-02", "officialOn", "2011-03-02",
				"cardNumber", card)));
		assertThat(refused).contains("Ngày chính thức không thể trước ngày vào Đảng.").doesNotContain(card);
		var saved = follow(secretary, secretary.post(recordPath + "/record", Map.of("admittedOn", "2012-03-02", "officialOn", "2013-03-02",
				"cardNumber", card, "birthYear", "1985", "phone", "")));
		assertThat(saved).contains("Đã lưu hồ sơ đảng viên.", card, "1985");
		var masked = "\u2022\u2022\u2022\u2022 " + card.substring(card.length() - 4);
		var member = as("yenmo.tuphap");
		assertThat(member.get("/party/cells/" + cell).body()).contains(masked).doesNotContain(card).doesNotContain("1985");
		var home = member.get("/party").body();
		assertThat(home).contains("Hồ sơ đảng viên của tôi");
		assertThat(member.get(find(home, "href=\"(/party/cells/[0-9]+/members/[0-9]+)\">Hồ sơ đảng viên của tôi")).body()).contains(card)
			.doesNotContain("Lưu hồ sơ");
		var committee = as("yenmo.chutich");
		assertThat(committee.get("/party").body()).contains("Thôn của chi bộ", "Tên Đảng bộ xã");
		assertThat(committee.get(recordPath).body()).contains("Chuyển sang chi bộ khác");
		assertThat(follow(committee, committee.post("/party/cells/" + cell + "/village", Map.of("villageCode", "00000-00"))))
			.contains("Hãy chọn một thôn của xã trong danh sách.");
	}

	@Test
	void aCitizenMemberReadsTheirCellUnderTheirOwnPages() {
		var f = new PartyFixture(context);
		long cell = f.yenHoa();
		var citizen = new WebSession(port).signInCitizen(PartyFixture.CITIZEN_PHONE, outbox);
		assertThat(citizen.get("/citizen").body()).contains("href=\"/citizen/dang\"").contains("Sổ tay đảng viên");
		var home = citizen.get("/citizen/dang").body();
		assertThat(home).contains(PartyFixture.YEN_HOA).contains("href=\"/citizen/dang/cells/" + cell + "\"");
		assertThat(citizen.get("/citizen/dang/cells/" + cell).body()).contains("Hoàng Văn Bình").doesNotContain("Lên lịch sinh hoạt chi bộ");
		assertThat(citizen.get("/party").statusCode()).isIn(302, 403);
		assertThat(new WebSession(port).signInCitizen("0988000003", outbox).get("/citizen").body()).doesNotContain("/citizen/dang");
	}

	private static String location(HttpResponse<String> r) {
		return r.headers().firstValue("Location").orElse("");
	}

	/** Follows a redirect as a browser does, and gives the page. */
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
