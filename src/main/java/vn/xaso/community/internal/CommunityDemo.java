package vn.xaso.community.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.community.Actor;
import vn.xaso.community.Survey;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Villages;

/**
 * Demo content of the community module, loaded with the demo (after the demo accounts and villages,
 * which the demo module loads first): in Xã Yên Mô a commune-level team led by {@code yenmo.congnghe},
 * four households of the first village (three assigned to the leader, one surveyed), a touch point and a
 * training; in Xã Nga An two households. It lives here because the demo module may only use modules'
 * public API, and these are use cases. Loading twice adds nothing.
 */
@Component
@Order(120)
class CommunityDemo implements ApplicationRunner {

	static final String YEN_MO = "14701";
	static final String NGA_AN = "16144";
	static final String TEAM = "Tổ công nghệ số cộng đồng xã Yên Mô";

	private static final Logger log = LoggerFactory.getLogger(CommunityDemo.class);

	private final Environment env;
	private final Villages villages;
	private final FormingTeams teams;
	private final RegisteringHousehold registering;
	private final ReadingHouseholds reading;
	private final RecordingSurvey surveys;
	private final PlanningTrainings trainings;

	CommunityDemo(Environment env, Villages villages, FormingTeams teams, RegisteringHousehold registering,
			ReadingHouseholds reading, RecordingSurvey surveys, PlanningTrainings trainings) {
		this.env = env;
		this.villages = villages;
		this.teams = teams;
		this.registering = registering;
		this.reading = reading;
		this.surveys = surveys;
		this.trainings = trainings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			Tenancy.runAs(UnitScope.of(YEN_MO), this::yenMo);
			Tenancy.runAs(UnitScope.of(NGA_AN), this::ngaAn);
		}
	}

	void yenMo() {
		var admin = new Actor(YEN_MO, "demo", Set.of(Role.ADMIN), null);
		if (teams.teams(admin).stream().anyMatch(t -> t.name().equals(TEAM))) {
			return;
		}
		var village = villages.list(YEN_MO).stream().filter(v -> v.active()).findFirst();
		if (village.isEmpty()) {
			return;
		}
		long teamId = teams.createTeam(admin, TEAM, null);
		long leader = teams.addAccount(admin, teamId, "yenmo.congnghe", true);
		var today = LocalDate.now(HouseholdEntry.VIETNAM);
		var ids = new java.util.ArrayList<Long>();
		for (var h : List.of(new String[] { "Đinh Văn Hùng", "1958", "0987100001", "Xóm Giữa", "x" },
				new String[] { "Phạm Thị Lan", "1942", "", "Xóm Đình", "x" }, new String[] { "Trần Văn Khải", "1975", "0987100003", "Xóm Bến", "" },
				new String[] { "Nguyễn Thị Mận", "1990", "0987100004", "Xóm Trại", "" })) {
			ids.add(registering.register(admin, new HouseholdEntry.Input(village.get().id(), h[0], h[1], null, null,
					h[2].isEmpty() ? null : h[2], h[3] + ", " + village.get().fullName(),
					"Họ tên, năm sinh, số điện thoại, địa chỉ và khảo sát dùng dịch vụ số", today.minusDays(10).toString(),
					!h[4].isEmpty() && h[1].equals("1942"), false, h[1].equals("1942"))));
		}
		teams.assign(admin, leader, ids.subList(0, 3));
		surveys.record(admin, ids.get(0), new RecordingSurvey.Answers(today.minusDays(9), 1, Survey.Internet.MOBILE, false,
				true, false, true, Survey.Barrier.SKILL));
		long point = trainings.addTouchPoint(admin, "Nhà văn hóa " + village.get().fullName(), village.get().id(),
				"Tối thứ Bảy, 19:00–21:00", null, null);
		long training = trainings.addTraining(admin, "Cài và dùng VNeID mức 2", "Lê Văn Tú", today.minusDays(5), point);
		trainings.recordAttendance(admin, training, ids.subList(0, 2));
		log.info("Community demo: team, {} households, a touch point and a training in {}", ids.size(), YEN_MO);
	}

	void ngaAn() {
		var admin = new Actor(NGA_AN, "demo", Set.of(Role.ADMIN), null);
		var village = villages.list(NGA_AN).stream().filter(v -> v.active()).findFirst();
		if (village.isEmpty() || reading.list(admin, null, "", 0, 1).total() > 0) {
			return;
		}
		var today = LocalDate.now(HouseholdEntry.VIETNAM);
		for (var h : List.of(new String[] { "Lê Văn Sơn", "1966" }, new String[] { "Mai Thị Hồng", "1981" })) {
			registering.register(admin, new HouseholdEntry.Input(village.get().id(), h[0], h[1], null, null, null,
					village.get().fullName(), "Họ tên, năm sinh và địa chỉ", today.minusDays(3).toString(), false, false, false));
		}
	}
}
