package vn.xaso.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Villages;

/**
 * A few feedback reports of Xã Yên Mô in different states (received, in progress, answered and
 * rated, closed, merged duplicate), loaded with the rest of the demo. Adds nothing when Yên Mô
 * already has reports.
 */
@Component
@Order(110)
public class FeedbackDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FeedbackDemo.class);

	private final Environment env;
	private final Feedback feedback;
	private final Citizens citizens;
	private final Villages villages;

	FeedbackDemo(Environment env, Feedback feedback, Citizens citizens, Villages villages) {
		this.env = env;
		this.feedback = feedback;
		this.citizens = citizens;
		this.villages = villages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			load();
		}
	}

	/** Returns how many reports were added (0 when Yên Mô already has some). */
	public int load() {
		var yenMo = DemoData.YEN_MO;
		var existing = feedback.publicSearch(yenMo, new Feedback.PublicSearch(null, null, null, null, null, null, 0, 1)).total();
		if (existing > 0) {
			return 0;
		}
		var village = villages.list(yenMo).stream().filter(v -> v.active()).map(v -> v.code()).findFirst().orElse(null);
		long an = citizens.ensure("0988000001", "Nguyễn Văn An");
		long binh = citizens.ensure("0988000002", "Trần Thị Bình");
		var road = feedback.submit(new Feedback.NewReport(yenMo, "GT-DUONG",
				"Đường trục thôn Yên Hòa đoạn gần trường mầm non có nhiều ổ gà sâu, trời mưa đọng nước, xe máy dễ ngã.", 20.1032, 105.9791,
				village, "Gần trường mầm non", an, false, "Nguyễn Văn An", "0988000001", null, List.of(), "web", null, null));
		var roadAgain = feedback.submit(new Feedback.NewReport(yenMo, "GT-DUONG",
				"Ổ gà trước cổng trường mầm non thôn Yên Hòa, đề nghị xã sửa sớm trước mùa mưa.", 20.1034, 105.9789, village, "",
				binh, false, "Trần Thị Bình", "0988000002", null, List.of(), "web", null, null));
		var rubbish = feedback.submit(new Feedback.NewReport(yenMo, "MT-RAC",
				"Bãi rác tự phát ở bờ kênh cuối thôn Bình Hải bốc mùi, đề nghị xã cho thu gom.", 20.0985, 105.9870, null,
				"Bờ kênh cuối thôn Bình Hải", null, true, null, null, null, List.of(), "web", null, null));
		var light = feedback.submit(new Feedback.NewReport(yenMo, "DIEN-CS",
				"Ba bóng đèn đường trên trục chính tổ dân phố Yên Thịnh không sáng mấy tuần nay.", 20.1101, 105.9712, null,
				"Trục chính tổ dân phố Yên Thịnh", null, true, null, null, null, List.of(), "web", null, null));
		feedback.submit(new Feedback.NewReport(yenMo, "TTHC",
				"Đề nghị xã niêm yết rõ giờ tiếp nhận hồ sơ chiều thứ Bảy tại bộ phận một cửa.", null, null, null,
				"Trụ sở UBND xã", null, true, null, null, null, List.of(), "web", null, null));
		Tenancy.runAs(UnitScope.of(yenMo), () -> {
			var leader = new FeedbackActor(yenMo, "yenmo.chutich", "Đinh Văn Hùng", Set.of(Role.LEADER));
			var specialist = new FeedbackActor(yenMo, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));
			feedback.assign(leader, road.id(), "yenmo.tuphap");
			feedback.note(specialist, road.id(), "Đã kiểm tra hiện trường, cần khoảng 2 m³ đá dăm.");
			feedback.merge(specialist, roadAgain.id(), road.code());
			feedback.answer(specialist, road.id(),
					"UBND xã đã cho vá các ổ gà trên đường trục thôn Yên Hòa ngày 20/11. Cảm ơn bà con đã phản ánh.");
			feedback.assign(leader, light.id(), "yenmo.tuphap");
			feedback.close(leader, rubbish.id(), "Xã đã thu gom bãi rác và đặt biển cấm đổ rác ở bờ kênh.");
		});
		feedback.rate(an, road.code(), 5);
		log.info("Feedback demo: added 5 reports in Xã Yên Mô");
		return 5;
	}
}
