package vn.xaso.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.catalog.Procedures;
import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/** The catalogue over real HTTP: public pages, JSON API, QR code and the administrators' editor. */
@XasoIntegrationTest
class CatalogWebTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Procedures procedures;

	@Test
	void publicSearchPageIgnoresDiacriticsFiltersAndPages() {
		var web = new WebSession(port);
		var page = web.get("/procedures?q=dang+ky+khai+sinh");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Thủ tục đăng ký khai sinh", "/procedures/1.001193").doesNotContain("Chứng thực di chúc");
		var filtered = web.get("/procedures?field=Ch%E1%BB%A9ng+th%E1%BB%B1c");
		assertThat(filtered.body()).contains("Chứng thực di chúc").doesNotContain("Thủ tục đăng ký kết hôn");
		var first = web.get("/procedures");
		assertThat(first.body()).contains("rel=\"next\"", "/procedures?page=1");
		var second = web.get("/procedures?page=1");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("rel=\"prev\"");
		var unit = web.get("/procedures?unit=14701&q=khai+sinh");
		assertThat(unit.body()).contains("Xã Yên Mô", "/procedures/1.001193?unit=14701");
		var badUnit = web.get("/procedures?unit=99999");
		assertThat(badUnit.statusCode()).isEqualTo(200);
		assertThat(badUnit.body()).contains("Không có xã, phường nào mang mã", "99999", "Thủ tục đăng ký khai sinh");
		var tooLong = web.get("/procedures?q=" + "a".repeat(201));
		assertThat(tooLong.statusCode()).isEqualTo(200);
		assertThat(tooLong.body()).contains("Từ khóa tìm kiếm dài quá 200 ký tự.");
		assertThat(first.headers().firstValue("Set-Cookie")).as("public pages start no session").isEmpty();
	}

	@Test
	void procedurePageExplainsEverythingAndLinksToOnlineSubmission() {
		var web = new WebSession(port);
		var page = web.get("/procedures/2.000815?unit=14701");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Chứng thực bản sao từ bản chính", "Trang 1 đến trang 2: 2.000 đ/trang",
				"Bản chính giấy tờ", "Nghị định 23/2015/NĐ-CP", "dichvucong.gov.vn",
				"/citizen/dossiers/new?procedure=2.000815&amp;unit=14701", "/procedures/2.000815/qr.png?unit=14701",
				"250 trang, 2 bản: 400.000 đ");
		var counter = web.get("/procedures/2.000884?unit=16144");
		assertThat(counter.body()).contains("Bộ phận một cửa").doesNotContain("/citizen/dossiers/new");
		assertThat(web.get("/procedures/9.999999").statusCode()).isEqualTo(404);
		assertThat(web.get("/procedures/1.001193?unit=99999").statusCode()).isEqualTo(400);
	}

	@Test
	void qrCodeEncodesTheAbsoluteAddressOfThePage() throws Exception {
		var response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/procedures/1.001193/qr.png?unit=14701")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		var image = ImageIO.read(new ByteArrayInputStream(response.body()));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var text = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
		assertThat(text).isEqualTo("http://localhost:" + port + "/procedures/1.001193?unit=14701");
	}

	@Test
	void apiSearchAndDetail() {
		var web = new WebSession(port);
		var list = json(web.get("/api/v1/procedures?unit=14701&q=khai%20sinh&size=5"));
		assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(list.get("size").asInt()).isEqualTo(5);
		assertThat(list.get("items").get(0).get("name").asString()).containsIgnoringCase("khai sinh");
		var detail = web.get("/api/v1/procedures/1.001193?unit=14701");
		assertThat(detail.statusCode()).isEqualTo(200);
		var d = json(detail);
		assertThat(d.get("code").asString()).isEqualTo("1.001193");
		assertThat(d.get("workflow").asString()).isEqualTo("standard");
		assertThat(d.get("resultTemplate").asString()).isEqualTo("birth-extract");
		assertThat(d.get("fees").get("kind").asString()).isEqualTo("free");
		assertThat(d.get("fees").get("text").asString()).startsWith("Miễn phí");
		assertThat(d.get("processingTime").get("cutoff").asString()).isEqualTo("15:00");
		assertThat(d.get("form").get("fields").toString()).contains("childBirthDate", "\"notFuture\":true", "\"type\":\"CCCD\"");
		var copy = json(web.get("/api/v1/procedures/2.000815"));
		assertThat(copy.get("fees").get("schedule").get("capPerCopy").asLong()).isEqualTo(200_000);
		var bad = web.get("/api/v1/procedures?unit=99999");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad).get("errors").get("unit").asString()).isEqualTo("Không có xã, phường nào mang mã \"99999\".");
		assertThat(web.get("/api/v1/procedures/1.001193?unit=abc").statusCode()).isEqualTo(400);
		var badPage = web.get("/api/v1/procedures?page=x");
		assertThat(badPage.statusCode()).isEqualTo(400);
		assertThat(json(badPage).get("errors").get("page").asString()).isEqualTo("Tham số \"page\" phải là số nguyên.");
		assertThat(web.get("/api/v1/procedures/9.999999").statusCode()).isEqualTo(404);
		assertThat(web.get("/v3/api-docs").body()).contains("/api/v1/procedures/{code}", "Danh mục thủ tục");
	}

	@Test
	void adminEditsANationalProcedureForTheirCommuneOnly() {
		var admin = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		var list = admin.get("/admin/procedures?q=hon+nhan");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("1.004873", "/admin/procedures/1.004873/edit");
		var edit = admin.get("/admin/procedures/1.004873/edit");
		assertThat(edit.statusCode()).isEqualTo(200);
		assertThat(edit.body()).contains("Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "name=\"fields[0].name\"", "Các phiên bản");

		var national = procedures.current(null, "1.004873").orElseThrow();
		var values = new LinkedHashMap<>(ProcedureEditor.of(national).values);
		values.put("fieldCount", String.valueOf(national.form().fields().size()));
		values.put("paperCount", String.valueOf(national.papers().size()));

		// the form editor works without JavaScript: add a field, then move it up, nothing is saved
		var added = admin.post("/admin/procedures/1.004873/edit", with(values, "action", "addField"));
		assertThat(added.statusCode()).isEqualTo(200);
		int n = national.form().fields().size();
		assertThat(added.body()).contains("name=\"fields[" + n + "].name\"", "value=\"" + (n + 1) + "\"");
		assertThat(procedures.current("16144", "1.004873")).contains(national);

		// saving with the new field half-filled shows Vietnamese errors and changes nothing
		var half = with(values, "fieldCount", String.valueOf(n + 1));
		half.put(ProcedureEditor.field(n) + "name", "Bad name");
		half.put(ProcedureEditor.field(n) + "type", "SELECT");
		half.put("action", "save");
		var refused = admin.post("/admin/procedures/1.004873/edit", half);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("tên máy bắt đầu bằng chữ thường", "vui lòng nhập nhãn",
				"trường chọn cần ít nhất một lựa chọn");
		assertThat(procedures.current("16144", "1.004873")).contains(national);

		var good = with(values, "fieldCount", String.valueOf(n + 1));
		good.put(ProcedureEditor.field(n) + "name", "marriagePlace");
		good.put(ProcedureEditor.field(n) + "label", "Nơi dự định đăng ký kết hôn");
		good.put(ProcedureEditor.field(n) + "type", "TEXT");
		good.put(ProcedureEditor.field(n) + "required", "on");
		good.put("feeKind", "per-case");
		good.put("feeAmount", "15.000");
		good.put("feeUnit", "trường hợp");
		good.put("action", "save");
		var saved = admin.post("/admin/procedures/1.004873/edit", good);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		var mine = procedures.current("16144", "1.004873").orElseThrow();
		assertThat(mine.ownerUnit()).isEqualTo("16144");
		assertThat(mine.version()).isEqualTo(national.version() + 1);
		assertThat(mine.form().version()).isEqualTo(national.form().version() + 1);
		assertThat(mine.form().field("marriagePlace")).isPresent();
		assertThat(mine.fees().amountVnd(vn.xaso.catalog.FeeInput.single())).isEqualTo(15_000);
		assertThat(procedures.current("14701", "1.004873")).contains(national);
		assertThat(procedures.version(national.versionId())).contains(national);

		var publicPage = new WebSession(port).get("/procedures/1.004873?unit=16144");
		assertThat(publicPage.body()).contains("15.000 đ mỗi trường hợp", "Nơi dự định đăng ký kết hôn");
		assertThat(new WebSession(port).get("/procedures/1.004873?unit=14701").body()).doesNotContain("Nơi dự định đăng ký kết hôn");
	}

	@Test
	void adminAddsACommuneProcedureThatOtherCommunesNeverSee() {
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(admin.get("/admin/procedures/new").body()).contains("name=\"papers[0].name\"");
		var values = new LinkedHashMap<>(ProcedureEditor.blank().values);
		values.putAll(Map.of("name", "Xác nhận đơn đề nghị vay vốn hộ nghèo", "field", "Khác", "paperCount", "1", "papers[0].name",
				"Đơn đề nghị vay vốn", "papers[0].required", "on", "fieldCount", "1", "fields[0].name", "amount", "fields[0].label",
				"Số tiền đề nghị vay", "fields[0].type", "MONEY", "fields[0].required", "on"));
		values.put("sources", "Quy trình nội bộ của xã");
		var saved = admin.post("/admin/procedures/new", values);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		var location = saved.headers().firstValue("Location").orElseThrow();
		var code = location.replaceAll(".*/admin/procedures/([^/]+)/edit.*", "$1");
		assertThat(code).startsWith("XA-14701-");
		assertThat(procedures.current("14701", code)).get().extracting(p -> p.ownerUnit()).isEqualTo("14701");
		assertThat(procedures.current("16144", code)).isEmpty();
		var other = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(other.get("/admin/procedures/" + code + "/edit").statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/procedures/" + code + "?unit=16144").statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/procedures/" + code + "?unit=14701").body()).contains("Số tiền đề nghị vay");

		var duplicate = admin.post("/admin/procedures/new", with(values, "code", "1.001193"));
		assertThat(duplicate.body()).contains("Mã 1.001193 đã có trong danh mục của xã");
	}

	static Map<String, String> with(Map<String, String> values, String key, String value) {
		var copy = new LinkedHashMap<>(values);
		copy.put(key, value);
		return copy;
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
