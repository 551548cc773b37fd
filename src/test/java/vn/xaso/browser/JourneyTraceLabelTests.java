package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.LotEntry;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 17, traceability as a villager meets it: the QR code on a label opens the batch's GS1 Digital Link on a
 * 360-px phone — the trace page of the demo cooperative's OCOP dried plantain, its diary from receiving to packing in
 * plain Vietnamese — and from there the product's shop page. Axe checks both pages.
 */
@XasoIntegrationTest
class JourneyTraceLabelTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Autowired
	KeepingLots lots;

	@Autowired
	ListingProducts listing;

	@Test
	void aVillagerScansTheLabelAndSeesWhereTheProductComesFrom() {
		var htx = new OfficialPrincipal(0, "yenmo.htx", "Vũ Thị Hạnh", "14701", "Xã Yên Mô", Set.of(Role.PRODUCER), UnitScope.of("14701"));
		var today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		var lot = Tenancy.callAs(UnitScope.of("14701"), () -> {
			var product = listing.mine(htx).products().stream().filter(p -> p.ocop() != null).findFirst().orElseThrow();
			long id = lots.create(htx, new LotEntry.Input(String.valueOf(product.id()), "YH" + System.nanoTime() % 100_000_000L,
					today.minusDays(40).toString(), today.plusMonths(9).toString(), "500", "Chuối tây trồng tại thôn Yên Hòa"));
			lots.record(htx, id, new LotEntry.DiaryInput("RECEIVED", today.minusDays(40).toString(), "07:00", null, "Nhận 300 cây giống", null));
			lots.record(htx, id, new LotEntry.DiaryInput("HARVESTED", today.minusDays(6).toString(), null, "800", null, "7P28QPG4+4P"));
			lots.record(htx, id, new LotEntry.DiaryInput("PACKED", today.minusDays(2).toString(), null, "500", null, null));
			return lots.ofMine(htx, id).lot();
		});
		var walk = Journey.start(browser, "trace-label", lot.digitalLinkPath(), 360);
		assertThat(walk.text()).contains("Chuối tây sấy dẻo Yên Hòa").contains("HTX Nông nghiệp Yên Hòa").contains("OCOP 4 sao")
			.contains("Nhận giống, nguyên liệu").contains("Thu hoạch").contains("Đóng gói").contains(lot.lotNumber())
			.doesNotContain("đã bị thu hồi");
		walk.click("Xem sản phẩm và đặt mua");
		assertThat(walk.text()).contains("45.000 đ").contains("Đặt hàng");
		walk.assertScreensAtMost(2);
	}
}
