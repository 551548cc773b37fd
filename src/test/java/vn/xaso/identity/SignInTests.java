package vn.xaso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	DemoTextMessages outbox;

	private long newOfficial(String username, String password) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> accounts.create(DemoData.YEN_MO,
				new Accounts.NewOfficial(username, "Người Thử", null, null, null, Set.of(Role.CLERK), null, password)));
	}

	private String audit(String username, String action) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select count(*) from audit_entry where actor = ? and action = ?").params(username, action)
			.query(Long.class).single().toString()));
	}

	@Test
	void aWrongPasswordSaysSoAndKeepsTheUsername() {
		var web = new WebSession(port);
		web.get("/signin");
		web.post("/signin", Map.of("username", "khong.co.ai", "password", "bat-ky-1234"));
		var page = web.get("/signin?error");
		assertThat(page.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.").contains("value=\"khong.co.ai\"");
	}

	@Test
	void twoStepSignInAsksForTheCodeAndAcceptsTheRightOne() throws Exception {
		var id = newOfficial("thu.totp", "dung-mat-khau-2");
		var secret = accounts.newTotpSecret();
		var me = new OfficialPrincipal(id, "thu.totp", "Người Thử", DemoData.YEN_MO, "Xã Yên Mô", Set.of(Role.CLERK),
				UnitScope.of(DemoData.YEN_MO));
		var code = new DefaultCodeGenerator().generate(secret, new SystemTimeProvider().getTime() / 30);
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> accounts.enableTotp(me, secret, code));

		var web = new WebSession(port);
		web.get("/signin");
		web.post("/signin", Map.of("username", "thu.totp", "password", "dung-mat-khau-2"));
		assertThat(web.get("/signin?error").body()).contains("xác thực 2 bước").contains("name=\"code\"");
		var now = new DefaultCodeGenerator().generate(secret, new SystemTimeProvider().getTime() / 30);
		var ok = web.post("/signin", Map.of("username", "thu.totp", "password", "dung-mat-khau-2", "code", now));
		assertThat(ok.headers().firstValue("Location").orElse("")).endsWith("/workspace");
	}

	@Test
	void aCitizenSignsInWithTheTextedCodeAndWrongCodesCountAsTries() {
		var web = new WebSession(port);
		web.get("/citizen/signin");
		var bad = web.post("/citizen/otp", Map.of("phone", "12345"));
		assertThat(bad.body()).contains("Số điện thoại không hợp lệ");
		var english = new WebSession(port);
		english.get("/citizen/signin?lang=en");
		assertThat(english.post("/citizen/otp", Map.of("phone", "12345")).body()).contains("The phone number is not valid")
			.doesNotContain("Số điện thoại không hợp lệ");
		web.post("/citizen/otp", Map.of("phone", "0977 123 456"));
		var wrong = web.post("/citizen/verify", Map.of("phone", "0977123456", "code", "000000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).containsAnyOf("Mã không đúng", "Mã đã hết hạn");
		var tries = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc
			.sql("select attempts from citizen_otp where phone = '0977123456'").query(Integer.class).single()));
		assertThat(tries).isEqualTo(1);
		// Asking again within a minute is not refused: the person is sent to type the code they have.
		var again = web.post("/citizen/otp", Map.of("phone", "0977123456"));
		assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/citizen/verify?phone=0977123456&sent=earlier");
		assertThat(web.get("/citizen/verify?phone=0977123456&sent=earlier").body()).contains("Hãy nhập mã trong tin nhắn đó");
		var citizen = new WebSession(port).signInCitizen("0966555444", outbox);
		assertThat(citizen.get("/citizen").statusCode()).isEqualTo(200);
		assertThat(citizen.get("/workspace").statusCode()).isEqualTo(403);
	}

	@Test
	void tooManySignInAttemptsFromOneAddressAreSlowedDown() {
		var web = new WebSession(port);
		web.get("/signin");
		// 10 a minute, refilled smoothly (one every 6 s): on a slow machine a few tries refill, so try until
		// two are refused, and never more than 30 times.
		int limited = 0;
		int tries = 0;
		while (limited < 2 && tries < 30) {
			tries++;
			if (web.post("/signin", Map.of("username", "gioi.han", "password", "x")).statusCode() == 429) {
				limited++;
			}
		}
		assertThat(limited).isGreaterThanOrEqualTo(2);
		assertThat(tries).as("the first ten tries of a minute are allowed").isGreaterThan(10);
	}

	@Test
	void administratorsSeeMaskedPhonesAndTheAuditRecordsRoleChanges() {
		var id = newOfficial("thu.vaitro", "dung-mat-khau-3");
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> accounts.update(DemoData.YEN_MO, id,
				new Accounts.Profile("Người Thử", null, "0912 777 888", null, Set.of(Role.CLERK, Role.SPECIALIST), null)));
		var view = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> accounts.find(DemoData.YEN_MO, id).orElseThrow());
		assertThat(view.maskedPhone()).isEqualTo("091****888");
		assertThat(view.roles()).containsExactlyInAnyOrder(Role.CLERK, Role.SPECIALIST);
		assertThat(audit("system", "account.roles.changed")).isNotEqualTo("0");
	}

	@Test
	void badAccountInputIsRefusedInVietnameseAndChangesNothing() {
		var count = (java.util.function.Supplier<Long>) () -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> tx.execute(s -> jdbc.sql("select count(*) from official").query(Long.class).single()));
		var before = count.get();
		var web = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var r = web.post("/admin/accounts", Map.of("username", "Tên Có Dấu", "fullName", "A", "roles", "CLERK", "password", "abcdefghij1"));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("Tên đăng nhập gồm 3–40 ký tự");
		r = web.post("/admin/accounts", Map.of("username", "hop.le", "fullName", "A", "roles", "CLERK", "phone", "123", "password", "abcdefghij1"));
		assertThat(r.body()).contains("Số điện thoại không hợp lệ");
		r = web.post("/admin/accounts", Map.of("username", "hop.le", "fullName", "A", "roles", "CLERK", "password", "ngan1"));
		assertThat(r.body()).contains("ít nhất 10 ký tự");
		r = web.post("/admin/accounts", Map.of("username", "yenmo.chutich", "fullName", "A", "roles", "CLERK", "password", "abcdefghij1"));
		assertThat(r.body()).contains("đã có người dùng");
		assertThat(count.get()).isEqualTo(before);
	}
}
