package vn.xaso.cameras.internal;

import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import vn.xaso.farm.internal.FarmFixture;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Cameras of Yên Mô for the camera tests, each with a name of its own, registered by the commune's administrator. */
public final class CameraFixture {

	public static final String YEN_MO = FarmFixture.YEN_MO;
	public static final OfficialPrincipal ADMIN = FarmFixture.ADMIN;
	public static final OfficialPrincipal HTX = FarmFixture.HTX;
	public static final OfficialPrincipal POLICE = new OfficialPrincipal(0, "yenmo.congan", "Đặng Văn Cường", YEN_MO, "Xã Yên Mô",
			Set.of(Role.POLICE_POST), UnitScope.of(YEN_MO));
	public static final String STREAM = "rtsp://10.20.30.40:554/Streaming/Channels/101";

	private final ApplicationContext context;

	public CameraFixture(ApplicationContext context) {
		this.context = context;
	}

	public static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	public static KeepingCameras.Input input(String name, String kind, String farmId, String consentName, String consentOn, String stream) {
		return new KeepingCameras.Input(name, null, "Cột điện trước nhà văn hóa", "20.1176", "105.9752", kind, farmId, consentName,
				consentOn, stream, "https://10.20.30.40/snapshot.jpg");
	}

	public <T> T inYenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), work::get);
	}

	public long commune(String name) {
		return inYenMo(() -> context.getBean(KeepingCameras.class).register(ADMIN, input(unique(name), "COMMUNE", null, null, null, STREAM)));
	}

	public long household(String name) {
		return inYenMo(() -> context.getBean(KeepingCameras.class).register(ADMIN,
				input(unique(name), "HOUSEHOLD", null, "Nguyễn Văn Hộ", java.time.LocalDate.now().minusDays(3).toString(), STREAM)));
	}

	/** A camera of a new farm of yenmo.htx; {@code [farm, camera]}. */
	public long[] farmCamera(String name) {
		long farm = new FarmFixture(context).farm("Trại có camera");
		long camera = inYenMo(() -> context.getBean(KeepingCameras.class).register(HTX,
				input(unique(name), "FARM", String.valueOf(farm), null, null, STREAM)));
		return new long[] { farm, camera };
	}

	public long incident(long camera, String note) {
		return inYenMo(() -> context.getBean(RecordingIncidents.class).record(POLICE,
				new RecordingIncidents.Input(String.valueOf(camera), null, note), null));
	}
}
