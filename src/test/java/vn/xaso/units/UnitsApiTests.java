package vn.xaso.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class UnitsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Villages villages;

	final HttpClient http = HttpClient.newHttpClient();
	final ObjectMapper json = new ObjectMapper();

	@Test
	void listsThe34Provinces() throws Exception {
		var body = getOk("/api/v1/units?level=province");
		assertThat(body.get("total").asInt()).isEqualTo(34);
		assertThat(body.get("items")).hasSize(34);
		assertThat(body.get("page").asInt()).isZero();
		assertThat(body.get("size").asInt()).isEqualTo(50);
		var first = body.get("items").get(0);
		assertThat(first.get("level").asString()).isEqualTo("province");
		assertThat(first.get("provinceCode").asString()).isEqualTo(first.get("code").asString());
	}

	@Test
	void findsCommunesIgnoringDiacriticsAndCase() throws Exception {
		for (var q : List.of("yen mo", "Yên Mô", "YEN MO", "  yên   MÔ ")) {
			var items = getOk("/api/v1/units?q=" + enc(q)).get("items");
			assertThat(codes(items)).as(q).contains("14701");
			assertThat(codes(items).get(0)).as("whole-word match first for " + q).isEqualTo("14701");
			var yenMo = find(items, "14701");
			assertThat(yenMo.get("name").asString()).isEqualTo("Xã Yên Mô");
			assertThat(yenMo.get("shortName").asString()).isEqualTo("Yên Mô");
			assertThat(yenMo.get("type").asString()).isEqualTo("Xã");
			assertThat(yenMo.get("level").asString()).isEqualTo("commune");
			assertThat(yenMo.get("parentCode").asString()).isEqualTo("37");
		}
		assertThat(codes(getOk("/api/v1/units?level=commune&parent=37&q=yen+mo").get("items"))).containsExactly("14701");
		assertThat(getOk("/api/v1/units?q=100%25").get("total").asInt()).isZero();
	}

	@Test
	void ordersByVietnameseAlphabetNotCodePoints() throws Exception {
		var body = getOk("/api/v1/units?parent=33&size=200");
		var names = new ArrayList<String>();
		body.get("items").forEach(i -> names.add(i.get("name").asString()));
		assertThat(names).contains("Xã Ân Thi", "Xã Yên Mỹ");
		assertThat(names.indexOf("Xã Ân Thi")).isLessThan(names.indexOf("Xã Yên Mỹ"));
		// 'Â' sorts right after 'A' in Vietnamese, not after 'Z' as in code-point order
		var provinces = new ArrayList<String>();
		getOk("/api/v1/units?level=province").get("items").forEach(i -> provinces.add(i.get("shortName").asString()));
		assertThat(provinces.getFirst()).isEqualTo("An Giang");
		assertThat(provinces.indexOf("Đà Nẵng")).isLessThan(provinces.indexOf("Gia Lai"));
		assertThat(provinces.indexOf("Điện Biên")).isGreaterThan(provinces.indexOf("Đà Nẵng"));
	}

	@Test
	void pagesThroughCommunes() throws Exception {
		var page0 = getOk("/api/v1/units?level=commune&size=200");
		var page1 = getOk("/api/v1/units?level=commune&size=200&page=1");
		assertThat(page0.get("total").asInt()).isEqualTo(3_321);
		assertThat(page0.get("items")).hasSize(200);
		assertThat(codes(page1.get("items"))).doesNotContainAnyElementsOf(codes(page0.get("items")));
		assertThat(getOk("/api/v1/units?level=commune&size=200&page=16").get("items")).hasSize(121);
		assertThat(getOk("/api/v1/units?level=commune&size=200&page=99").get("items")).isEmpty();
	}

	@Test
	void oneCommuneWithItsProvinceAndFormerCommunes() throws Exception {
		var body = getOk("/api/v1/units/14701");
		assertThat(body.get("name").asString()).isEqualTo("Xã Yên Mô");
		assertThat(body.get("ancestors")).hasSize(1);
		assertThat(body.get("ancestors").get(0).get("code").asString()).isEqualTo("37");
		assertThat(body.get("ancestors").get(0).get("name").asString()).isEqualTo("Tỉnh Ninh Bình");
		var yenHoa = find(body.get("formerUnits"), "14722");
		assertThat(yenHoa.get("name").asString()).isEqualTo("Xã Yên Hòa");
		assertThat(yenHoa.get("districtName").asString()).isEqualTo("Huyện Yên Mô");
		assertThat(yenHoa.get("provinceName").asString()).isEqualTo("Tỉnh Ninh Bình");

		var province = getOk("/api/v1/units/37");
		assertThat(province.get("ancestors")).isEmpty();
		assertThat(province.get("formerUnits")).isEmpty();
	}

	@Test
	void legacyCommuneAndWhatItBecame() throws Exception {
		var body = getOk("/api/v1/units/legacy/14722");
		assertThat(body.get("name").asString()).isEqualTo("Xã Yên Hòa");
		assertThat(body.get("level").asString()).isEqualTo("commune");
		assertThat(body.get("district").get("name").asString()).isEqualTo("Huyện Yên Mô");
		assertThat(body.get("province").get("name").asString()).isEqualTo("Tỉnh Ninh Bình");
		assertThat(codes(body.get("successors"))).containsExactly("14701");
		assertThat(body.get("successors").get(0).get("provinceCode").asString()).isEqualTo("37");

		// old Hà Nam became part of the new Ninh Bình
		assertThat(codes(getOk("/api/v1/units/legacy/35").get("successors"))).containsExactly("37");
	}

	@Test
	void listsTheActiveVillagesOfACommune() throws Exception {
		Tenancy.runAs(UnitScope.of("00004"), () -> {
			villages.create("00004", "Tổ dân phố Số 1", "Tổ dân phố");
			var closed = villages.create("00004", "Số 2", "Tổ dân phố");
			villages.deactivate(closed.id());
		});
		var items = getOk("/api/v1/units?parent=00004").get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("name").asString()).isEqualTo("Tổ dân phố Số 1");
		assertThat(items.get(0).get("level").asString()).isEqualTo("village");
		assertThat(items.get(0).get("parentCode").asString()).isEqualTo("00004");
		assertThat(items.get(0).get("provinceCode").asString()).isEqualTo("01");
		assertThat(getOk("/api/v1/units?parent=00004&level=village&q=so+1").get("items")).hasSize(1);
	}

	@Test
	void refusesBadParametersWithAVietnameseMessage() throws Exception {
		for (var path : List.of("/api/v1/units?level=district", "/api/v1/units?size=201", "/api/v1/units?size=0",
				"/api/v1/units?page=-1", "/api/v1/units?page=abc", "/api/v1/units?q=" + "a".repeat(101),
				"/api/v1/units?level=village", "/api/v1/units?parent=1", "/api/v1/units/1", "/api/v1/units/123456",
				"/api/v1/units/abc", "/api/v1/units/legacy/1")) {
			var response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(json.readTree(response.body()).get("error").asString()).as(path).isNotBlank();
		}
		assertThat(json.readTree(get("/api/v1/units?size=201").body()).get("error").asString())
			.isEqualTo("Cỡ trang (size) phải từ 1 đến 200.");
	}

	@Test
	void unknownCodesAre404() throws Exception {
		var response = get("/api/v1/units/99999");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).get("error").asString())
			.isEqualTo("Không tìm thấy đơn vị hành chính mã 99999.");
		assertThat(get("/api/v1/units/legacy/99999").statusCode()).isEqualTo(404);
		// a legacy code that no longer exists in the current tree
		assertThat(get("/api/v1/units/14722").statusCode()).isEqualTo(404);
	}

	private JsonNode getOk(String path) throws Exception {
		var response = get(path);
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> codes(JsonNode items) {
		var codes = new ArrayList<String>();
		items.forEach(i -> codes.add(i.get("code").asString()));
		return codes;
	}

	private static JsonNode find(JsonNode items, String code) {
		for (var item : items) {
			if (item.get("code").asString().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("no " + code + " in " + items);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
