package vn.xaso.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.payments.NewBill;
import vn.xaso.payments.Payments;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Demo payments data, loaded under the same condition as {@link DemoData}: Xã Yên Mô gets a
 * receiving account (a made-up Agribank account number, for demonstration only) and one open bill.
 * Each step looks first, so loading twice changes nothing.
 */
@Component
@Order(110)
public class PaymentsDemo implements ApplicationRunner {

	public static final String BANK_BIN = "970405"; // Agribank
	public static final String ACCOUNT_NUMBER = "3300201012345";
	public static final String ACCOUNT_NAME = "UBND XA YEN MO";
	public static final String DEMO_BILL_REF = "DEMO-CT-0001";

	private static final Logger log = LoggerFactory.getLogger(PaymentsDemo.class);

	private final Environment env;
	private final Payments payments;

	PaymentsDemo(Environment env, Payments payments) {
		this.env = env;
		this.payments = payments;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			load();
		}
	}

	/** Returns how many things were added. */
	public int load() {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			int added = 0;
			if (payments.receivingAccount(DemoData.YEN_MO).isEmpty()) {
				payments.setReceivingAccount(DemoData.YEN_MO, BANK_BIN, ACCOUNT_NUMBER, ACCOUNT_NAME, "demo");
				added++;
			}
			if (payments.forExternalRef(DemoData.YEN_MO, DEMO_BILL_REF).isEmpty()) {
				payments.open(new NewBill(DemoData.YEN_MO, DEMO_BILL_REF, "Lệ phí chứng thực bản sao từ bản chính (5 trang)",
						10_000, "Nguyễn Văn An", null));
				added++;
			}
			if (added > 0) {
				log.info("Demo payments: {} things added for Xã Yên Mô", added);
			}
			return added;
		});
	}
}
