package vn.xaso.health;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.security.AccessControlFixture;

/** A Yên Mô question of another citizen (answered, published and closed) and a campaign, for the rules in health.tsv. */
public class HealthAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var fixture = new HealthFixture(context);
		long id = fixture.answered("0988000002", "Trẻ sốt nhẹ có cần đi khám không", true);
		long campaign = fixture.campaign("Kiểm soát truy cập " + System.nanoTime() % 1_000_000, "0979999001", "", "");
		return Map.of("{health.question}", String.valueOf(id), "{health.campaign}", String.valueOf(campaign));
	}
}
