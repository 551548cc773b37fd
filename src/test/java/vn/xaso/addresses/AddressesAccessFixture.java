package vn.xaso.addresses;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;
import vn.xaso.units.Villages;

/** A pinned Yên Mô address for the access-control harness: its id and its plus code (without "+"). */
public class AddressesAccessFixture implements AccessControlFixture {

	public AddressesAccessFixture() {
	}

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var addresses = context.getBean(Addresses.class);
		var villages = context.getBean(Villages.class);
		var unit = DemoData.YEN_MO;
		return Tenancy.callAs(UnitScope.of(unit), () -> {
			var village = villages.list(unit).stream().filter(v -> v.active()).findFirst().orElseThrow();
			var record = addresses.record(new Holder(HolderKind.ORGANISATION, "access-check", unit, village.code()),
					new Addresses.Details("Kiểm soát truy cập", "Nhà văn hóa thôn", null, 20.1262, 105.9841, null), "test");
			return Map.of("{yenmo.address}", String.valueOf(record.id()), "{yenmo.plusCode}", record.plusCode().replace("+", ""));
		});
	}
}
