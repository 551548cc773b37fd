package vn.xaso.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * What the access-control harness cannot tell by role: the producer / another producer of the same commune /
 * commune staff / another commune's staff / the buyer holding the order's link / anyone else, for the economy pages.
 */
@XasoIntegrationTest
class EconomyAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	static Map<String, String> demo;
	static EconomyFixture.Seller other;

	@BeforeAll
	static void objects(@Autowired ApplicationContext context) {
		demo = new EconomyAccessFixture().create(context);
		other = new EconomyFixture(context).seller(EconomyFixture.YEN_MO, "Hộ kinh doanh Bánh đa", false);
	}

	String fingerprint() {
		return Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> tx.execute(s -> jdbc.sql("""
				select md5(coalesce((select string_agg(p::text, '|' order by p.id) from economy_product p), '')
				  || coalesce((select string_agg(o::text, '|' order by o.id) from economy_order o), ''))""").query(String.class).single()));
	}

	@Test
	void theProducerReachesItsOwnProductsAndOrders() {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		assertThat(htx.get("/economy/mine").statusCode()).isEqualTo(200);
		assertThat(htx.get("/economy/mine/products/" + demo.get("{yenmo.product}")).statusCode()).isEqualTo(200);
		assertThat(htx.get("/economy/mine/orders/" + demo.get("{yenmo.orderId}")).body()).contains(demo.get("{yenmo.orderCode}"));
	}

	@Test
	void anotherProducerOfTheSameCommuneFindsNothingOfItAndChangesNothing() {
		var session = new WebSession(port).signInOfficial(other.username(), EconomyFixture.PASSWORD);
		assertThat(session.get("/economy/mine").statusCode()).isEqualTo(200);
		var before = fingerprint();
		assertThat(session.get("/economy/mine/products/" + demo.get("{yenmo.product}")).statusCode()).isEqualTo(404);
		assertThat(session.post("/economy/mine/products/" + demo.get("{yenmo.product}"), Map.of("name", "Đổi tên", "category", "FOOD",
				"unitLabel", "hộp", "priceVnd", "1000", "stock", "999", "listed", "true")).statusCode()).isEqualTo(404);
		assertThat(session.get("/economy/mine/orders/" + demo.get("{yenmo.orderId}")).statusCode()).isEqualTo(404);
		assertThat(session.post("/economy/mine/orders/" + demo.get("{yenmo.orderId}") + "/cancel", Map.of("reason", "Thử hủy hộ"))
			.statusCode()).isEqualTo(404);
		// its batches: no processing step onto them, no photo of theirs through the producer's pages
		var lot = "/economy/mine/lots/" + demo.get("{yenmo.lot}");
		assertThat(session.post(lot + "/inputs", Map.of("inputLot1", demo.get("{yenmo.lot}"), "inputQuantity1", "1", "processDate",
				java.time.LocalDate.now().minusDays(1).toString())).statusCode()).isEqualTo(404);
		assertThat(session.getBytes(lot + "/anh/" + demo.get("{yenmo.lotPhoto}")).statusCode()).isEqualTo(404);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aProducerIsNotCommuneStaff() {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		assertThat(htx.get("/economy").statusCode()).isEqualTo(403);
		assertThat(htx.get("/economy/producers/" + demo.get("{yenmo.producer}")).statusCode()).isEqualTo(403);
		assertThat(htx.get("/documents").statusCode()).isEqualTo(403);
		assertThat(htx.get("/feedback").statusCode()).isEqualTo(403);
		assertThat(htx.get("/community").statusCode()).isEqualTo(403);
		assertThat(htx.get("/workspace").statusCode()).isEqualTo(200);
	}

	@Test
	void communeStaffSeeTheirProducersAndAnotherCommuneDoesNot() {
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/economy").body()).contains("HTX Nông nghiệp Yên Hòa");
		assertThat(staff.get("/economy/producers/" + demo.get("{yenmo.producer}")).statusCode()).isEqualTo(200);
		assertThat(staff.get("/economy/mine").statusCode()).isEqualTo(403);
		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaAn.get("/economy").body()).doesNotContain("HTX Nông nghiệp Yên Hòa");
		assertThat(ngaAn.get("/economy/producers/" + demo.get("{yenmo.producer}")).statusCode()).isEqualTo(404);
		var before = fingerprint();
		assertThat(ngaAn.post("/economy/producers/" + demo.get("{yenmo.producer}") + "/verify", Map.of()).statusCode()).isEqualTo(404);
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void theBuyersLinkOpensTheOrderOnlyInItsCommune() {
		var buyer = new WebSession(port);
		var page = buyer.get("/x/14701/cho/don/" + demo.get("{yenmo.orderCode}"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Đã hủy").contains("098****003").doesNotContain("0988000003");
		assertThat(buyer.get("/x/16144/cho/don/" + demo.get("{yenmo.orderCode}")).statusCode()).isEqualTo(404);
		assertThat(buyer.get("/x/14701/cho/don/DHZZZZZZZZZZ").statusCode()).isEqualTo(404);
	}

	@Test
	void anonymousCallersAreSentToSignInForTheProducersAndStaffPages() {
		var anonymous = new WebSession(port);
		assertThat(anonymous.get("/economy/mine").headers().firstValue("Location").orElse("")).endsWith("/signin");
		assertThat(anonymous.get("/economy").headers().firstValue("Location").orElse("")).endsWith("/signin");
		assertThat(anonymous.get("/x/14701/cho").statusCode()).isEqualTo(200);
		// a batch's step photo is public while the batch is not recalled; the producer's copy is not
		assertThat(anonymous.getBytes("/x/14701/cho/lo/" + demo.get("{yenmo.lot}") + "/anh/" + demo.get("{yenmo.lotPhoto}")).statusCode())
			.isEqualTo(200);
		assertThat(anonymous.get("/economy/mine/lots/" + demo.get("{yenmo.lot}") + "/anh/" + demo.get("{yenmo.lotPhoto}")).headers()
			.firstValue("Location").orElse("")).endsWith("/signin");
	}
}
