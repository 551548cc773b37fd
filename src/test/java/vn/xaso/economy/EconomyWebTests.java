package vn.xaso.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

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
 * The economy pages over HTTP: commune staff register, verify and give a producer its account; the order form's double
 * click makes one order; over-stock answers 409 in Vietnamese with nothing changed; the shop pages are small, carry
 * schema.org data and find products without diacritics.
 */
@XasoIntegrationTest
class EconomyWebTests {

	static final Pattern LOCATION_ID = Pattern.compile("/economy/producers/([0-9]+)$");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationContext context;

	long yenMo(String sql, Object param) {
		return Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> tx.execute(s -> jdbc.sql(sql).param(param).query(Long.class).single()));
	}

	@Test
	void communeStaffRegisterVerifyAndGiveAProducerItsAccount() {
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/economy/producers/new").statusCode()).isEqualTo(200);
		var name = "HTX Rau sạch Quảng Phúc " + System.nanoTime() % 100000;
		var form = new LinkedHashMap<String, String>();
		form.put("kind", "COOPERATIVE");
		form.put("name", name);
		form.put("contactName", "Ninh Văn Lộc");
		form.put("phone", "0987 654 321");
		form.put("address", "Thôn Quảng Phúc");
		form.put("bankBin", "970405");
		form.put("accountNumber", "3300 2051 1111");
		form.put("accountName", "Hợp tác xã Rau sạch");
		var created = staff.post("/economy/producers", form);
		assertThat(created.statusCode()).isEqualTo(302);
		var m = LOCATION_ID.matcher(created.headers().firstValue("Location").orElseThrow());
		assertThat(m.find()).isTrue();
		long id = Long.parseLong(m.group(1));
		assertThat(yenMo("select count(*) from economy_producer where id = ? and account_name = 'HOP TAC XA RAU SACH' and account_number = '330020511111'", id))
			.isEqualTo(1);
		// Not in the shop before the commune verified it.
		assertThat(new WebSession(port).get("/x/14701/cho/co-so/" + id).statusCode()).isEqualTo(404);
		assertThat(staff.post("/economy/producers/" + id + "/verify", Map.of()).statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).get("/x/14701/cho/co-so/" + id).body()).contains(name);
		staff.get("/economy/producers/" + id); // a fresh form (a second click of the same form is replayed by the idempotency filter)
		var again = staff.post("/economy/producers/" + id + "/verify", Map.of());
		assertThat(again.body()).contains("Cơ sở này đã được xác nhận rồi");
		assertThat(yenMo("select count(*) from audit_entry where action = 'economy.producer.verified' and object_id = ?", String.valueOf(id)))
			.isEqualTo(1);

		// A username the accounts refuse: the reason is the account's own, in the reader's language (issue 14).
		staff.get("/economy/producers/" + id);
		var refused = staff.post("/economy/producers/" + id + "/account", Map.of("username", "Sai tên!"));
		assertThat(refused.body()).contains("Chưa cấp được tài khoản: Tên đăng nhập gồm 3–40 ký tự");
		staff.get("/economy/producers/" + id + "?lang=en");
		var english = staff.post("/economy/producers/" + id + "/account?lang=en", Map.of("username", "Sai tên!"));
		assertThat(english.body()).contains("The account was not created: A username has 3–40 characters")
			.doesNotContain("Tên đăng nhập gồm");
		staff.get("/economy/producers/" + id + "?lang=vi");

		var username = "rau" + System.nanoTime() % 1_000_000;
		assertThat(staff.post("/economy/producers/" + id + "/account", Map.of("username", username)).statusCode()).isEqualTo(302);
		var shown = staff.get("/economy/producers/" + id).body();
		assertThat(shown).contains(username);
		// The one-use first-sign-in link is shown once, in the flash notice after the redirect.
		assertThat(shown.contains("/setup/welcome/") || staff.get("/economy/producers/" + id).body().contains("/setup/welcome/")).isTrue();
		assertThat(yenMo("select count(*) from official where username = ? and roles = array['PRODUCER']", username)).isEqualTo(1);
	}

	@Test
	void aBadProducerIsRefusedFieldByFieldInVietnamese() {
		var staff = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		var page = staff.post("/economy/producers", Map.of("kind", "COOPERATIVE", "name", "HTX Thử", "contactName", "Ninh Lộc",
				"phone", "12345", "address", "Thôn Quảng Phúc"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Số điện thoại không hợp lệ");
	}

	@Test
	void aDoubleClickOnTheOrderButtonMakesOneOrderAndOverStockIsA409WithNothingChanged() {
		var seller = new EconomyFixture(context).seller(EconomyFixture.YEN_MO, "HTX Miến dong", false);
		long product = new EconomyFixture(context).product(seller, "Miến dong Yên Mô", 30_000, 4, null, null);
		var buyer = new WebSession(port);
		assertThat(buyer.get("/x/14701/cho/san-pham/" + product).statusCode()).isEqualTo(200);
		var order = Map.of("quantity", "3", "buyerName", "Trần Thị Bình", "buyerPhone", "0988000002", "delivery", "PRODUCER",
				"address", "Xóm Giữa, thôn Yên Hòa", "payment", "CASH");
		var first = buyer.post("/x/14701/cho/san-pham/" + product + "/dat-hang", order);
		var second = buyer.post("/x/14701/cho/san-pham/" + product + "/dat-hang", order);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(yenMo("select count(*) from economy_order where product_id = ?", product)).isEqualTo(1);
		assertThat(yenMo("select stock from economy_product where id = ?", product)).isEqualTo(1);

		var other = new WebSession(port);
		other.get("/x/14701/cho/san-pham/" + product);
		var tooMany = other.post("/x/14701/cho/san-pham/" + product + "/dat-hang", Map.of("quantity", "2", "buyerName", "Phạm Văn Cường",
				"buyerPhone", "0988000003", "delivery", "PICKUP", "payment", "CASH"));
		assertThat(tooMany.statusCode()).isEqualTo(409);
		assertThat(tooMany.body()).contains("Chỉ còn 1 hộp");
		assertThat(yenMo("select count(*) from economy_order where product_id = ?", product)).isEqualTo(1);
		assertThat(yenMo("select stock from economy_product where id = ?", product)).isEqualTo(1);
	}

	@Test
	void theShopPagesAreSmallCarryProductDataAndFindWithoutDiacritics() throws Exception {
		var anyone = new WebSession(port);
		var shop = anyone.get("/x/14701/cho?q=chuoi+say");
		assertThat(shop.statusCode()).isEqualTo(200);
		assertThat(shop.body()).contains("Chuối tây sấy dẻo Yên Hòa").contains("OCOP 4 sao");
		// other tests add their own "Chuối sấy …" products to Yên Mô: follow the link of the demo product by its name
		var link = Pattern.compile("href=\"(/x/14701/cho/san-pham/[0-9]+)\">Chuối tây sấy dẻo Yên Hòa<").matcher(shop.body());
		assertThat(link.find()).isTrue();
		var product = anyone.get(link.group(1));
		assertThat(product.body()).contains("<script type=\"application/ld+json\">").contains("\"@type\":\"Product\"")
			.contains("\"priceCurrency\":\"VND\"").contains("\"price\":\"45000\"").contains("https://schema.org/InStock")
			.contains("OCOP 4 sao");
		for (var page : new String[] { shop.body(), product.body() }) {
			assertThat(gzip(page)).as("compressed HTML").isLessThan(15 * 1024);
		}
		var qr = anyone.getBytes(link.group(1) + "/ma-qr.png");
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
	}

	static int gzip(String html) throws Exception {
		var out = new ByteArrayOutputStream();
		try (var zip = new GZIPOutputStream(out)) {
			zip.write(html.getBytes(StandardCharsets.UTF_8));
		}
		return out.size();
	}
}
