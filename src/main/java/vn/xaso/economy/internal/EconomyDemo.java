package vn.xaso.economy.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Demo content of the economy module, loaded with the demo after the demo accounts: in Xã Yên Mô the cooperative
 * "HTX Nông nghiệp Yên Hòa", verified, paid into its own Agribank account, with the account {@code yenmo.htx}
 * (created by the demo module), and two products — dried plantain with a 4★ OCOP rating, and braised loach without
 * one. Loading twice adds nothing.
 */
@Component
@Order(130)
class EconomyDemo implements ApplicationRunner {

	static final String YEN_MO = "14701";
	static final String COOPERATIVE = "HTX Nông nghiệp Yên Hòa";
	static final String ACCOUNT = "yenmo.htx";

	private static final Logger log = LoggerFactory.getLogger(EconomyDemo.class);

	private final Environment env;
	private final KeepingProducers keeping;
	private final ListingProducts listing;
	private final ProducerTable producers;
	private final EconomyWork work;

	EconomyDemo(Environment env, KeepingProducers keeping, ListingProducts listing, ProducerTable producers, EconomyWork work) {
		this.env = env;
		this.keeping = keeping;
		this.listing = listing;
		this.producers = producers;
		this.work = work;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			Tenancy.runAs(UnitScope.of(YEN_MO), this::yenMo);
		}
	}

	void yenMo() {
		if (work.inTx(() -> producers.idOfName(YEN_MO, COOPERATIVE)) != null) {
			return;
		}
		var admin = new OfficialPrincipal(0, "demo", "Demo", YEN_MO, "Xã Yên Mô", Set.of(Role.ADMIN), UnitScope.of(YEN_MO));
		long id = keeping.register(admin, new ProducerEntry.Input("COOPERATIVE", COOPERATIVE, "2700123456", "Vũ Thị Hạnh",
				"0912000109", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình",
				"Hợp tác xã của 48 hộ trồng chuối tây và nuôi cá chạch ở thôn Yên Hòa.", "970405", "3300205123456",
				"HTX NONG NGHIEP YEN HOA"));
		keeping.verify(admin, id);
		keeping.linkAccount(admin, id, ACCOUNT);
		var htx = new OfficialPrincipal(0, ACCOUNT, "Vũ Thị Hạnh", YEN_MO, "Xã Yên Mô", Set.of(Role.PRODUCER), UnitScope.of(YEN_MO));
		var certified = work.today().minusMonths(7).withDayOfMonth(15);
		listing.create(htx, new ProductEntry.Input("Chuối tây sấy dẻo Yên Hòa",
				"Chuối tây chín cây của thôn Yên Hòa, sấy dẻo không đường, không chất bảo quản. Hộp 250 g, dùng trong 6 tháng.",
				"FOOD", "hộp 250 g", "45000", "120", "Quanh năm", null, "4", "78", "Số 215/QĐ-UBND tỉnh Ninh Bình",
				certified.toString(), "https://postmart.vn\nhttps://voso.vn", true));
		listing.create(htx, new ProductEntry.Input("Cá chạch sụn kho niêu",
				"Cá chạch sụn đồng Yên Hòa kho niêu đất với riềng và nước mắm, hút chân không. Bảo quản ngăn mát 10 ngày.",
				"FOOD", "niêu 500 g", "180000", "30", "Tháng 9 – tháng 3", null, null, null, null, null, null, true));
		log.info("Economy demo: {} with 2 products in {}", COOPERATIVE, YEN_MO);
	}
}
