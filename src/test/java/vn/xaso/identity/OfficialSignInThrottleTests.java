package vn.xaso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Wrong official passwords: counted once each, slowed by growing waits per (username, address),
 * per username and per address, never a lock that a stranger can set off; the same answer whether
 * the name exists, the password is wrong or a wait runs. Each test uses its own documentation
 * addresses (X-Forwarded-For from the trusted loopback proxy).
 */
@XasoIntegrationTest
class OfficialSignInThrottleTests {

	static final String GENERIC = "Tên đăng nhập hoặc mật khẩu không đúng. Nếu đã nhập sai nhiều lần, hãy chờ vài phút rồi thử lại.";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	private void newOfficial(String username, String password) {
		Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> accounts.create(DemoData.YEN_MO,
				new Accounts.NewOfficial(username, "Người Thử", null, null, null, Set.of(Role.CLERK), null, password)));
	}

	private long audit(String username, String action) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select count(*) from audit_entry where actor = ? and action = ?").params(username, action)
			.query(Long.class).single()));
	}

	private static String signIn(WebSession web, String username, String password) {
		var r = web.post("/signin", Map.of("username", username, "password", password));
		return r.headers().firstValue("Location").orElse("");
	}

	private static String errorText(WebSession web) {
		var body = web.get("/signin?error").body();
		var start = body.indexOf("<p class=\"error-message\"");
		return start < 0 ? "" : body.substring(start, body.indexOf("</p>", start));
	}

	@Test
	void eachWrongPasswordIsCountedAndAuditedOnceAndThreeDoNotLock() {
		newOfficial("thu.motlan", "dung-mat-khau-5");
		var web = new WebSession(port).from("203.0.113.11");
		web.get("/signin");
		for (int i = 0; i < 3; i++) {
			assertThat(signIn(web, "thu.motlan", "sai-" + i)).endsWith("/signin?error");
		}
		assertThat(audit("thu.motlan", "signin.failure")).isEqualTo(3);
		var failed = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select failed_attempts from official where username = 'thu.motlan'").query(Integer.class).single()));
		assertThat(failed).isEqualTo(3);
		assertThat(signIn(web, "thu.motlan", "dung-mat-khau-5")).endsWith("/workspace");
	}

	@Test
	void aStrangerElsewhereCannotShutTheOfficialOut() {
		newOfficial("thu.canhan", "dung-mat-khau-6");
		var attacker = new WebSession(port).from("198.51.100.21");
		attacker.get("/signin");
		for (int i = 0; i < 7; i++) {
			signIn(attacker, "thu.canhan", "doan-" + i);
		}
		// From the attacker's address the account now needs a wait: even the right password is
		// answered with the generic words, and the password is not checked.
		assertThat(signIn(attacker, "thu.canhan", "dung-mat-khau-6")).endsWith("/signin?error");
		assertThat(attacker.get("/signin?error").body()).contains(GENERIC).doesNotContain("khóa");
		// The official at the commune hall signs in as usual.
		var office = new WebSession(port).from("203.0.113.22");
		office.get("/signin");
		assertThat(signIn(office, "thu.canhan", "dung-mat-khau-6")).endsWith("/workspace");
	}

	@Test
	void unknownNamesAndWaitingAccountsGetTheSameAnswer() {
		newOfficial("thu.giongnhau", "dung-mat-khau-7");
		var known = new WebSession(port).from("198.51.100.31");
		var unknown = new WebSession(port).from("198.51.100.32");
		known.get("/signin");
		unknown.get("/signin");
		for (int i = 0; i < 6; i++) {
			signIn(known, "thu.giongnhau", "sai-" + i);
			signIn(unknown, "khong.ton.tai", "sai-" + i);
			assertThat(errorText(known)).isEqualTo(errorText(unknown)).contains(GENERIC);
		}
	}

	@Test
	void passwordSprayingFromOneAddressIsSlowedDown() {
		newOfficial("thu.phun", "dung-mat-khau-8");
		var sprayer = new WebSession(port).from("198.51.100.41");
		sprayer.get("/signin");
		for (int i = 0; i < 30; i++) {
			signIn(sprayer, "ten.doan." + i, "Matkhau123");
		}
		assertThat(signIn(sprayer, "thu.phun", "dung-mat-khau-8")).endsWith("/signin?error");
		// Another address is not affected.
		var other = new WebSession(port).from("203.0.113.42");
		other.get("/signin");
		assertThat(signIn(other, "thu.phun", "dung-mat-khau-8")).endsWith("/workspace");
	}
}
