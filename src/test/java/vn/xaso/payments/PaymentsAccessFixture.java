package vn.xaso.payments;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.payments.internal.BankNotifications;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/** Yên Mô payments objects for the access-control harness: an unpaid bill, a paid bill, an unmatched transaction. */
public class PaymentsAccessFixture implements AccessControlFixture {

	public PaymentsAccessFixture() {
	}

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var payments = context.getBean(Payments.class);
		var notifications = context.getBean(BankNotifications.class);
		long run = System.nanoTime() % 1_000_000_000L;
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			var open = payments.open(new NewBill(DemoData.YEN_MO, "AC-OPEN-" + run, "Lệ phí kiểm soát truy cập", 30_000,
					"Trần Thị Bình", null));
			var paid = payments.open(new NewBill(DemoData.YEN_MO, "AC-PAID-" + run, "Lệ phí kiểm soát truy cập", 20_000,
					"Trần Thị Bình", null));
			payments.recordCash(paid.id(), "yenmo.motcua", 20_000);
			notifications.receive(new BankNotifications.Notification("AccessBank", "AC" + run, 12_345,
					"chuyen tien khong ro noi dung", vn.xaso.demo.PaymentsDemo.ACCOUNT_NUMBER, null, true));
			var txn = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
			long txnId = Tenancy.callAs(UnitScope.systemWide(), () -> context
				.getBean(org.springframework.transaction.support.TransactionTemplate.class)
				.execute(s -> txn.sql("select id from payment_transaction where source = 'AccessBank' and bank_txn_id = ?")
					.param("AC" + run).query(Long.class).single()));
			return Map.of("{yenmo.bill}", String.valueOf(open.id()), "{yenmo.paidbill}", String.valueOf(paid.id()),
					"{yenmo.txn}", String.valueOf(txnId));
		});
	}
}
