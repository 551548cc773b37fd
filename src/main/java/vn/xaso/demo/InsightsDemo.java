package vn.xaso.demo;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.insights.Targets;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Demo targets: Ninh Bình's published 2026 digital-commune target set, with Xã Yên Mô registered
 * for the basic level. Loading it twice changes nothing.
 */
@Component
@Order(300)
class InsightsDemo implements ApplicationRunner {

	static final String SET = "CDS-2026";

	private final Environment env;
	private final Targets targets;

	InsightsDemo(Environment env, Targets targets) {
		this.env = env;
		this.targets = targets;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			load();
		}
	}

	void load() {
		Tenancy.runAs(UnitScope.systemWide(), () -> {
			if (targets.sets(DemoData.NINH_BINH).stream().anyMatch(s -> s.code().equals(SET))) {
				return;
			}
			long id = targets.save(DemoData.NINH_BINH, SET, "Bộ tiêu chí xã chuyển đổi số tỉnh Ninh Bình năm 2026", 2026, List.of(
					new Targets.NewTarget("DOC_OUT_SIGNED", Targets.Level.BASIC, new BigDecimal("100")),
					new Targets.NewTarget("DOC_IN_ON_TIME", Targets.Level.BASIC, new BigDecimal("90")),
					new Targets.NewTarget("PEOPLE_SMARTPHONE", Targets.Level.BASIC, new BigDecimal("80")),
					new Targets.NewTarget("PEOPLE_PAYMENT_ACCOUNT", Targets.Level.BASIC, new BigDecimal("80")),
					new Targets.NewTarget("FIBRE_HOUSEHOLDS", Targets.Level.BASIC, new BigDecimal("80")),
					new Targets.NewTarget("DOC_IN_ELECTRONIC", Targets.Level.ADVANCED, new BigDecimal("50")),
					new Targets.NewTarget("PEOPLE_DIGITAL_SIGNATURE", Targets.Level.ADVANCED, new BigDecimal("50"))), "demo");
			targets.publish(DemoData.NINH_BINH, id, "demo");
			targets.register(DemoData.YEN_MO, id, Targets.Level.BASIC, "demo");
		});
	}
}
