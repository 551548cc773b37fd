package vn.xaso.demo;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.Announcement;
import vn.xaso.radio.Broadcasts;
import vn.xaso.radio.Pronunciations;
import vn.xaso.radio.SpeakerNetwork;
import vn.xaso.units.Villages;

/**
 * Demo loudspeakers of Xã Yên Mô: a zone per village (06:00 and 17:00), two receivers with fixed
 * demonstration tokens ({@link #DEVICE_TOKENS}, for a receiver simulator; never use them in
 * production) and one broadcast. Runs after {@link DemoData}, under the same condition; loading
 * twice adds nothing.
 */
@Component
@Order(110)
public class RadioDemo implements ApplicationRunner {

	/** Demonstration tokens of the two Yên Mô receivers (first village, second village). */
	public static final java.util.List<String> DEVICE_TOKENS = java.util.List.of(
			"xrd_demo_yenmo_receiver_1_not_secret", "xrd_demo_yenmo_receiver_2_not_secret");

	private static final Logger log = LoggerFactory.getLogger(RadioDemo.class);
	private static final String SOURCE = "demo:radio:1";

	private final Environment env;
	private final Villages villages;
	private final SpeakerNetwork network;
	private final Broadcasts broadcasts;
	private final Pronunciations pronunciations;

	RadioDemo(Environment env, Villages villages, SpeakerNetwork network, Broadcasts broadcasts, Pronunciations pronunciations) {
		this.pronunciations = pronunciations;
		this.env = env;
		this.villages = villages;
		this.network = network;
		this.broadcasts = broadcasts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), this::load);
		}
	}

	void load() {
		var unit = DemoData.YEN_MO;
		int added = 0;
		var zones = network.zones(unit);
		for (var v : villages.list(unit)) {
			if (v.active() && zones.stream().noneMatch(z -> v.id() == (z.villageId() == null ? -1 : z.villageId()))) {
				network.createZone("demo", unit, v.id(), "", "06:00, 17:00");
				added++;
			}
		}
		zones = network.zones(unit).stream().filter(z -> z.villageId() != null).toList();
		var devices = network.devices(unit);
		for (int i = 0; i < DEVICE_TOKENS.size() && i < zones.size(); i++) {
			var token = DEVICE_TOKENS.get(i);
			if (network.authenticate(token).isEmpty() && devices.size() <= i) {
				network.registerDevice("demo", unit, zones.get(i).id(), "Loa nhà văn hóa " + zones.get(i).name()
					.replaceFirst("^Cụm loa ", ""), token);
				added++;
			}
		}
		if (broadcasts.recent(unit, false, 50, 0).stream().noneMatch(b -> b.source().equals(SOURCE))) {
			broadcasts.announce(new Announcement(unit, "Lịch tiêm vắc xin sởi tháng 12",
					"Thực hiện Kế hoạch số 125/KH-UBND ngày 20/11/2026 của UBND xã Yên Mô, Trạm Y tế xã tổ chức tiêm vắc xin sởi "
							+ "cho trẻ từ 9-18 tháng tuổi vào 7h30 ngày 05/12/2026 tại Trạm Y tế xã. Phụ huynh mang theo sổ tiêm chủng "
							+ "và thẻ BHYT của trẻ. Mọi thắc mắc liên hệ 0229.3868.115.",
					Set.of(), false, null, SOURCE));
			added++;
		}
		if (pronunciations.list(unit).isEmpty()) { // the commune's own way of reading (issue 21)
			pronunciations.save("demo", unit, "VNeID", "vê en ê ai đi");
			pronunciations.save("demo", unit, "TDP", "tổ dân phố");
			added++;
		}
		if (added > 0) {
			log.info("Radio demo: added {} zones, receivers and broadcasts", added);
		}
	}
}
