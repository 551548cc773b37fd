package vn.xaso.farm.internal;

import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import vn.xaso.farm.Device;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Farms of Yên Mô for the demo producer account yenmo.htx, registered by the commune's administrator, and their devices. */
public final class FarmFixture {

	public static final String YEN_MO = "14701";
	public static final OfficialPrincipal HTX = new OfficialPrincipal(0, "yenmo.htx", "Vũ Thị Hạnh", YEN_MO, "Xã Yên Mô",
			Set.of(Role.PRODUCER), UnitScope.of(YEN_MO));
	public static final OfficialPrincipal ADMIN = new OfficialPrincipal(0, "yenmo.admin", "Quản trị Yên Mô", YEN_MO, "Xã Yên Mô",
			Set.of(Role.ADMIN), UnitScope.of(YEN_MO));

	private final ApplicationContext context;

	public FarmFixture(ApplicationContext context) {
		this.context = context;
	}

	public static final String PASSWORD = "Trai-lon-Van-Son-2026!";

	public long farm(String name) {
		return farm(name, "yenmo.htx");
	}

	public long farm(String name, String owner) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> context.getBean(KeepingFarms.class).register(ADMIN,
				new KeepingFarms.Input(name + " " + UUID.randomUUID().toString().substring(0, 8), owner, "Vũ Thị Hạnh", "0988000017")));
	}

	/** Another farmer of Yên Mô: an account with the role PRODUCER (password {@link #PASSWORD}); its user name. */
	public String farmer() {
		var username = "tt" + (System.nanoTime() % 1_000_000_000L);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> context.getBean(Accounts.class).create(YEN_MO,
				new Accounts.NewOfficial(username, "Lê Văn Trại", null, null, null, Set.of(Role.PRODUCER), null, PASSWORD)));
		return username;
	}

	public ProvisioningDevices.NewDevice device(long farmId, Device.Kind kind, String name) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> context.getBean(ProvisioningDevices.class).register(HTX, farmId,
				new ProvisioningDevices.Input(kind.name(), name)));
	}
}
