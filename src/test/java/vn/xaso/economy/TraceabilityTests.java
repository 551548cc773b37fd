package vn.xaso.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.LotEntry;
import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.economy.internal.RecallingLots;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.Json;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Traceability on the real embedded PostgreSQL and over HTTP: a batch's production diary stored as EPCIS 2.0 events
 * and exported as a document that validates against the bundled schema (checked here with a validator of its own);
 * the EPCIS capture API (Idempotency-Key, an eventID stored once, bad documents refused in Vietnamese, never a 5xx);
 * the GS1 Digital Link resolver (page, linkset, 303, 400, 404, 410); the label sheet as a real PDF whose QR code reads
 * back as the batch's Digital Link; the recall (once, 410, buyers told once, no labels, no more events).
 */
@XasoIntegrationTest
class TraceabilityTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@LocalServerPort
	int port;

	@Autowired
	KeepingLots lots;

	@Autowired
	RecallingLots recalls;

	@Autowired
	PlacingOrders placing;

	@Autowired
	Notifications notifications;

	@Autowired
	vn.xaso.economy.internal.ShippingOrders shipping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationContext context;

	static EconomyFixture.Seller seller;
	static EconomyFixture.Seller other;

	@BeforeAll
	static void producers(@Autowired ApplicationContext context) {
		var fixture = new EconomyFixture(context);
		seller = fixture.seller(EconomyFixture.YEN_MO, "HTX Gà đồi Yên Thắng", true);
		other = fixture.seller(EconomyFixture.YEN_MO, "Hộ Rượu nếp", false);
	}

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> tx.execute(s -> work.get()));
	}

	long product(String name) {
		return new EconomyFixture(context).product(seller, name + " " + System.nanoTime() % 100000, 120_000, 50, 4, TODAY.minusMonths(2));
	}

	long lot(long productId, String number) {
		return yenMo(() -> lots.create(seller.principal(), new LotEntry.Input(String.valueOf(productId), number,
				TODAY.minusDays(20).toString(), TODAY.plusMonths(6).toString(), "200", "Giống gà đồi từ trại Tam Điệp")));
	}

	void diary(long lotId, String step, int daysAgo, String note) {
		yenMo(() -> lots.record(seller.principal(), lotId, new LotEntry.DiaryInput(step, TODAY.minusDays(daysAgo).toString(), "07:30",
				"50", note, null)));
	}

	int events(long lotId) {
		return yenMo(() -> jdbc.sql("select count(*) from economy_lot_event where lot_id = ?").param(lotId).query(Integer.class).single());
	}

	static List<String> schemaErrors(String json) {
		var registry = SchemaRegistry.withDialect(Dialects.getDraft202012(),
				b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		try (var in = TraceabilityTests.class.getClassLoader().getResourceAsStream("epcis/epcis-2.0-document.schema.json")) {
			var schema = registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
			return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static String captureDoc(String epcClass, String eventTime, String extra) {
		return """
				{"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
				 "schemaVersion": "2.0", "creationDate": "2026-05-01T08:00:00+07:00",
				 "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventTime": "%s", "eventTimeZoneOffset": "+07:00",
				   "action": "OBSERVE", "bizStep": "https://ref.gs1.org/cbv/BizStep-inspecting", "disposition": "in_progress",
				   "quantityList": [{"epcClass": "%s", "quantity": 12.5, "uom": "KGM"}],
				   "readPoint": {"id": "https://plus.codes/7P28QPG4+4P"}%s}]}}""".formatted(eventTime, epcClass, extra);
	}

	@Test
	void theDiaryIsStoredAsEpcisEventsAndTheExportValidates() {
		long productId = product("Gà đồi");
		long lotId = lot(productId, "GD-01");
		diary(lotId, "RECEIVED", 19, "Nhận 200 gà giống từ trại Tam Điệp");
		diary(lotId, "CARED", 10, "Tiêm vắc-xin Newcastle");
		diary(lotId, "HARVESTED", 2, "");
		diary(lotId, "PACKED", 1, "");
		assertThat(events(lotId)).isEqualTo(4);

		var lot = yenMo(() -> lots.ofMine(seller.principal(), lotId)).lot();
		// a commune-assigned GTIN: 004 + commune + product id, with its check digit
		assertThat(lot.gtin()).hasSize(14).startsWith("00414701").matches(g -> vn.xaso.economy.internal.Gtins.parse(g).isPresent());
		var export = yenMo(() -> lots.export(seller.principal(), lotId));
		assertThat(schemaErrors(export)).isEmpty();
		var doc = Json.MAPPER.readTree(export);
		var list = doc.get("epcisBody").get("eventList");
		assertThat(list).hasSize(4);
		assertThat(list.get(0).get("bizStep").asString()).isEqualTo("receiving");
		assertThat(list.get(2).get("bizStep").asString()).isEqualTo("collecting");
		assertThat(list.get(3).get("bizStep").asString()).isEqualTo("packing");
		assertThat(list.get(2).get("quantityList").get(0).get("epcClass").asString()).isEqualTo("https://id.gs1.org" + lot.digitalLinkPath());
		// packing: the batch aggregated into a case (a class-level identifier, so in the child quantity list)
		assertThat(list.get(3).get("type").asString()).isEqualTo("AggregationEvent");
		assertThat(list.get(3).get("childQuantityList").get(0).get("epcClass").asString()).isEqualTo("https://id.gs1.org" + lot.digitalLinkPath());
		assertThat(list.get(0).get("eventTime").asString()).endsWith("07:30:00+07:00");

		// the schema is not a rubber stamp: the same export without a time zone offset fails it
		var broken = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(export);
		((tools.jackson.databind.node.ObjectNode) broken.get("epcisBody").get("eventList").get(0)).remove("eventTimeZoneOffset");
		assertThat(schemaErrors(Json.MAPPER.writeValueAsString(broken))).isNotEmpty();

		// bad input: a step in the future, a care step without a note, a lot number taken — nothing stored
		assertThatThrownBy(() -> diary(lotId, "HARVESTED", -3, "")).isInstanceOfSatisfying(EconomyException.class,
				e -> assertThat(e.key()).isEqualTo("economy.error.lotWhen"));
		assertThatThrownBy(() -> diary(lotId, "CARED", 1, "")).isInstanceOfSatisfying(EconomyException.class,
				e -> assertThat(e.key()).isEqualTo("economy.error.lotNoteNeeded"));
		assertThatThrownBy(() -> lot(productId, "gd-01")).isInstanceOfSatisfying(EconomyException.class,
				e -> assertThat(e.key()).isEqualTo("economy.error.lotTaken"));
		assertThat(events(lotId)).isEqualTo(4);
		// another producer does not see the batch
		assertThatThrownBy(() -> yenMo(() -> lots.ofMine(other.principal(), lotId))).isInstanceOfSatisfying(EconomyException.class,
				e -> assertThat(e.key()).isEqualTo("economy.error.noLot"));
	}

	@Test
	void theCaptureApiHonoursIdempotencyStoresAnEventOnceAndRefusesBadDocuments() {
		long lotId = lot(product("Gà ủ muối"), "GM-7");
		var lot = yenMo(() -> lots.ofMine(seller.principal(), lotId)).lot();
		var web = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD);
		var path = "/api/v1/economy/lots/" + lotId + "/epcis";
		var doc = captureDoc("https://id.gs1.org" + lot.digitalLinkPath(), "2026-01-05T09:00:00+07:00",
				", \"eventID\": \"urn:uuid:" + UUID.randomUUID() + "\"");
		var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		var first = web.send("POST", path, "application/json", "application/ld+json", doc.getBytes(StandardCharsets.UTF_8), key);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(Json.MAPPER.readTree(first.body()).get("stored").asInt()).isEqualTo(1);
		var replay = web.send("POST", path, "application/json", "application/ld+json", doc.getBytes(StandardCharsets.UTF_8), key);
		assertThat(replay.statusCode()).isEqualTo(201);
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).isPresent();
		var again = web.send("POST", path, "application/json", "application/json", doc.getBytes(StandardCharsets.UTF_8),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(Json.MAPPER.readTree(again.body()).get("repeated").asInt()).isEqualTo(1);
		assertThat(events(lotId)).isEqualTo(1);

		// refused, each with its own Vietnamese reason, nothing stored, never a 5xx
		var noOffset = doc.replace("\"eventTimeZoneOffset\": \"+07:00\",", "");
		var otherLot = captureDoc("https://id.gs1.org/01/08935049500019/10/KHAC", "2026-01-05T09:00:00+07:00", "");
		var future = captureDoc("https://id.gs1.org" + lot.digitalLinkPath(), "2099-01-05T09:00:00+07:00", "");
		var misspelt = captureDoc("https://id.gs1.org" + lot.digitalLinkPath(), "2026-01-05T09:00:00+07:00", ", \"bizstep\": \"packing\"");
		for (var bad : Map.of(noOffset, "không đúng chuẩn EPCIS 2.0", otherLot, "không nói về lô này", future, "trong tương lai", misspelt,
				"không đúng chuẩn EPCIS 2.0", "{không phải json", "không phải JSON").entrySet()) {
			var answer = web.send("POST", path, "application/json", "application/json", bad.getKey().getBytes(StandardCharsets.UTF_8),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
			assertThat(answer.body()).contains(bad.getValue());
		}
		assertThat(events(lotId)).isEqualTo(1);
		// another producer: 404; a commune official: 403
		var stranger = new WebSession(port).signInOfficial(other.username(), EconomyFixture.PASSWORD)
			.send("POST", path, "application/json", "application/json", doc.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(stranger.statusCode()).isEqualTo(404);
	}

	@Test
	void theResolverAnswersThePageTheLinksetAndRefusesWhatItCannotResolve() throws Exception {
		long productId = product("Chuối sấy");
		long lotId = lot(productId, "CS-2026");
		diary(lotId, "HARVESTED", 5, "");
		var lot = yenMo(() -> lots.ofMine(seller.principal(), lotId)).lot();
		var anyone = new WebSession(port);
		var page = anyone.get(lot.digitalLinkPath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(lot.productName()).contains("Thu hoạch").contains("OCOP").contains("CS-2026")
			.contains("/x/14701/cho/san-pham/" + productId).doesNotContain("đã bị thu hồi");
		assertThat(gzipped(page.body())).isLessThan(15 * 1024);
		// the lot number in another case finds the same batch
		assertThat(anyone.get("/01/" + lot.gtin() + "/10/cs-2026").statusCode()).isEqualTo(200);

		var linkset = anyone.send("GET", lot.digitalLinkPath(), "application/linkset+json", null, new byte[0]);
		assertThat(linkset.statusCode()).isEqualTo(200);
		assertThat(linkset.headers().firstValue("Content-Type").orElse("")).startsWith("application/linkset+json");
		var set = Json.MAPPER.readTree(linkset.body()).get("linkset").get(0);
		assertThat(set.get("anchor").asString()).endsWith(lot.digitalLinkPath());
		var traceHref = set.get("https://gs1.org/voc/traceability").get(0).get("href").asString();
		assertThat(traceHref).endsWith("/x/14701/cho/lo/" + lotId + "/epcis");
		assertThat(anyone.get(lot.digitalLinkPath() + "?linkType=all").body()).isEqualTo(linkset.body());
		var export = anyone.get("/x/14701/cho/lo/" + lotId + "/epcis");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(schemaErrors(export.body())).isEmpty();
		var toTrace = anyone.get(lot.digitalLinkPath() + "?linkType=gs1:traceability");
		assertThat(toTrace.statusCode()).isEqualTo(303);
		assertThat(toTrace.headers().firstValue("Location").orElse("")).endsWith("/x/14701/cho/lo/" + lotId + "/epcis");
		var product = anyone.get("/01/" + lot.gtin());
		assertThat(product.statusCode()).isEqualTo(303);
		assertThat(product.headers().firstValue("Location").orElse("")).endsWith("/x/14701/cho/san-pham/" + productId);

		var wrongDigit = lot.gtin().substring(0, 13) + (char) ('0' + (lot.gtin().charAt(13) - '0' + 1) % 10);
		var bad = anyone.get("/01/" + wrongDigit + "/10/CS-2026");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("chữ số kiểm tra");
		assertThat(anyone.get("/01/" + withCheckDigit("0893999900001") + "/10/CS-2026").statusCode()).isEqualTo(404);
		assertThat(anyone.get("/01/" + lot.gtin() + "/10/KHONG-CO").statusCode()).isEqualTo(404);
	}

	@Test
	void theLabelSheetIsARealPdfWhoseQrCodeIsTheDigitalLink() throws Exception {
		long lotId = lot(product("Trứng gà"), "TG-12");
		var lot = yenMo(() -> lots.ofMine(seller.principal(), lotId)).lot();
		var web = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD);
		var response = web.getBytes("/economy/mine/lots/" + lotId + "/labels.pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (var pdf = Loader.loadPDF(response.body())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			var text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(lot.productName()).contains("Lô: TG-12").contains("Ngày sản xuất: ")
				.contains(lot.digitalLinkPath());
			var image = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
			var pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
			var codes = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
			assertThat(codes).isNotEmpty();
			assertThat(codes[0].getText()).startsWith("http").endsWith(lot.digitalLinkPath());
		}
	}

	@Test
	void aRecallIsDoneOnceAnswers410AndTellsTheBuyersOnce() {
		long productId = product("Gà ta");
		long lotId = lot(productId, "GT-3");
		var code = placing.place(EconomyFixture.YEN_MO, productId,
				new PlacingOrders.Input("Lê Thị Hoa", "0912 345 678", "2", "PICKUP", null, "CASH"));
		var again = placing.place(EconomyFixture.YEN_MO, productId,
				new PlacingOrders.Input("Lê Thị Hoa", "0912345678", "1", "PICKUP", null, "CASH"));
		// both handed over from the batch (the default one); a third order, not handed over yet, has no batch
		for (var c : List.of(code, again)) {
			yenMo(() -> {
				shipping.ship(seller.principal(), jdbc.sql("select id from economy_order where code = ?").param(c).query(Long.class).single(),
						null, null);
				return null;
			});
		}
		placing.place(EconomyFixture.YEN_MO, productId, new PlacingOrders.Input("Trần Văn Tư", "0912345679", "1", "PICKUP", null, "CASH"));
		var lot = yenMo(() -> lots.ofMine(seller.principal(), lotId)).lot();
		assertThatThrownBy(() -> yenMo(() -> recalls.byCommune(EconomyFixture.admin(EconomyFixture.YEN_MO), lotId, "x")))
			.isInstanceOfSatisfying(EconomyException.class, e -> assertThat(e.key()).isEqualTo("economy.error.recallReason"));
		// another commune cannot recall it
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(EconomyFixture.NGA_AN), () -> recalls.byCommune(
				EconomyFixture.admin(EconomyFixture.NGA_AN), lotId, "Kiểm tra phát hiện vi khuẩn"))).isInstanceOf(EconomyException.class);

		var done = yenMo(() -> recalls.byCommune(EconomyFixture.admin(EconomyFixture.YEN_MO), lotId, "Phát hiện vi khuẩn Salmonella"));
		assertThat(done.lot().recalled()).isTrue();
		assertThat(done.buyersTold()).isEqualTo(1);
		assertThatThrownBy(() -> yenMo(() -> recalls.byProducer(seller.principal(), lotId, "Thu hồi lần hai")))
			.isInstanceOfSatisfying(EconomyException.class, e -> assertThat(e.key()).isEqualTo("economy.error.lotAlreadyRecalled"));
		var key = "economy-lot-" + lotId + "-recall-0912345678";
		var notShipped = "economy-lot-" + lotId + "-recall-0912345679";
		var deliveries = yenMo(() -> notifications.deliveries(EconomyFixture.YEN_MO, List.of(key, notShipped)));
		assertThat(deliveries.get(key)).isNotEmpty();
		assertThat(deliveries.getOrDefault(notShipped, List.of())).isEmpty();
		assertThat(events(lotId)).isEqualTo(1);
		assertThatThrownBy(() -> diary(lotId, "SHIPPED", 1, "")).isInstanceOfSatisfying(EconomyException.class,
				e -> assertThat(e.key()).isEqualTo("economy.error.lotRecalled"));
		assertThat(events(lotId)).isEqualTo(1);

		var anyone = new WebSession(port);
		var page = anyone.get(lot.digitalLinkPath());
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("Lô hàng này đã bị thu hồi").contains("Salmonella");
		assertThat(anyone.send("GET", lot.digitalLinkPath(), "application/linkset+json", null, new byte[0]).statusCode()).isEqualTo(410);
		var export = anyone.get("/x/14701/cho/lo/" + lotId + "/epcis");
		assertThat(export.body()).contains("recalled");
		assertThat(schemaErrors(export.body())).isEmpty();
		var labels = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD)
			.get("/economy/mine/lots/" + lotId + "/labels.pdf");
		assertThat(labels.statusCode()).isEqualTo(409);
		assertThat(labels.body()).contains("không in tem cho lô bị thu hồi");
		assertThat(code).isNotBlank();
	}

	/** A GTIN-13 body with its GS1 mod-10 check digit. */
	static String withCheckDigit(String body) {
		int sum = 0;
		for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (body.charAt(i) - '0') * weight;
		}
		return body + (10 - sum % 10) % 10;
	}

	static int gzipped(String body) throws java.io.IOException {
		var out = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(out)) {
			gzip.write(body.getBytes(StandardCharsets.UTF_8));
		}
		return out.size();
	}
}
