package vn.xaso.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.economy.internal.HandlingOrders;
import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.economy.internal.ShopReads;
import vn.xaso.payments.FakeBank;
import vn.xaso.payments.internal.WebhookSignatures;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The economy use cases and their SQL on the real embedded PostgreSQL: stock taken once, more than the stock refused
 * with nothing changed, the bank's notification (signed, in the aggregator's real format) paying an order once however
 * often it comes, cancellations giving the stock back once, search without diacritics, expired OCOP ratings hidden,
 * communes kept apart by row-level security.
 */
@XasoIntegrationTest
class EconomyTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@LocalServerPort
	int port;

	@Autowired
	PlacingOrders placing;

	@Autowired
	HandlingOrders handling;

	@Autowired
	vn.xaso.economy.internal.ShippingOrders shipping;

	@Autowired
	ShopReads shop;

	@Autowired
	Products products;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	static EconomyFixture.Seller seller;
	static EconomyFixture.Seller cashOnly;

	@BeforeAll
	static void producers(@Autowired ApplicationContext context) {
		var fixture = new EconomyFixture(context);
		seller = fixture.seller(EconomyFixture.YEN_MO, "HTX Chuối Yên Hòa", true);
		cashOnly = fixture.seller(EconomyFixture.YEN_MO, "Hộ kinh doanh Mắm tép", false);
	}

	@Autowired
	ApplicationContext context;

	long product(EconomyFixture.Seller s, String name, int stock, Integer stars, LocalDate certified) {
		return new EconomyFixture(context).product(s, name + " " + System.nanoTime() % 100000, 45_000, stock, stars, certified);
	}

	<T> T yenMo(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> tx.execute(s -> work.get()));
	}

	int stock(long productId) {
		return yenMo(() -> jdbc.sql("select stock from economy_product where id = ?").param(productId).query(Integer.class).single());
	}

	long orders(long productId) {
		return yenMo(() -> jdbc.sql("select count(*) from economy_order where product_id = ?").param(productId).query(Long.class).single());
	}

	Order order(String code) {
		return shop.order(EconomyFixture.YEN_MO, code).orElseThrow().order();
	}

	static PlacingOrders.Input buy(int quantity, String payment) {
		return new PlacingOrders.Input("Trần Thị Bình", "0988 000 002", String.valueOf(quantity), "PICKUP", null, payment);
	}

	@Test
	void placingTakesTheStockOnceAndMoreThanTheStockChangesNothing() {
		long id = product(seller, "Chuối tây sấy dẻo", 5, 4, TODAY.minusMonths(3));
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(3, "VIETQR"));
		assertThat(stock(id)).isEqualTo(2);
		var view = shop.order(EconomyFixture.YEN_MO, code).orElseThrow();
		assertThat(view.order().status()).isEqualTo(Order.Status.PLACED);
		assertThat(view.order().amountVnd()).isEqualTo(135_000);
		assertThat(view.transfer()).isNotNull();
		assertThat(view.transfer().accountNumber()).isEqualTo(seller.accountNumber());
		assertThat(view.transfer().payload()).contains(seller.accountNumber()).contains(view.transfer().reference());

		assertThatThrownBy(() -> placing.place(EconomyFixture.YEN_MO, id, buy(3, "VIETQR")))
			.isInstanceOfSatisfying(EconomyException.class, e -> {
				assertThat(e.key()).isEqualTo("economy.error.stock");
				assertThat(e.args()).containsExactly(2, "hộp");
			});
		assertThat(stock(id)).isEqualTo(2);
		assertThat(orders(id)).isEqualTo(1);
		assertThat(yenMo(() -> jdbc.sql("select count(*) from payment_bill where external_ref like 'cho-%' and external_ref = ?")
			.param("cho-" + code).query(Long.class).single())).isEqualTo(1);
	}

	@Test
	void aCashOrderNeedsNoAccountButVietQrNeedsTheProducersOwn() {
		long id = product(cashOnly, "Mắm tép đồng", 10, null, null);
		assertThatThrownBy(() -> placing.place(EconomyFixture.YEN_MO, id, buy(1, "VIETQR"))).extracting("key").isEqualTo("economy.error.noVietQr");
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(2, "CASH"));
		assertThat(order(code).payment()).isEqualTo(Order.Payment.CASH);
		assertThat(shop.order(EconomyFixture.YEN_MO, code).orElseThrow().transfer()).isNull();
		assertThat(stock(id)).isEqualTo(8);
	}

	@Test
	void theBanksNotificationPaysTheOrderOnceHoweverOftenItComes() throws Exception {
		long id = product(seller, "Cá chạch kho niêu", 10, null, null);
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(3, "VIETQR"));
		var transfer = shop.order(EconomyFixture.YEN_MO, code).orElseThrow().transfer();
		var bank = new FakeBank(port, WebhookSignatures.DEMO_SECRET);
		var body = FakeBank.transfer(FakeBank.newTransactionId(), transfer.dueVnd(), transfer.reference() + " chuyen tien don hang",
				seller.accountNumber());
		var first = bank.send(body);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.body()).contains("\"outcome\":\"PAID\"");
		waitFor(() -> order(code).status() == Order.Status.PAID);

		var replay = bank.send(body);
		assertThat(replay.body()).contains("\"replay\":true");
		var again = bank.send(FakeBank.transfer(FakeBank.newTransactionId(), transfer.dueVnd(), transfer.reference(), seller.accountNumber()));
		assertThat(again.body()).contains("\"outcome\":\"DUPLICATE\"");
		Thread.sleep(300); // a second BillPaid, were one published, would be handled by now
		assertThat(order(code).status()).isEqualTo(Order.Status.PAID);
		assertThat(stock(id)).isEqualTo(7);
		long orderId = order(code).id();
		assertThat(yenMo(() -> jdbc.sql("select count(*) from audit_entry where action = 'economy.order.paid' and object_id = ?")
			.param(String.valueOf(orderId)).query(Long.class).single())).isEqualTo(1);
	}

	@Test
	void aTransferIntoAnotherAccountDoesNotPayTheProducersOrder() throws Exception {
		long id = product(seller, "Chuối sấy gói nhỏ", 10, null, null);
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(1, "VIETQR"));
		var transfer = shop.order(EconomyFixture.YEN_MO, code).orElseThrow().transfer();
		var response = new FakeBank(port, WebhookSignatures.DEMO_SECRET)
			.send(FakeBank.transfer(FakeBank.newTransactionId(), transfer.dueVnd(), transfer.reference(), "1234567890"));
		assertThat(response.body()).contains("\"outcome\":\"UNMATCHED\"");
		Thread.sleep(300);
		assertThat(order(code).status()).isEqualTo(Order.Status.PLACED);
	}

	@Test
	void cancellingAVietQrOrderCancelsItsBillSoALateTransferIsHeldNotApplied() throws Exception {
		long id = product(seller, "Mật ong bạc hà", 5, null, null);
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(2, "VIETQR"));
		var transfer = shop.order(EconomyFixture.YEN_MO, code).orElseThrow().transfer();
		handling.cancelByBuyer(EconomyFixture.YEN_MO, code);
		assertThat(yenMo(() -> jdbc.sql("select status from payment_bill where external_ref = ?").param("cho-" + code)
			.query(String.class).single())).isEqualTo("CANCELLED");
		var after = shop.order(EconomyFixture.YEN_MO, code).orElseThrow().transfer();
		assertThat(after.dueVnd()).isZero();
		assertThat(after.payload()).isEmpty();
		var late = new FakeBank(port, WebhookSignatures.DEMO_SECRET)
			.send(FakeBank.transfer(FakeBank.newTransactionId(), transfer.dueVnd(), transfer.reference(), seller.accountNumber()));
		assertThat(late.body()).contains("\"outcome\":\"CANCELLED_BILL\"");
		Thread.sleep(300); // a BillPaid, were one published, would be handled by now
		assertThat(order(code).status()).isEqualTo(Order.Status.CANCELLED);
		assertThat(stock(id)).isEqualTo(5);
		assertThat(yenMo(() -> jdbc.sql("select paid_vnd from payment_bill where external_ref = ?").param("cho-" + code)
			.query(Long.class).single())).isZero();
	}

	@Test
	void cancellingGivesTheStockBackOnce() {
		long id = product(cashOnly, "Tương bần", 6, null, null);
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(4, "CASH"));
		assertThat(stock(id)).isEqualTo(2);
		handling.cancelByBuyer(EconomyFixture.YEN_MO, code);
		assertThat(stock(id)).isEqualTo(6);
		assertThatThrownBy(() -> handling.cancelByBuyer(EconomyFixture.YEN_MO, code)).extracting("key").isEqualTo("economy.error.cancelled");
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO),
				() -> { handling.cancelByProducer(cashOnly.principal(), order(code).id(), "Hết hàng"); return null; }))
			.extracting("key").isEqualTo("economy.error.cancelled");
		assertThat(stock(id)).isEqualTo(6);
		assertThat(order(code).status()).isEqualTo(Order.Status.CANCELLED);
	}

	@Test
	void theProducerShipsAndDeliversItsOwnOrdersOnlyAndAnotherProducersIsNotFound() {
		long id = product(cashOnly, "Nem chua", 6, null, null);
		var code = placing.place(EconomyFixture.YEN_MO, id, buy(1, "CASH"));
		long orderId = order(code).id();
		Tenancy.runAs(UnitScope.of(EconomyFixture.YEN_MO), () -> {
			assertThatThrownBy(() -> shipping.ship(seller.principal(), orderId, null, null)).extracting("key").isEqualTo("economy.error.noOrder");
			shipping.ship(cashOnly.principal(), orderId, null, null);
			handling.deliver(cashOnly.principal(), orderId);
		});
		assertThat(order(code).status()).isEqualTo(Order.Status.DONE);
	}

	@Test
	void theShopFindsWithoutDiacriticsAndShowsOnlyValidOcopRatings() {
		var word = "Mật ong bạc hà " + System.nanoTime() % 100000;
		long valid = new EconomyFixture(context).product(seller, word + " A", 90_000, 5, 5, TODAY.minusMonths(35));
		long expired = new EconomyFixture(context).product(seller, word + " B", 90_000, 5, 4, TODAY.minusMonths(37));
		var folded = vn.xaso.platform.VietnameseText.searchKey(word);
		var found = shop.shop(EconomyFixture.YEN_MO, folded, false, 0, 50);
		assertThat(found.products()).extracting(Product::id).containsExactlyInAnyOrder(valid, expired);
		var ocop = shop.shop(EconomyFixture.YEN_MO, folded, true, 0, 50);
		assertThat(ocop.products()).extracting(Product::id).containsExactly(valid);
		var page = shop.product(EconomyFixture.YEN_MO, expired).orElseThrow();
		assertThat(page.product().ocop()).isNotNull();
		assertThat(page.product().shownOcop(page.today())).isNull();
		assertThat(shop.product(EconomyFixture.YEN_MO, valid).orElseThrow().product().shownOcop(TODAY).stars()).isEqualTo(5);
	}

	@Test
	void rowLevelSecurityKeepsCommunesApart() {
		long id = product(seller, "Gạo nếp cái hoa vàng", 5, null, null);
		assertThat(shop.product(EconomyFixture.NGA_AN, id)).isEmpty();
		Long seen = Tenancy.callAs(UnitScope.of(EconomyFixture.NGA_AN), () -> tx.execute(s -> jdbc.sql(
				"select count(*) from economy_product where id = ?").param(id).query(Long.class).single()));
		assertThat(seen).isZero();
		assertThatThrownBy(() -> placing.place(EconomyFixture.NGA_AN, id, buy(1, "CASH"))).extracting("key").isEqualTo("economy.error.noProduct");
		assertThat(Tenancy.callAs(UnitScope.of(EconomyFixture.NGA_AN), () -> products.find(id))).isEmpty();
		var summary = Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> products.find(id)).orElseThrow();
		assertThat(summary.unitCode()).isEqualTo(EconomyFixture.YEN_MO);
		assertThat(summary.producerId()).isEqualTo(seller.id());
		assertThat(stock(id)).isEqualTo(5);
	}

	static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("condition not met within 20 s");
			}
			Thread.sleep(50);
		}
	}
}
