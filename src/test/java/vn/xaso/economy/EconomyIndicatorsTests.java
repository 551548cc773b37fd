package vn.xaso.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.economy.internal.HandlingOrders;
import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.LotEntry;
import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.economy.internal.ProductEntry;
import vn.xaso.economy.internal.ShopReads;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * Issue 17, insights: a commune's marketplace through the use cases — a producer verified, a product with OCOP 4★ and
 * one hidden again, orders paid by VietQR, in cash on delivery and cancelled, a batch — gives exactly these indicator
 * figures for the commune; every kept counter and the province's and nation's roll-ups equal economy's recount; the
 * province viewer sees the indicators by name, another commune's staff and the producer do not see this commune's.
 * The commune is one of Ninh Bình's that no other test sells in.
 */
@XasoIntegrationTest
class EconomyIndicatorsTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@Autowired
	vn.xaso.economy.internal.ShippingOrders shipping;

	@Autowired
	ApplicationContext context;

	@Autowired
	PlacingOrders placing;

	@Autowired
	HandlingOrders handling;

	@Autowired
	ListingProducts listing;

	@Autowired
	KeepingLots lots;

	@Autowired
	ShopReads shop;

	@Autowired
	Indicators indicators;

	@Autowired
	Facts facts;

	@Autowired
	Units units;

	@LocalServerPort
	int port;

	static PlacingOrders.Input buy(int quantity, String payment) {
		return new PlacingOrders.Input("Lê Thị Mai", "0988 000 017", String.valueOf(quantity), "PICKUP", null, payment);
	}

	@Test
	void aCommunesMarketplaceCountsOnceInItsIndicatorsAndRollsUpExactlyToTheProvince() {
		var communes = units.communesOf(DemoData.NINH_BINH).stream().sorted().toList();
		assertThat(communes).hasSizeGreaterThan(41);
		var commune = communes.get(41);
		var fixture = new EconomyFixture(context);
		var seller = fixture.seller(commune, "HTX Chè lam", true);
		var tag = String.valueOf(System.nanoTime() % 100000);
		long ocop = fixture.product(seller, "Chè lam Gia Viễn " + tag, 45_000, 10, 4, TODAY.minusMonths(2));
		long hidden = fixture.product(seller, "Bánh đa " + tag, 20_000, 10, null, null);
		Tenancy.runAs(UnitScope.of(commune), () -> listing.update(seller.principal(), hidden, new ProductEntry.Input("Bánh đa " + tag,
				"Sản phẩm thử", "FOOD", "gói", "20000", "10", null, null, null, null, null, null, null, false)));

		var paid = placing.place(commune, ocop, buy(2, "VIETQR"));
		handling.paid(commune, PlacingOrders.BILL_PREFIX + paid);
		handling.paid(commune, PlacingOrders.BILL_PREFIX + paid); // the bank's notification again: counted once
		var cash = placing.place(commune, ocop, buy(1, "CASH"));
		long cashId = shop.order(commune, cash).orElseThrow().order().id();
		Tenancy.runAs(UnitScope.of(commune), () -> {
			shipping.ship(seller.principal(), cashId, null, null);
			handling.deliver(seller.principal(), cashId);
		});
		var cancelled = placing.place(commune, ocop, buy(1, "CASH"));
		handling.cancelByBuyer(commune, cancelled);
		Tenancy.runAs(UnitScope.of(commune), () -> lots.create(seller.principal(),
				new LotEntry.Input(String.valueOf(ocop), "CL-" + tag, TODAY.toString(), null, "100", null)));

		var from = TODAY.minusDays(1);
		var to = TODAY.plusDays(1);
		var expected = Map.of("ECONOMY_PRODUCERS", 1L, "ECONOMY_PRODUCTS", 1L, "ECONOMY_OCOP_3", 0L, "ECONOMY_OCOP_4", 1L,
				"ECONOMY_OCOP_5", 0L, "ECONOMY_ORDERS", 3L, "ECONOMY_ORDER_VALUE", 4 * 45_000L, "ECONOMY_ORDERS_CANCELLED", 1L,
				"ECONOMY_LOTS", 1L);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var figures = figures(commune, from, to);
			expected.forEach((code, value) -> assertThat(figures.get(code)).as(code).isEqualTo(value));
			var share = Tenancy.callAs(UnitScope.of(commune), () -> indicators.values(commune, from, to)).stream()
				.filter(v -> v.indicator().code().equals("ECONOMY_VIETQR_SHARE")).findFirst().orElseThrow();
			assertThat(share.numerator().longValue()).isEqualTo(1);
			assertThat(share.denominator().longValue()).isEqualTo(2);
		});
		// the counters, the monthly sums and the province's and nation's roll-ups all equal the tables' recount
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(from, to))).isEmpty());

		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var period = "?from=" + from + "&to=" + to;
		assertThat(province.get("/insights/" + DemoData.NINH_BINH + period).body())
			.contains("Sản phẩm OCOP 4 sao còn hạn", "Đơn hàng thanh toán bằng VietQR", "Lô hàng có nhật ký truy xuất nguồn gốc");
		assertThat(province.get("/insights/" + commune + period).body()).contains("Giá trị đơn hàng đặt trên chợ của xã");

		var otherCommune = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var refused = otherCommune.get("/insights/" + commune + period);
		assertThat(refused.statusCode()).isIn(403, 404);
		assertThat(refused.body()).doesNotContain("Sản phẩm OCOP 4 sao còn hạn");
		assertThat(otherCommune.get("/economy").body()).contains("Lô hàng có nhật ký truy xuất", "href=\"/insights\"");

		var producer = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD);
		var mine = producer.get("/insights/" + commune + period);
		assertThat(mine.statusCode()).isIn(403, 404);
		assertThat(mine.body()).doesNotContain("Sản phẩm OCOP 4 sao còn hạn");
	}

	private Map<String, Long> figures(String commune, LocalDate from, LocalDate to) {
		var result = new HashMap<String, Long>();
		Tenancy.callAs(UnitScope.of(commune), () -> indicators.values(commune, from, to))
			.forEach(v -> result.put(v.indicator().code(), v.numerator().longValue()));
		return result;
	}
}
