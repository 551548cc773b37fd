package vn.xaso.addresses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.addresses.internal.PlusCodes;
import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ReceiptSlips;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 16, digital addresses over HTTP without JavaScript: an official records an address with typed
 * coordinates (a repeated submit makes one record), moves the pin with a typed short plus code, gets
 * specific Vietnamese messages for bad input with nothing saved, prints the A6 door plate whose QR
 * opens the public page; the public look-up (HTML and JSON) tells only commune, village and postcode;
 * another commune sees nothing.
 */
@XasoIntegrationTest
class AddressesWebTests {

	private static final Pattern RECORD = Pattern.compile("/addresses/([0-9]+)\\?saved");

	@LocalServerPort
	int port;

	@Autowired
	Villages villages;

	@Autowired
	Addresses addresses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.core.env.ConfigurableEnvironment env;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private String village() {
		return villages.list(DemoData.YEN_MO).stream().filter(v -> v.active()).findFirst().orElseThrow().code();
	}

	private long rows(String label) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> transactions.execute(s -> jdbc
			.sql("select count(*) from address_record where label = ?").param(label).query(Long.class).single()));
	}

	private Map<String, String> form(String label, String lat, String lon, String plusCode, String nationalCode) {
		var f = new LinkedHashMap<String, String>();
		f.put("kind", "HOUSEHOLD");
		f.put("holderId", "");
		f.put("villageCode", village());
		f.put("label", label);
		f.put("addressText", "Số 12, ngõ 3, cạnh nhà văn hóa");
		f.put("nationalCode", nationalCode);
		f.put("lat", lat);
		f.put("lon", lon);
		f.put("plusCode", plusCode);
		return f;
	}

	@Test
	void anOfficialRecordsMovesAndPrintsAnAddressWithoutJavaScript() throws Exception {
		var official = new WebSession(port).signInOfficial("yenmo.congnghe", DemoData.PASSWORD);
		assertThat(official.get("/addresses").body()).contains("Thêm địa chỉ").doesNotContain("addresses-map");
		assertThat(official.post("/addresses/reference", Map.of("refLat", "20.1250", "refLon", "105.9850")).statusCode()).isEqualTo(302);
		official.get("/addresses");
		var label = "Hộ ông Tám " + UUID.randomUUID().toString().substring(0, 8);
		var fields = form(label, "20,123456", "105.987654", "", "0123 456 789");

		var first = official.post("/addresses", fields);
		var again = official.post("/addresses", fields); // the same rendering of the form, sent twice
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).isEqualTo(302);
		var location = first.headers().firstValue("Location").orElseThrow();
		assertThat(again.headers().firstValue("Location")).contains(location);
		assertThat(rows(label)).as("one record for a double submit").isEqualTo(1);

		var matcher = RECORD.matcher(location);
		assertThat(matcher.find()).isTrue();
		long id = Long.parseLong(matcher.group(1));
		var expected = PlusCodes.encode(20.123456, 105.987654);
		var page = official.get(location.substring(location.indexOf("/addresses/"))).body();
		assertThat(page).contains("id=\"plus-code\">" + expected).contains("0123456789").contains("Đã lưu địa chỉ");
		var record = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> addresses.find(DemoData.YEN_MO, id)).orElseThrow();
		assertThat(record.postcode()).startsWith("08").hasSize(5);
		var reference = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> addresses.reference(DemoData.YEN_MO)).orElseThrow();
		assertThat(record.shortCode()).isEqualTo(PlusCodes.local(expected, reference.lat(), reference.lon()));

		// Move the pin by typing a short plus code (relative to the commune's reference point).
		var target = PlusCodes.encode(20.1290, 105.9811);
		var shortTarget = PlusCodes.local(target, reference.lat(), reference.lon());
		official.get("/addresses/" + id);
		var moved = official.post("/addresses/" + id + "/pin", Map.of("lat", "20.123456", "lon", "105.987654", "plusCode", shortTarget));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(official.get("/addresses/" + id).body()).contains("id=\"plus-code\">" + target).doesNotContain("id=\"plus-code\">" + expected);

		// The door plate: A6, the codes and postcode, never the label; its QR opens the public page.
		var plate = official.getBytes("/addresses/" + id + "/plate.pdf");
		assertThat(plate.statusCode()).isEqualTo(200);
		assertThat(plate.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
		try (var doc = Loader.loadPDF(plate.body())) {
			var box = doc.getPage(0).getMediaBox();
			assertThat(box.getWidth()).isBetween(296f, 300f); // A6: 105 × 148 mm
			assertThat(box.getHeight()).isBetween(418f, 422f);
		}
		var text = ReceiptSlips.text(plate.body());
		assertThat(text).contains(target).contains(record.postcode()).contains("Số 12, ngõ 3").doesNotContain(label);
		var qr = ReceiptSlips.qr(plate.body());
		assertThat(qr).isEqualTo("http://localhost:" + port + "/place/" + target.replace("+", ""));

		var anonymous = new WebSession(port);
		var publicPage = anonymous.get(qr.substring(qr.indexOf("/place/")));
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(publicPage.body()).contains(target).contains("Xã Yên Mô").contains(record.villageName())
			.doesNotContain(label).doesNotContain("Số 12, ngõ 3").doesNotContain("0123456789");
		assertThat(gzipped(publicPage.body())).as("≤ 15 KB compressed").isLessThan(15 * 1024);

		var json = anonymous.send("GET", "/api/v1/places/" + target.replace("+", "%2B"), "application/json", null, new byte[0]);
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"plusCode\":\"" + target + "\"").contains("\"commune\":\"Xã Yên Mô\"")
			.contains("\"village\":\"" + record.villageName() + "\"").doesNotContain(label).doesNotContain("Số 12");

		// Another commune's administrator sees nothing of it.
		var other = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(other.get("/addresses/" + id).statusCode()).isEqualTo(404);
		assertThat(other.getBytes("/addresses/" + id + "/plate.pdf").statusCode()).isEqualTo(404);
		assertThat(other.get("/addresses?q=" + target.substring(0, 8)).body()).doesNotContain(label);
	}

	@Test
	void badInputGetsASpecificVietnameseMessageAndChangesNothing() {
		var official = new WebSession(port).signInOfficial("yenmo.congnghe", DemoData.PASSWORD);
		official.get("/addresses");
		var label = "Sai " + UUID.randomUUID().toString().substring(0, 8);
		var cases = Map.of(
				"Vĩ độ phải là số", form(label, "abc", "105.98", "", ""),
				"nằm ngoài lãnh thổ Việt Nam", form(label, "105.98", "20.12", "", ""),
				"phải gồm đúng 10 chữ số", form(label, "", "", "", "12345"),
				"Mã Plus Code không đúng", form(label, "", "", "XYZ+12", ""),
				"Hãy nhập cả vĩ độ và kinh độ", form(label, "20.12", "", "", ""));
		for (var c : cases.entrySet()) {
			var response = official.post("/addresses", c.getValue());
			assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
			assertThat(response.body()).as(c.getKey()).contains(c.getKey()).contains("error-summary");
		}
		var noVillage = form(label, "", "", "", "");
		noVillage.put("villageCode", "99999-99");
		assertThat(official.post("/addresses", noVillage).body()).contains("Hãy chọn thôn, xóm có trong danh sách của xã");
		var noKind = form(label, "", "", "", "");
		noKind.put("kind", "CASTLE");
		assertThat(official.post("/addresses", noKind).body()).contains("Hãy chọn loại");
		assertThat(rows(label)).isZero();

		assertThat(official.post("/addresses/reference", Map.of("refLat", "", "refLon", "105.9")).body())
			.contains("Vĩ độ phải là số");
		var anonymous = new WebSession(port);
		var bad = anonymous.get("/place?code=hello");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Hãy gõ mã Plus Code đầy đủ 10 ký tự");
		var unknown = anonymous.get("/place/" + PlusCodes.encode(22.9, 104.1).replace("+", ""));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("chưa được xã nào đăng ký");
		var api = anonymous.send("GET", "/api/v1/places/nope", "application/json", null, new byte[0]);
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("Hãy gõ mã Plus Code");
	}

	@Test
	void rowLevelSecurityAloneHidesAnotherCommunesAddresses() {
		var label = "RLS " + UUID.randomUUID().toString().substring(0, 8);
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> addresses.record(new Holder(HolderKind.ORGANISATION, "org-" + label.substring(4),
				DemoData.YEN_MO, village()), new Addresses.Details(label, "Trạm y tế xã", null, 20.1301, 105.9822, null), "test"));
		long seenByNgaAn = Tenancy.callAs(UnitScope.of(DemoData.NGA_AN),
				() -> transactions.execute(s -> jdbc.sql("select count(*) from address_record").query(Long.class).single()
						- jdbc.sql("select count(*) from address_record where unit_code = '16144'").query(Long.class).single()));
		assertThat(seenByNgaAn).isZero();
		assertThat(rows(label)).isEqualTo(1);
	}

	@Test
	void publicLookUpsAreLimitedPerAddress() {
		env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("addresses-limit-test",
				Map.of("xaso.addresses.lookups-per-address-per-hour", 2)));
		try {
			var client = new WebSession(port).from("198.51.100." + (1 + (int) (Math.random() * 200)));
			var code = PlusCodes.encode(22.8, 104.2).replace("+", "");
			assertThat(client.get("/place/" + code).statusCode()).isEqualTo(404);
			assertThat(client.get("/place?code=" + code).statusCode()).isEqualTo(404);
			var refused = client.get("/place/" + code);
			assertThat(refused.statusCode()).isEqualTo(429);
			var api = client.get("/api/v1/places/" + code);
			assertThat(api.statusCode()).isEqualTo(429);
			assertThat(api.body()).contains("\"title\":\"Quá nhiều yêu cầu\"", "Bạn đã tra cứu quá nhiều lần");
			var english = client.get("/api/v1/places/" + code + "?lang=en");
			assertThat(english.statusCode()).isEqualTo(429);
			assertThat(english.body()).contains("\"title\":\"Too many requests\"", "You have looked up too many times");
			assertThat(client.get("/place").statusCode()).as("the empty box is not counted").isEqualTo(200);
		}
		finally {
			env.getPropertySources().remove("addresses-limit-test");
		}
	}

	private static int gzipped(String body) throws java.io.IOException {
		var out = new ByteArrayOutputStream();
		try (var gz = new GZIPOutputStream(out)) {
			gz.write(body.getBytes(StandardCharsets.UTF_8));
		}
		return out.size();
	}
}
