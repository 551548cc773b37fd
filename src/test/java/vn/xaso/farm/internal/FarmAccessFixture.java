package vn.xaso.farm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.farm.Device;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/**
 * A farm of yenmo.htx with a revoked device, a cleared alarm (raised by a reading above its rule, acknowledged,
 * cleared) and a stopped schedule, for the access-control rules in farm.tsv: every step on them is refused, so the
 * harness changes nothing.
 */
public class FarmAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại thử quyền");
		long quiet = fixture.farm("Trại thử quyền chưa có thiết bị");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến thử quyền");
		var feeder = fixture.device(farm, Device.Kind.FEEDER, "Máy cho ăn thử quyền");
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> {
			context.getBean(WatchingThresholds.class).addRule(FarmFixture.HTX, farm,
					new WatchingThresholds.Input(String.valueOf(sensor.device().id()), "temperature", "ABOVE", "32", "30", "0"));
			context.getBean(ReceivingTelemetry.class).receive(sensor.device(), "{\"temperature\": 40}".getBytes(StandardCharsets.UTF_8));
			var alarm = context.getBean(FarmDashboard.class).of(FarmFixture.HTX, farm).alarms().getFirst();
			var handling = context.getBean(HandlingAlarms.class);
			handling.acknowledge(FarmFixture.HTX, farm, alarm.id());
			handling.clear(FarmFixture.HTX, farm, alarm.id());
			context.getBean(ProvisioningDevices.class).revoke(FarmFixture.HTX, farm, sensor.device().id());
			var schedules = context.getBean(KeepingSchedules.class);
			long schedule = schedules.create(FarmFixture.HTX, farm,
					new KeepingSchedules.Input(String.valueOf(feeder.device().id()), "FEED_NOW", "06:00, 17:00"));
			schedules.stop(FarmFixture.HTX, farm, schedule);
			return Map.of("{yenmo.farm}", String.valueOf(farm), "{yenmo.farmDevice}", String.valueOf(sensor.device().id()),
					"{yenmo.farmAlarm}", String.valueOf(alarm.id()), "{yenmo.farmSchedule}", String.valueOf(schedule),
					"{yenmo.quietFarm}", String.valueOf(quiet));
		});
	}
}
