package vn.xaso.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.demo.PaymentsDemo;
import vn.xaso.payments.internal.WebhookSignatures;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** The bank webhook end to end, against a local fake bank that signs like the real service. */
@XasoIntegrationTest
class PaymentsWebhookTests {

	@LocalServerPort
	int port;

	@Autowired
	Payments payments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	FakeBank bank;

	@BeforeEach
	void setUp() {
		// The test application runs with the demo loaded and no secret configured: the documented demo secret applies.
		bank = new FakeBank(port, WebhookSignatures.DEMO_SECRET);
	}

	private Bill bill(long amount) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> payments.open(new NewBill(DemoData.YEN_MO,
				"HS-" + System.nanoTime(), "Lệ phí đăng ký khai sinh", amount, "Nguyễn Văn An", null)));
	}

	private Bill reload(Bill bill) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> payments.find(bill.id()).orElseThrow());
	}

	private record Txn(String outcome, boolean flagged, Long billId, long amount) {
	}

	private List<Txn> transactions(String bankId) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc
			.sql("select outcome, flagged, bill_id, amount_vnd from payment_transaction where bank_txn_id = ?").param(bankId)
			.query((rs, i) -> new Txn(rs.getString(1), rs.getBoolean(2), (Long) rs.getObject(3), rs.getLong(4))).list()));
	}

	private long count(String table) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql("select count(*) from " + table)
			.query(Long.class).single()));
	}

	@Test
	void exactAmountPaysTheBillPublishesBillPaidAndMakesAReceipt() {
		var bill = bill(50_000);
		var id = FakeBank.newTransactionId();
		// Banks prefix and suffix the content and may lower-case it.
		var response = bank.send(FakeBank.transfer(id, 50_000, "MBVCB.123 " + bill.reference().toLowerCase() + " CT tu 0988000001 NGUYEN VAN AN",
				PaymentsDemo.ACCOUNT_NUMBER));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"outcome\":\"PAID\"").contains(bill.reference());
		var paid = reload(bill);
		assertThat(paid.status()).isEqualTo(Bill.Status.PAID);
		assertThat(paid.method()).isEqualTo(Bill.Method.VIETQR);
		assertThat(paid.paidVnd()).isEqualTo(50_000);
		assertThat(paid.receiptNumber()).matches("[0-9]{6}/20[0-9]{2}");
		assertThat(paid.paidAt()).isNotNull();
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
		var event = BillPaidRecorder.EVENTS.stream().filter(e -> e.billId() == bill.id()).findFirst().orElseThrow();
		assertThat(event.externalRef()).isEqualTo(bill.externalRef());
		assertThat(event.method()).isEqualTo(Bill.Method.VIETQR);
		assertThat(transactions(id)).containsExactly(new Txn("PAID", false, bill.id(), 50_000));
	}

	@Test
	void lessIsUnderpaidAndFlaggedThenTheRestCompletesIt() {
		var bill = bill(100_000);
		var first = FakeBank.newTransactionId();
		assertThat(bank.send(FakeBank.transfer(first, 60_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER)).body())
			.contains("UNDERPAID");
		var under = reload(bill);
		assertThat(under.status()).isEqualTo(Bill.Status.UNDERPAID);
		assertThat(under.paidVnd()).isEqualTo(60_000);
		assertThat(under.dueVnd()).isEqualTo(40_000);
		assertThat(under.receiptNumber()).isNull();
		assertThat(transactions(first)).containsExactly(new Txn("UNDERPAID", true, bill.id(), 60_000));
		assertThat(BillPaidRecorder.countFor(bill.id())).isZero();

		var second = FakeBank.newTransactionId();
		assertThat(bank.send(FakeBank.transfer(second, 40_000, "bo sung " + bill.reference(), PaymentsDemo.ACCOUNT_NUMBER)).body())
			.contains("\"outcome\":\"PAID\"");
		assertThat(reload(bill).status()).isEqualTo(Bill.Status.PAID);
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
		// The earlier part payment no longer needs an officer.
		assertThat(transactions(first).getFirst().flagged()).isFalse();
	}

	@Test
	void moreIsOverpaidSettledAndFlaggedForRefund() {
		var bill = bill(20_000);
		var id = FakeBank.newTransactionId();
		assertThat(bank.send(FakeBank.transfer(id, 25_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER)).body()).contains("OVERPAID");
		var over = reload(bill);
		assertThat(over.status()).isEqualTo(Bill.Status.OVERPAID);
		assertThat(over.paidVnd()).isEqualTo(25_000);
		assertThat(over.settled()).isTrue();
		assertThat(over.receiptNumber()).isNotNull();
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
		assertThat(transactions(id)).containsExactly(new Txn("OVERPAID", true, bill.id(), 25_000));
	}

	@Test
	void aReplayChangesNothingAndAnswers200() {
		var bill = bill(30_000);
		var id = FakeBank.newTransactionId();
		var body = FakeBank.transfer(id, 30_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER);
		assertThat(bank.send(body).statusCode()).isEqualTo(200);
		var after = reload(bill);
		long rows = count("payment_transaction");
		var replay = bank.send(body);
		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(replay.body()).contains("\"replay\":true").contains("PAID");
		assertThat(reload(bill)).isEqualTo(after);
		assertThat(count("payment_transaction")).isEqualTo(rows);
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
	}

	@Test
	void wrongSignatureIs401AndChangesNothing() {
		var bill = bill(40_000);
		var body = FakeBank.transfer(FakeBank.newTransactionId(), 40_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER);
		long rows = count("payment_transaction");
		var now = String.valueOf(Instant.now().getEpochSecond());
		var forged = bank.send(body, now, bank.forged(body, now));
		assertThat(forged.statusCode()).isEqualTo(401);
		// A correct signature of another body.
		var other = FakeBank.transfer(FakeBank.newTransactionId(), 1, "x", PaymentsDemo.ACCOUNT_NUMBER);
		var swapped = bank.send(body, now, vn.xaso.payments.internal.WebhookSignatures.sign(
				WebhookSignatures.DEMO_SECRET.getBytes(), now, other.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(swapped.statusCode()).isEqualTo(401);
		// A correct signature made 10 minutes ago (a captured request replayed later).
		var old = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
		var stale = bank.send(body, old, WebhookSignatures.sign(WebhookSignatures.DEMO_SECRET.getBytes(), old,
				body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(stale.statusCode()).isEqualTo(401);
		// No signature at all: a malformed request.
		assertThat(bank.send(body, "", "").statusCode()).isEqualTo(400);
		assertThat(reload(bill).status()).isEqualTo(Bill.Status.UNPAID);
		assertThat(count("payment_transaction")).isEqualTo(rows);
	}

	@Test
	void unknownReferenceIsKeptAsUnmatchedForOfficers() {
		var id = FakeBank.newTransactionId();
		var response = bank.send(FakeBank.transfer(id, 15_000, "NGUYEN VAN AN chuyen tien le phi XS12345678Z",
				PaymentsDemo.ACCOUNT_NUMBER));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UNMATCHED");
		var stored = transactions(id);
		assertThat(stored).containsExactly(new Txn("UNMATCHED", true, null, 15_000));
		// Filed under the commune that owns the receiving account, so its officers see it.
		var unit = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc
			.sql("select unit_code from payment_transaction where bank_txn_id = ?").param(id).query(String.class).single()));
		assertThat(unit).isEqualTo(DemoData.YEN_MO);
	}

	@Test
	void cashThenTransferIsADuplicateFlaggedNotApplied() {
		var bill = bill(10_000);
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> payments.recordCash(bill.id(), "yenmo.motcua", 10_000));
		var cash = reload(bill);
		assertThat(cash.status()).isEqualTo(Bill.Status.PAID);
		assertThat(cash.method()).isEqualTo(Bill.Method.CASH);
		var id = FakeBank.newTransactionId();
		assertThat(bank.send(FakeBank.transfer(id, 10_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER)).body()).contains("DUPLICATE");
		assertThat(reload(bill)).isEqualTo(cash);
		assertThat(transactions(id)).containsExactly(new Txn("DUPLICATE", true, bill.id(), 10_000));
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
	}

	@Test
	void concurrentCopiesOfOneNotificationApplyOnce() throws Exception {
		var bill = bill(70_000);
		var body = FakeBank.transfer(FakeBank.newTransactionId(), 70_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER);
		assertConcurrentSendsApplyOnce(bill, List.of(body, body, body, body, body, body));
	}

	@Test
	void concurrentDifferentTransfersForOneBillApplyOnceTheRestAreDuplicates() throws Exception {
		var bill = bill(80_000);
		var bodies = new ArrayList<String>();
		for (int i = 0; i < 4; i++) {
			bodies.add(FakeBank.transfer(FakeBank.newTransactionId(), 80_000, bill.reference(), PaymentsDemo.ACCOUNT_NUMBER));
		}
		var outcomes = assertConcurrentSendsApplyOnce(bill, bodies);
		assertThat(outcomes.stream().filter(o -> o.contains("\"PAID\"")).count()).isEqualTo(1);
		assertThat(outcomes.stream().filter(o -> o.contains("DUPLICATE")).count()).isEqualTo(3);
	}

	private List<String> assertConcurrentSendsApplyOnce(Bill bill, List<String> bodies) throws Exception {
		var pool = Executors.newFixedThreadPool(bodies.size());
		var start = new CountDownLatch(1);
		try {
			var futures = new ArrayList<Future<java.net.http.HttpResponse<String>>>();
			for (var body : bodies) {
				futures.add(pool.submit(() -> {
					start.await();
					return bank.send(body);
				}));
			}
			start.countDown();
			var outcomes = new ArrayList<String>();
			for (var f : futures) {
				var r = f.get();
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
				outcomes.add(r.body());
			}
			var paid = reload(bill);
			assertThat(paid.status()).isEqualTo(Bill.Status.PAID);
			assertThat(paid.paidVnd()).isEqualTo(bill.amountVnd());
			assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void badBodiesAre400AndChangeNothing() {
		long rows = count("payment_transaction");
		for (var body : List.of("not json", "[]", "{\"id\":\"A1\",\"transferType\":\"in\",\"transferAmount\":-5,\"accountNumber\":\"1\"}",
				"{\"id\":\"\",\"transferType\":\"in\",\"transferAmount\":5,\"accountNumber\":\"1\"}",
				"{\"id\":\"A2\",\"transferType\":\"sideways\",\"transferAmount\":5,\"accountNumber\":\"1\"}",
				"{\"id\":\"A3\",\"transferType\":\"in\",\"transferAmount\":5.5,\"accountNumber\":\"1\"}",
				"{\"id\":\"A4\",\"transferType\":\"in\",\"transferAmount\":5,\"accountNumber\":\"1\",\"transactionDate\":\"hôm qua\"}")) {
			var response = bank.send(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body).contains("\"errors\"");
		}
		// Money going out of the account is not a payment: acknowledged, not recorded.
		var out = bank.send(FakeBank.transfer(FakeBank.newTransactionId(), 5, "x", PaymentsDemo.ACCOUNT_NUMBER)
			.replace("\"transferType\":\"in\"", "\"transferType\":\"out\""));
		assertThat(out.statusCode()).isEqualTo(200);
		assertThat(out.body()).contains("IGNORED");
		assertThat(count("payment_transaction")).isEqualTo(rows);
	}
}
