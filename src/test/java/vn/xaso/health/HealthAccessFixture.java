package vn.xaso.health;

import java.util.Map;

import org.springframework.context.ApplicationContext;

/** A Yên Mô question of another citizen (with a photo; answered, published and closed), a campaign and an appointment, for the rules in health.tsv. */
public class HealthAccessFixture implements vn.xaso.security.AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var fixture = new HealthFixture(context);
		long id = fixture.answered("0988000002", "Trẻ sốt nhẹ có cần đi khám không", true, HealthFixture.png(640, 480));
		long photo = fixture.photos("0988000002", id).getFirst().id();
		long campaign = fixture.campaign("Kiểm soát truy cập " + System.nanoTime() % 1_000_000, "0979999001", "", "");
		long appointment = fixture.appointment("0988000002", 80, "AFTERNOON");
		return Map.of("{health.question}", String.valueOf(id), "{health.campaign}", String.valueOf(campaign), "{health.photo}",
				String.valueOf(photo), "{health.appointment}", String.valueOf(appointment), "{health.campaignPerson}",
				String.valueOf(fixture.campaignPeople(campaign).getFirst()));
	}
}
