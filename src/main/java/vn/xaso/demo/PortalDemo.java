package vn.xaso.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.CommuneInfo;
import vn.xaso.portal.Posts;
import vn.xaso.units.Villages;

/**
 * The demo commune's web site: Xã Yên Mô's notices, news and legal dissemination articles, this week's
 * work schedule of the leaders and the public contacts. Runs after {@link DemoData} under the same
 * condition and adds only what is missing, so it can run at every start. Posts are published
 * without announcing on other channels (no demo pushes or loudspeaker broadcasts at start-up).
 */
@Component
@Order(105)
public class PortalDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PortalDemo.class);
	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Environment env;
	private final Posts posts;
	private final CommuneInfo info;
	private final Villages villages;

	PortalDemo(Environment env, Posts posts, CommuneInfo info, Villages villages) {
		this.env = env;
		this.posts = posts;
		this.info = info;
		this.villages = villages;
	}

	record DemoPost(String kind, String category, String title, String summary, String body, int village, int daysAgo) {
	}

	static final List<DemoPost> POSTS = List.of(
			new DemoPost("notice", "Y tế", "Thông báo tiêm phòng dại cho chó, mèo năm 2026",
					"Trạm Y tế xã tổ chức tiêm phòng dại cho chó, mèo tại nhà văn hóa các thôn.",
					"Thực hiện Kế hoạch số 112/KH-UBND của UBND xã về phòng, chống bệnh dại năm 2026, Trạm Y tế xã phối hợp với cán bộ "
							+ "thú y tổ chức tiêm phòng dại cho chó, mèo.\n\nThời gian: từ 7 giờ 30 đến 11 giờ, các ngày 28 và 29/11/2026.\n\n"
							+ "Địa điểm: nhà văn hóa các thôn. Mức thu: 30.000 đồng một liều. Đề nghị các hộ gia đình nuôi chó, mèo đưa vật nuôi "
							+ "đến tiêm đúng lịch và xích, rọ mõm khi đưa chó ra đường.",
					-1, 1),
			new DemoPost("notice", "Điện lực", "Lịch tạm ngừng cấp điện thôn Đông Thịnh ngày 30/11",
					"Điện lực Yên Mô bảo dưỡng đường dây, tạm ngừng cấp điện từ 7 giờ đến 11 giờ 30.",
					"Để bảo dưỡng đường dây 35 kV, Điện lực Yên Mô tạm ngừng cấp điện khu vực thôn Đông Thịnh từ 7 giờ đến 11 giờ 30 "
							+ "Chủ nhật ngày 30/11/2026.\n\nĐề nghị bà con chủ động sắp xếp công việc, không đến gần khu vực thi công.",
					0, 0),
			new DemoPost("notice", "Hành chính", "Thông báo lịch tiếp công dân tháng 12 năm 2026",
					"Chủ tịch UBND xã tiếp công dân định kỳ vào thứ Năm tuần đầu và tuần thứ ba.",
					"Chủ tịch UBND xã tiếp công dân định kỳ tại Trụ sở UBND xã vào sáng thứ Năm các ngày 03/12 và 17/12/2026.\n\n"
							+ "Công dân mang theo CCCD và giấy tờ liên quan. Có thể gửi phản ánh trước qua ứng dụng Công dân số.",
					-1, 3),
			new DemoPost("news", "Nông nghiệp", "Yên Mô ra quân làm đất, gieo cấy vụ Đông Xuân 2026-2027",
					"Các thôn đã hoàn thành thu hoạch lúa mùa và làm đất sớm cho vụ Đông Xuân.",
					"Sáng 20/11, UBND xã tổ chức ra quân làm đất vụ Đông Xuân 2026-2027 với hơn 40 máy cày, máy phay. Toàn xã gieo cấy "
							+ "khoảng 620 ha lúa, trong đó 180 ha lúa chất lượng cao.\n\nHợp tác xã dịch vụ nông nghiệp đã chuẩn bị đủ giống, "
							+ "phân bón và nước tưới; cán bộ khuyến nông hướng dẫn bà con phòng trừ chuột và ốc bươu vàng ngay từ đầu vụ.",
					-1, 2),
			new DemoPost("news", "Chuyển đổi số", "Tổ công nghệ số cộng đồng hướng dẫn bà con cài ứng dụng Công dân số",
					"Hơn 300 hộ gia đình đã được hướng dẫn nộp hồ sơ trực tuyến và nhận thông báo trên điện thoại.",
					"Trong tháng 11, Tổ công nghệ số cộng đồng của các thôn đã đến từng nhà hướng dẫn cài đặt ứng dụng Công dân số, "
							+ "đăng nhập bằng số điện thoại, nộp hồ sơ trực tuyến và bật thông báo.\n\nBà con cần hỗ trợ có thể đến bộ phận "
							+ "một cửa của xã vào giờ hành chính.",
					-1, 5),
			new DemoPost("law", "Pháp luật", "Những điểm mới của Luật Đất đai 2024 người dân cần biết",
					"Người sử dụng đất được cấp Giấy chứng nhận trong nhiều trường hợp không có giấy tờ.",
					"Luật Đất đai năm 2024 có hiệu lực từ ngày 01/8/2024 mở rộng các trường hợp được cấp Giấy chứng nhận quyền sử dụng "
							+ "đất cho hộ gia đình, cá nhân đang sử dụng đất không có giấy tờ, không vi phạm pháp luật về đất đai.\n\n"
							+ "Bảng giá đất được xây dựng hằng năm, áp dụng từ ngày 01 tháng 01. Mọi thắc mắc xin liên hệ công chức địa chính xã.",
					-1, 6));

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			int added = load();
			if (added > 0) {
				log.info("Demo portal: added {} items for Xã Yên Mô", added);
			}
		}
	}

	/** Adds whatever part of the demo portal is missing; returns how many things were added. */
	public int load() {
		var leader = new OfficialPrincipal(0, "yenmo.chutich", "Chủ tịch UBND xã", DemoData.YEN_MO, "Xã Yên Mô",
				Set.of(Role.LEADER, Role.ADMIN), UnitScope.of(DemoData.YEN_MO));
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			int added = 0;
			var existing = posts.list(leader, null, 0, 200).items().stream().map(p -> p.title()).toList();
			var communeVillages = villages.list(DemoData.YEN_MO);
			for (var p : POSTS) {
				if (existing.contains(p.title())) {
					continue;
				}
				var target = p.village() >= 0 && p.village() < communeVillages.size() ? List.of(communeVillages.get(p.village()).id()) : List.<Long>of();
				long id = posts.create(leader, new Posts.Draft(p.kind(), p.category(), p.title(), p.summary(), p.body(), null, target, Set.of(), false));
				posts.publish(leader, id);
				added++;
			}
			var today = LocalDate.now(VIETNAM);
			var monday = today.with(DayOfWeek.MONDAY);
			if (info.week(DemoData.YEN_MO, monday).isEmpty()) {
				info.addSchedule(leader, monday, "07:30", "Chủ tịch UBND xã", "Giao ban lãnh đạo UBND xã đầu tuần", "Phòng họp UBND xã");
				info.addSchedule(leader, monday.plusDays(1), "08:00", "Phó Chủ tịch UBND xã", "Kiểm tra tiến độ làm đất vụ Đông Xuân",
						"Các thôn");
				info.addSchedule(leader, monday.plusDays(3), "07:30", "Chủ tịch UBND xã", "Tiếp công dân định kỳ", "Trụ sở UBND xã");
				info.addSchedule(leader, monday.plusDays(4), "14:00", "Chủ tịch UBND xã", "Họp Ban chỉ đạo chuyển đổi số xã",
						"Hội trường UBND xã");
				added += 4;
			}
			if (info.contactsForEditor(leader).isEmpty()) {
				info.addContact(leader, 1, "Đinh Văn Hùng", "Chủ tịch UBND xã", "", false, "");
				info.addContact(leader, 2, "Văn phòng HĐND và UBND xã", "Tiếp nhận, trả lời chung", "02293868123", true,
						"vanphong.yenmo@ninhbinh.gov.vn");
				info.addContact(leader, 3, "Bộ phận một cửa", "Tiếp nhận hồ sơ thủ tục hành chính", "02293868456", true, "");
				added += 3;
			}
			return added;
		});
	}
}
