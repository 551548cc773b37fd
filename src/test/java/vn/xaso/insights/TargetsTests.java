package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

@XasoIntegrationTest
class TargetsTests {

	@Autowired
	Targets targets;

	@Autowired
	Facts facts;

	@Autowired
	Units units;

	@LocalServerPort
	int port;

	@Test
	void aCommuneMeetsATargetWhenItsYearFigureReachesTheThresholdAndTheProvinceCountsRegistrations() {
		var communes = units.communesOf(DemoData.NINH_BINH).stream().filter(c -> !c.equals(DemoData.YEN_MO)).sorted().toList();
		var good = communes.get(5);
		var poor = communes.get(6);
		// 2021: the good commune signs 9 of 10 released documents (90 %), the poor one 1 of 4 (25 %).
		apply(good, LocalDate.of(2021, 4, 1), Map.of("documents.outgoing_released", 10L, "documents.outgoing_signed", 9L));
		apply(poor, LocalDate.of(2021, 6, 1), Map.of("documents.outgoing_released", 4L, "documents.outgoing_signed", 1L));
		var set = Tenancy.callAs(UnitScope.systemWide(), () -> {
			long id = targets.save(DemoData.NINH_BINH, "T-2021", "Thử 2021", 2021, List.of(
					new Targets.NewTarget("DOC_OUT_SIGNED", Targets.Level.BASIC, new BigDecimal("80")),
					new Targets.NewTarget("DOC_OUT_RELEASED", Targets.Level.ADVANCED, new BigDecimal("8"))), "test");
			targets.publish(DemoData.NINH_BINH, id, "test");
			targets.register(good, id, Targets.Level.ADVANCED, "test");
			targets.register(poor, id, Targets.Level.BASIC, "test");
			return targets.set(id).orElseThrow();
		});
		var goodProgress = Tenancy.callAs(UnitScope.of(good), () -> targets.progress(set, good));
		assertThat(goodProgress.registered()).isEqualTo(Targets.Level.ADVANCED);
		assertThat(goodProgress.met()).isEqualTo(2);
		assertThat(goodProgress.total()).isEqualTo(2);
		var poorProgress = Tenancy.callAs(UnitScope.of(poor), () -> targets.progress(set, poor));
		assertThat(poorProgress.total()).isEqualTo(1); // basic level only
		assertThat(poorProgress.met()).isZero();
		var summary = Tenancy.callAs(UnitScope.systemWide(), () -> targets.summary(set));
		assertThat(summary.communes()).isEqualTo(units.communesOf(DemoData.NINH_BINH).size());
		assertThat(summary.registered()).isEqualTo(2); // registrations are per set
	}

	@Test
	void badTargetsAndForeignRegistrationsAreRefusedInVietnamese() {
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.systemWide(), () -> targets.save(DemoData.NINH_BINH, "X-1", "Sai", 2026,
				List.of(new Targets.NewTarget("DOC_OUT_SIGNED", Targets.Level.BASIC, new BigDecimal("150"))), "test")))
			.hasMessageContaining("phải từ 0 đến 100");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.systemWide(), () -> targets.save(DemoData.YEN_MO, "X-1", "Sai", 2026,
				List.of(new Targets.NewTarget("DOC_OUT_SIGNED", Targets.Level.BASIC, BigDecimal.TEN)), "test")))
			.hasMessageContaining("Chỉ tỉnh, thành phố");
		var demoSet = Tenancy.callAs(UnitScope.systemWide(), () -> targets.sets(DemoData.NINH_BINH)).stream()
			.filter(s -> s.code().equals("CDS-2026")).findFirst().orElseThrow();
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.systemWide(), () -> targets.register(DemoData.NGA_AN, demoSet.id(),
				Targets.Level.BASIC, "test"))).hasMessageContaining("không thuộc tỉnh của xã");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.systemWide(), () -> targets.save(DemoData.NINH_BINH, "CDS-2026", "Sửa",
				2026, List.of(new Targets.NewTarget("DOC_OUT_SIGNED", Targets.Level.BASIC, BigDecimal.TEN)), "test")))
			.hasMessageContaining("đã ban hành, không sửa được");
	}

	@Test
	void theProvinceAdministratorPublishesInTheBrowserFormAndTheCommuneLeaderRegisters() {
		var admin = new WebSession(port).signInOfficial("ninhbinh.quantri", DemoData.PASSWORD);
		var form = admin.get("/insights/37/targets/new");
		assertThat(form.statusCode()).isEqualTo(200);
		var bad = admin.post("/insights/37/targets", Map.of("code", "W-2026", "name", "Web", "year", "2026", "rows[0].indicator",
				"DOC_IN_ON_TIME", "rows[0].threshold", "chín mươi"));
		assertThat(bad.body()).contains("Ngưỡng ở dòng 1 phải là một số");
		var malformed = admin.post("/insights/37/targets", Map.of("code", "W-2026", "rows[0.indicator", "DOC_IN_ON_TIME"));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("tên ô nhập không đúng dạng");
		var saved = admin.post("/insights/37/targets", Map.of("code", "W-2026", "name", "Bộ thử qua web", "year", "2026",
				"rows[0].indicator", "DOC_IN_ON_TIME", "rows[0].threshold", "92,5", "rows[0].level", "basic", "action", "publish"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/insights/37").body()).contains("Bộ thử qua web").contains("xã, phường đã đăng ký");
		var set = Tenancy.callAs(UnitScope.systemWide(), () -> targets.sets(DemoData.NINH_BINH)).stream()
			.filter(s -> s.code().equals("W-2026")).findFirst().orElseThrow();
		assertThat(set.published()).isTrue();
		assertThat(set.targets()).singleElement().satisfies(t -> assertThat(t.threshold()).isEqualByComparingTo("92.5"));
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		var registered = leader.post("/insights/14701/registration", Map.of("set", String.valueOf(set.id()), "level", "advanced"));
		assertThat(registered.statusCode()).isEqualTo(302);
		var page = leader.get("/insights/14701");
		assertThat(page.body()).contains("Bộ thử qua web").contains("Xã đã đăng ký mức: Xã chuyển đổi số nâng cao").contains("Đạt ");
		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaAn.post("/insights/14701/registration", Map.of("set", String.valueOf(set.id()))).statusCode()).isEqualTo(403);
		assertThat(leader.get("/insights/37/targets/new").statusCode()).isEqualTo(403);
	}

	private void apply(String unit, LocalDate day, Map<String, Long> deltas) {
		var event = new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now());
		Tenancy.runAs(UnitScope.of(unit), () -> facts.apply(event));
	}
}
