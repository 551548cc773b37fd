package vn.xaso.radio;

import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.internal.TestAudio;
import vn.xaso.security.AccessControlFixture;
import vn.xaso.units.Villages;

/** Yên Mô radio objects for the access-control harness: a zone, a receiver, broadcasts (one only to be cancelled). */
public class RadioAccessFixture implements AccessControlFixture {

	public RadioAccessFixture() {
	}

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var broadcasts = context.getBean(Broadcasts.class);
		var network = context.getBean(SpeakerNetwork.class);
		var villages = context.getBean(Villages.class);
		var unit = DemoData.YEN_MO;
		return Tenancy.callAs(UnitScope.of(unit), () -> {
			var village = villages.create(unit, "Loa Kiểm Soát " + (System.nanoTime() % 100000), "Xóm");
			long zone = network.createZone("test", unit, village.id(), "", "06:00, 17:00");
			long device = network.registerDevice("test", unit, zone, "Loa kiểm soát").id();
			var wav = TestAudio.sineWav(1500, 16000);
			long broadcast = broadcasts.announceRecorded(new Announcement(unit, "Kiểm soát truy cập", "Bản tin thử.",
					Set.of(village.id()), false, null, "test:access"), wav);
			long toCancel = broadcasts.announceRecorded(new Announcement(unit, "Kiểm soát truy cập (dừng)", "Bản tin thử.",
					Set.of(village.id()), false, null, "test:access"), wav);
			return Map.of("{yenmo.radioZone}", String.valueOf(zone), "{yenmo.radioDevice}", String.valueOf(device),
					"{yenmo.broadcast}", String.valueOf(broadcast), "{yenmo.broadcastToCancel}", String.valueOf(toCancel));
		});
	}
}
