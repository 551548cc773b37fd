package vn.xaso.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.LinkingLots;
import vn.xaso.economy.internal.LotEntry;
import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.economy.internal.ProcessEntry;
import vn.xaso.economy.internal.RecallingLots;
import vn.xaso.economy.internal.ShippingOrders;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.Json;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * "One step back, one step forward" on the real embedded PostgreSQL and over HTTP: a processing step making a batch from
 * input batches (EPCIS TransformationEvent under both batches, valid export, links on both trace pages and in the
 * linkset), each refusal of it with nothing stored, a double submit stored once; packing as an AggregationEvent; a
 * photo per diary step (shown to anyone until the batch is recalled, added only by its producer); orders keeping
 * their batch, and a recall telling exactly the buyers of orders filled from the batch or from a batch made from it.
 */
@XasoIntegrationTest
class LotLinksTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	/** Steps are recorded yesterday: a time of today may still be in the future in Vietnam. */
	static final LocalDate YESTERDAY = TODAY.minusDays(1);

	@LocalServerPort
	int port;

	@Autowired
	KeepingLots lots;

	@Autowired
	LinkingLots linking;

	@Autowired
	RecallingLots recalls;

	@Autowired
	ShippingOrders shipping;

	@Autowired
	PlacingOrders placing;

	@Autowired
	Notifications notifications;

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
		seller = fixture.seller(EconomyFixture.YEN_MO, "HTX Chuối Yên Hòa", false);
		other = fixture.seller(EconomyFixture.YEN_MO, "Hộ Chuối Khánh Thượng", false);
	}

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> tx.execute(s -> work.get()));
	}

	long product(EconomyFixture.Seller who, String name) {
		return new EconomyFixture(context).product(who, name + " " + System.nanoTime() % 100000, 60_000, 50, null, null);
	}

	long lot(EconomyFixture.Seller who, long productId, String number, int quantity) {
		return yenMo(() -> lots.create(who.principal(), new LotEntry.Input(String.valueOf(productId), number, TODAY.minusDays(10).toString(),
				null, String.valueOf(quantity), null)));
	}

	Lot lotOf(long id) {
		return yenMo(() -> lots.ofMine(seller.principal(), id)).lot();
	}

	/** A processing step of {@code lotId} from (input id, quantity) pairs. */
	String process(long lotId, String... inputs) {
		var ids = Arrays.asList(new String[3]);
		var quantities = Arrays.asList(new String[3]);
		for (int i = 0; i < inputs.length / 2; i++) {
			ids.set(i, inputs[2 * i]);
			quantities.set(i, inputs[2 * i + 1]);
		}
		return yenMo(() -> linking.process(seller.principal(), lotId,
				new ProcessEntry.Input(ids, quantities, YESTERDAY.toString(), "09:00", "Sấy 12 giờ")));
	}

	int count(String sql, long id) {
		return yenMo(() -> jdbc.sql(sql).param(id).query(Integer.class).single());
	}

	int events(long lotId) {
		return count("select count(*) from economy_lot_event where lot_id = ?", lotId);
	}

	int inputs(long lotId) {
		return count("select count(*) from economy_lot_input where lot_id = ?", lotId);
	}

	void refused(Runnable work, String key) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(EconomyException.class, e -> assertThat(e.key()).isEqualTo(key));
	}

	long orderId(String code) {
		return yenMo(() -> jdbc.sql("select id from economy_order where code = ?").param(code).query(Long.class).single());
	}

	void ship(String code, Long lotId) {
		yenMo(() -> {
			shipping.ship(seller.principal(), orderId(code), null, lotId == null ? null : String.valueOf(lotId));
			return null;
		});
	}

	String order(long productId, String name, String phone, int quantity) {
		return placing.place(EconomyFixture.YEN_MO, productId,
				new PlacingOrders.Input(name, phone, String.valueOf(quantity), "PICKUP", null, "CASH"));
	}

	static String href(String page, String text) {
		var m = Pattern.compile("<a href=\"([^\"]+)\">[^<]*" + Pattern.quote(text)).matcher(page);
		assertThat(m.find()).as("a link to " + text).isTrue();
		return m.group(1);
	}

	@Test
	void aProcessingStepLinksTheBatchesBothWaysInPagesLinksetAndExport() {
		long freshLot = lot(seller, product(seller, "Chuối tươi"), "CT-1", 200);
		long driedLot = lot(seller, product(seller, "Chuối sấy"), "CS-1", 40);
		var fresh = lotOf(freshLot);
		var dried = lotOf(driedLot);
		var eventId = process(driedLot, String.valueOf(freshLot), "120");
		// the same step again (a double submit): the same event, stored once, one link
		assertThat(process(driedLot, String.valueOf(freshLot), "120")).isEqualTo(eventId);
		assertThat(events(driedLot)).isEqualTo(1);
		assertThat(events(freshLot)).isEqualTo(1);
		assertThat(inputs(driedLot)).isEqualTo(1);

		for (var id : List.of(driedLot, freshLot)) {
			var export = yenMo(() -> lots.export(seller.principal(), id));
			assertThat(TraceabilityTests.schemaErrors(export)).isEmpty();
			var event = Json.MAPPER.readTree(export).get("epcisBody").get("eventList").get(0);
			assertThat(event.get("type").asString()).isEqualTo("TransformationEvent");
			assertThat(event.get("eventID").asString()).isEqualTo(eventId);
			assertThat(event.get("inputQuantityList").get(0).get("epcClass").asString()).isEqualTo(fresh.epcClass());
			assertThat(event.get("inputQuantityList").get(0).get("quantity").asInt()).isEqualTo(120);
			assertThat(event.get("outputQuantityList").get(0).get("epcClass").asString()).isEqualTo(dried.epcClass());
		}

		// the trace pages, by their visible links: dried → the fresh batch it came from → back to the dried batch
		var anyone = new WebSession(port);
		var driedPage = anyone.get(dried.digitalLinkPath());
		assertThat(driedPage.statusCode()).isEqualTo(200);
		assertThat(driedPage.body()).contains("Làm từ lô").contains("lấy 120");
		var freshPage = anyone.get(href(driedPage.body(), "CT-1"));
		assertThat(freshPage.statusCode()).isEqualTo(200);
		assertThat(freshPage.body()).contains(fresh.productName()).contains("Đã dùng để làm").contains("dùng 120");
		assertThat(href(freshPage.body(), "CS-1")).isEqualTo(dried.digitalLinkPath());
		var linkset = anyone.send("GET", dried.digitalLinkPath(), "application/linkset+json", null, new byte[0]);
		var from = Json.MAPPER.readTree(linkset.body()).get("linkset").get(0).get("urn:xaso:rel:made-from");
		assertThat(from.get(0).get("href").asString()).endsWith(fresh.digitalLinkPath());

		// over HTTP: the producer's form, sent twice with the same page's token, is one step
		var web = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD);
		var form = Map.of("inputLot1", String.valueOf(freshLot), "inputQuantity1", "30", "processDate", YESTERDAY.toString());
		assertThat(web.post("/economy/mine/lots/" + driedLot + "/inputs", form).statusCode()).isEqualTo(302);
		assertThat(web.post("/economy/mine/lots/" + driedLot + "/inputs", form).statusCode()).isEqualTo(302);
		assertThat(inputs(driedLot)).isEqualTo(2);
		assertThat(web.get("/economy/mine/lots/" + driedLot).body()).contains("Làm từ lô").contains("lấy 150");
	}

	@Test
	void eachBadProcessingStepIsRefusedClearlyAndStoresNothing() {
		long product = product(seller, "Chuối tây");
		long input = lot(seller, product, "CT-2", 100);
		long output = lot(seller, product(seller, "Mứt chuối"), "MC-2", 20);
		long strangers = lot(other, product(other, "Chuối hột"), "CH-2", 100);
		long recalled = lot(seller, product, "CT-3", 100);
		yenMo(() -> recalls.byProducer(seller.principal(), recalled, "Lô bị mốc khi kiểm tra"));
		refused(() -> process(output), "economy.error.lotInputChoose");
		refused(() -> process(output, String.valueOf(strangers), "5"), "economy.error.lotInputOther");
		refused(() -> process(output, String.valueOf(recalled), "5"), "economy.error.lotInputRecalled");
		refused(() -> process(output, String.valueOf(output), "5"), "economy.error.lotInputSelf");
		refused(() -> process(output, String.valueOf(input), "0"), "economy.error.lotInputQuantity");
		refused(() -> process(output, String.valueOf(input), "-3"), "economy.error.lotInputQuantity");
		refused(() -> process(output, String.valueOf(input), "100.5"), "economy.error.lotInputLeft");
		refused(() -> process(output, String.valueOf(input), "5", String.valueOf(input), "6"), "economy.error.lotInputTwice");
		assertThat(events(output)).isZero();
		assertThat(inputs(output)).isZero();
		assertThat(events(input)).isZero();

		// what is left counts what earlier steps took: 100 − 70 leaves 30
		process(output, String.valueOf(input), "70");
		refused(() -> process(output, String.valueOf(input), "31"), "economy.error.lotInputLeft");
		// a batch made from this one cannot be its input (no loop), and a recalled batch takes no step
		refused(() -> yenMo(() -> linking.process(seller.principal(), input, new ProcessEntry.Input(Arrays.asList(String.valueOf(output), null,
				null), Arrays.asList("1", null, null), YESTERDAY.toString(), null, null))), "economy.error.lotInputCycle");
		refused(() -> process(recalled, String.valueOf(input), "1"), "economy.error.lotRecalled");
		assertThat(inputs(output)).isEqualTo(1);

		// over HTTP: a clear Vietnamese answer, nothing stored
		var web = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD);
		var answer = web.post("/economy/mine/lots/" + output + "/inputs", Map.of("inputLot1", String.valueOf(input), "inputQuantity1", "31",
				"processDate", YESTERDAY.toString()));
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("Lô CT-2 chỉ còn 30");
		var stranger = new WebSession(port).signInOfficial(other.username(), EconomyFixture.PASSWORD)
			.post("/economy/mine/lots/" + output + "/inputs", Map.of("inputLot1", String.valueOf(strangers), "inputQuantity1", "1",
					"processDate", YESTERDAY.toString()));
		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(inputs(output)).isEqualTo(1);
	}

	@Test
	void packingIsAnAggregationEventIntoTheCase() {
		long lotId = lot(seller, product(seller, "Chuối sấy dẻo"), "CD-4", 300);
		var packing = new LotEntry.DiaryInput("PACKED", YESTERDAY.toString(), "10:00", "20", null, null, "thung-01");
		var first = yenMo(() -> lots.record(seller.principal(), lotId, packing));
		assertThat(yenMo(() -> lots.record(seller.principal(), lotId, packing))).isEqualTo(first);
		var ssccBody = TraceabilityTests.withCheckDigit("08935049500000001");
		yenMo(() -> lots.record(seller.principal(), lotId, new LotEntry.DiaryInput("PACKED", YESTERDAY.toString(), "11:00", null, null, null,
				ssccBody)));
		assertThat(events(lotId)).isEqualTo(2);
		var export = yenMo(() -> lots.export(seller.principal(), lotId));
		assertThat(TraceabilityTests.schemaErrors(export)).isEmpty();
		var list = Json.MAPPER.readTree(export).get("epcisBody").get("eventList");
		assertThat(list.get(0).get("type").asString()).isEqualTo("AggregationEvent");
		assertThat(list.get(0).get("action").asString()).isEqualTo("ADD");
		assertThat(list.get(0).get("parentID").asString()).startsWith("urn:xaso:pack:14701:").endsWith(":THUNG-01");
		assertThat(list.get(0).get("childQuantityList").get(0).get("epcClass").asString()).isEqualTo(lotOf(lotId).epcClass());
		assertThat(list.get(0).get("childQuantityList").get(0).get("quantity").asInt()).isEqualTo(20);
		assertThat(list.get(1).get("parentID").asString()).isEqualTo("https://id.gs1.org/00/" + ssccBody);
		refused(() -> yenMo(() -> lots.record(seller.principal(), lotId, new LotEntry.DiaryInput("PACKED", YESTERDAY.toString(), null, null, null,
				null, "thùng một"))), "economy.error.lotPackCode");
		assertThat(new WebSession(port).get(lotOf(lotId).digitalLinkPath()).body()).contains("Đóng vào thùng/kiện THUNG-01");
	}

	@Test
	void aStepPhotoIsShownToAnyoneUntilTheBatchIsRecalledAndOnlyItsProducerAddsOne() {
		long lotId = lot(seller, product(seller, "Chuối luộc"), "CL-5", 10);
		var lot = lotOf(lotId);
		var path = "/economy/mine/lots/" + lotId + "/events";
		var fields = Map.of("step", "HARVESTED", "date", YESTERDAY.toString());
		var web = new WebSession(port).signInOfficial(seller.username(), EconomyFixture.PASSWORD);
		var notAPicture = web.upload(path, fields, "photo", "anh.jpg", "GIF89a không phải ảnh".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(notAPicture.statusCode()).isEqualTo(400);
		assertThat(notAPicture.body()).contains("Chỉ nhận ảnh JPG hoặc PNG");
		var stranger = new WebSession(port).signInOfficial(other.username(), EconomyFixture.PASSWORD)
			.upload(path, fields, "photo", "anh.png", EconomyAccessFixture.png());
		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(events(lotId)).isZero();
		assertThat(web.upload(path, fields, "photo", "anh.png", EconomyAccessFixture.png()).statusCode()).isEqualTo(302);
		assertThat(events(lotId)).isEqualTo(1);

		var anyone = new WebSession(port);
		var page = anyone.get(lot.digitalLinkPath()).body();
		var m = Pattern.compile("<img src=\"(/x/14701/cho/lo/" + lotId + "/anh/([0-9]+))/nho\"").matcher(page);
		assertThat(m.find()).as(page).isTrue();
		var full = anyone.getBytes(m.group(1));
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
		assertThat(full.body()[0] & 0xFF).isEqualTo(0xFF); // re-encoded as JPEG from the PNG sent
		assertThat(full.body()[1] & 0xFF).isEqualTo(0xD8);
		assertThat(anyone.getBytes(m.group(1) + "/nho").statusCode()).isEqualTo(200);
		var mine = "/economy/mine/lots/" + lotId + "/anh/" + m.group(2);
		assertThat(web.getBytes(mine).statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).signInOfficial(other.username(), EconomyFixture.PASSWORD).getBytes(mine).statusCode()).isEqualTo(404);

		yenMo(() -> recalls.byProducer(seller.principal(), lotId, "Ảnh cho thấy lô bị dập"));
		assertThat(anyone.getBytes(m.group(1)).statusCode()).isEqualTo(404);
		assertThat(anyone.get(lot.digitalLinkPath()).body()).doesNotContain("/anh/" + m.group(2));
		assertThat(web.getBytes(mine).statusCode()).isEqualTo(200);
	}

	@Test
	void ordersKeepTheirBatchAndARecallTellsExactlyTheirBuyers() {
		long fresh = product(seller, "Chuối xanh");
		long jam = product(seller, "Mứt chuối xanh");
		long older = lot(seller, fresh, "CX-1", 100);
		long tiny = lot(seller, fresh, "CX-2", 1);
		long withdrawn = lot(seller, fresh, "CX-3", 100);
		yenMo(() -> recalls.byProducer(seller.principal(), withdrawn, "Lô bị dập nát khi vận chuyển"));
		long newest = lot(seller, fresh, "CX-4", 100);
		long jamLot = lot(seller, jam, "MX-1", 30);
		process(jamLot, String.valueOf(older), "50");

		var a = order(fresh, "Lê Thị Hoa", "0913000101", 2);
		var b = order(fresh, "Trần Văn Bình", "0913000102", 2);
		var c = order(jam, "Phạm Thu Cúc", "0913000103", 1);
		var d = order(fresh, "Vũ Văn Dũng", "0913000104", 1);
		// refused, nothing changed: another product's batch, a recalled batch, a batch with too little left
		refused(() -> ship(a, jamLot), "economy.error.orderLot");
		refused(() -> ship(a, withdrawn), "economy.error.orderLotRecalled");
		refused(() -> ship(a, tiny), "economy.error.orderLotLeft");
		var stillPlaced = yenMo(() -> jdbc.sql("select status || coalesce(lot_id::text, '') from economy_order where code = ?").param(a)
			.query(String.class).single());
		assertThat(stillPlaced).isEqualTo("PLACED");
		ship(a, older);
		ship(b, null); // the default: the newest batch with enough left
		ship(c, null);
		var lotsOf = yenMo(() -> jdbc.sql("select code, lot_id from economy_order where code in (?, ?, ?, ?)").params(a, b, c, d)
			.query((rs, n) -> Map.entry(rs.getString(1), String.valueOf(rs.getObject(2)))).list());
		assertThat(lotsOf).contains(Map.entry(a, String.valueOf(older)), Map.entry(b, String.valueOf(newest)),
				Map.entry(c, String.valueOf(jamLot)), Map.entry(d, "null"));

		// the trace page says where the batch went, the buyer by initials only
		var page = new WebSession(port).get(lotOf(older).digitalLinkPath()).body();
		assertThat(page).contains("Đơn hàng của người mua L. T. H.: 2").contains("MX-1").doesNotContain("Lê Thị Hoa")
			.doesNotContain("0913000101");

		var done = yenMo(() -> recalls.byProducer(seller.principal(), older, "Phát hiện dư lượng thuốc trừ sâu"));
		assertThat(done.buyersTold()).isEqualTo(2);
		var keys = List.of("0913000101", "0913000102", "0913000103", "0913000104").stream()
			.map(p -> "economy-lot-" + older + "-recall-" + p).toList();
		var sent = yenMo(() -> notifications.deliveries(EconomyFixture.YEN_MO, keys));
		assertThat(keys.stream().map(k -> !sent.getOrDefault(k, List.of()).isEmpty()).toList()).containsExactly(true, false, true, false);
	}
}
