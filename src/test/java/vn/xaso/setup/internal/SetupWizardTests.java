package vn.xaso.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * The setup use cases on the real database (the demo context: the setup row is created by the test for
 * a commune the demo does not use). Covers the order of steps, saving as it goes, the concurrent race for
 * the first administrator, the dry-run import with Vietnamese row errors, first-sign-in links and the
 * one-time address.
 */
@XasoIntegrationTest
class SetupWizardTests {

	@Autowired SetupWizard wizard;
	@Autowired SetupSteps steps;
	@Autowired SetupOfficials officials;
	@Autowired FirstSignIn firstSignIn;
	@Autowired SetupTokens tokens;
	@Autowired SetupStore store;
	@Autowired Accounts accounts;
	@Autowired Units units;
	@Autowired Villages villages;
	@Autowired JdbcClient jdbc;
	@Autowired SigningIdentities signingIdentities;

	static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 50));

	String token;
	String unit;

	@BeforeEach
	void freshSetup() throws Exception {
		jdbc.sql("delete from setup_state where id = 1").update();
		jdbc.sql("delete from setup_invite").update();
		Files.deleteIfExists(tokens.file());
		token = tokens.current();
		// A commune the demo leaves empty and no test has used yet (no villages, no officials), a different one for
		// each test so accounts do not collide: picked in turn from a random start, not at random each time.
		var used = new java.util.HashSet<>(jdbc.sql("select distinct unit_code from official").query(String.class).list());
		var candidates = units.searchCommunes("an", 200).stream().map(u -> u.code())
			.filter(c -> !c.equals("14701") && !c.equals("16144"))
			.filter(c -> !used.contains(c))
			.filter(c -> villages.list(c).isEmpty())
			.toList();
		unit = candidates.get(NEXT.getAndIncrement() % Math.min(50, candidates.size()));
	}

	@Test
	void theTokenIsRandomKeptOwnerOnlyAndOnlyItsHashIsStored() throws Exception {
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(Files.readString(tokens.file()).strip()).isEqualTo(token);
		assertThat(Files.getPosixFilePermissions(tokens.file()))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		var stored = jdbc.sql("select token_hash from setup_state where id = 1").query(String.class).single(); // row 1: the first run (invited communes have their own rows)
		assertThat(stored).isEqualTo(SetupTokens.hash(token)).doesNotContain(token);
		// A restart keeps the same address while the setup is unfinished.
		assertThat(tokens.current()).isEqualTo(token);
		assertThat(wizard.access(token)).isEqualTo(SetupWizard.Access.OPEN);
		assertThat(wizard.access(token + "x")).isEqualTo(SetupWizard.Access.WRONG);
		assertThatThrownBy(() -> steps.commune().chooseCommune("wrong", unit, "")).isInstanceOf(SetupException.class)
			.hasMessageContaining("không đúng");
	}

	@Test
	void stepsCannotBeSkippedAndEachIsSavedAsItGoes() {
		assertThatThrownBy(() -> steps.admin().createAdmin(token, admin("quantri.a")))
			.isInstanceOf(SetupException.class).hasMessageContaining("chưa mở");
		assertThatThrownBy(() -> steps.commune().chooseCommune(token, "99999", "")).isInstanceOf(SetupException.class)
			.hasMessageContaining("chọn xã");
		steps.commune().chooseCommune(token, unit, "Thôn Đông Hạ\nTổ dân phố Bắc Sơn;  Thôn Đông Hạ \n");
		var state = store.find().orElseThrow();
		assertThat(state.step()).isEqualTo(SetupState.ADMIN);
		assertThat(state.unitCode()).isEqualTo(unit);
		assertThat(villages.list(unit)).extracting(v -> v.fullName())
			.containsExactlyInAnyOrder("Thôn Đông Hạ", "Tổ dân phố Bắc Sơn");
		// Saying it again (a reload after a crash) adds nothing twice.
		steps.commune().chooseCommune(token, unit, "Thôn Đông Hạ\nTổ dân phố Bắc Sơn");
		assertThat(villages.list(unit)).hasSize(2);
	}

	@Test
	void twoBrowsersRacingTheAdministratorStepCreateOneAdministrator() throws Exception {
		steps.commune().chooseCommune(token, unit, "");
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(2)) {
			List<Future<String>> results = List.of("quantri.mot", "quantri.hai").stream().map(name -> pool.submit(() -> {
				start.await();
				try {
					steps.admin().createAdmin(token, admin(name));
					return "created " + name;
				}
				catch (SetupException e) {
					return "refused: " + e.getMessage();
				}
			})).toList();
			start.countDown();
			var outcomes = List.of(results.get(0).get(), results.get(1).get());
			assertThat(outcomes).filteredOn(o -> o.startsWith("created")).hasSize(1);
			assertThat(outcomes).filteredOn(o -> o.startsWith("refused")).hasSize(1);
		}
		var admins = Tenancy.callAs(UnitScope.of(unit), () -> accounts.list(unit, "quantri", 0, 10).items());
		assertThat(admins).hasSize(1);
		assertThat(admins.get(0).roles()).containsExactly(Role.ADMIN);
		assertThat(store.find().orElseThrow().adminUsername()).isEqualTo(admins.get(0).username());
		// And a third try later is refused too, with nothing created.
		assertThatThrownBy(() -> steps.admin().createAdmin(token, admin("quantri.ba"))).isInstanceOf(SetupException.class);
	}

	@Test
	void aWeakPasswordOrMismatchIsRefusedInVietnameseAndNothingIsClaimed() {
		steps.commune().chooseCommune(token, unit, "");
		assertThatThrownBy(() -> steps.admin().createAdmin(token, new SetupAdminStep.AdminInput("Lê Văn A", "quantri.x", "1234567890",
				"1234567890", "0912345678"))).isInstanceOf(SetupException.class).hasMessageContaining("dễ đoán");
		assertThatThrownBy(() -> steps.admin().createAdmin(token, new SetupAdminStep.AdminInput("Lê Văn A", "quantri.x", "Lua-chin-2026",
				"Lua-chin-2027", "0912345678"))).isInstanceOf(SetupException.class).hasMessageContaining("không giống nhau");
		assertThat(store.find().orElseThrow().adminUsername()).isNull();
	}

	@Test
	void theWholeWizardThenTheAddressIsUsedUp() {
		steps.commune().chooseCommune(token, unit, "Thôn Một");
		steps.admin().createAdmin(token, admin("quantri.xa"));
		var bad = new SetupServiceStep.ServiceInput("", "Sáng 7:30–11:30", "970405", "12", "ubnd xa");
		assertThatThrownBy(() -> steps.service().service(token, bad)).isInstanceOf(SetupException.class)
			.satisfies(e -> assertThat(((SetupException) e).errors()).containsKeys("accountNumber"));
		steps.service().service(token, new SetupServiceStep.ServiceInput("", "Sáng 7:30–11:30", "970405", "3300201099999", "UBND XA THU"));
		assertThatThrownBy(() -> steps.service().registers(token, "năm mươi", "")).isInstanceOf(SetupException.class)
			.satisfies(e -> assertThat(((SetupException) e).errors()).containsKey("lastOutgoing"));
		steps.service().registers(token, "57", "");
		assertThat(steps.service().lastUsed(store.find().orElseThrow(), vn.xaso.documents.RegisterNumbering.Register.OUTGOING)).isEqualTo(57);
		steps.signing().signingLater(token);

		var wrong = """
				Họ và tên,Tên đăng nhập,Số điện thoại,Vai trò,Chức vụ
				Nguyễn Văn A,nguyen.a,0912000001,một cửa,Công chức một cửa
				,b,12,phi công,
				Trần Thị C,nguyen.a,0912000003,văn thư,
				""";
		var checked = officials.dryRun(token, "can-bo.csv", wrong.getBytes(StandardCharsets.UTF_8));
		assertThat(checked.get(0).ok()).isTrue();
		assertThat(String.join(" ", checked.get(1).problems())).contains("Thiếu họ và tên", "không hợp lệ", "Không hiểu vai trò \"phi công\"");
		assertThat(checked.get(1).row().line()).isEqualTo(3);
		assertThat(String.join(" ", checked.get(2).problems())).contains("bị trùng");
		assertThatThrownBy(() -> officials.confirmImport(token)).isInstanceOf(SetupException.class);
		assertThat(Tenancy.callAs(UnitScope.of(unit), () -> accounts.list(unit, "nguyen.a", 0, 5).total())).isZero();

		var right = """
				Họ và tên;Tên đăng nhập;Số điện thoại;Vai trò;Chức vụ
				Nguyễn Văn A;nguyen.a;0912000001;một cửa;Công chức một cửa
				"Trần Thị C";tran.c;;"Văn thư, chủ tịch";Văn thư
				""";
		assertThat(officials.dryRun(token, "can-bo.csv", right.getBytes(StandardCharsets.UTF_8))).allMatch(SetupOfficials.Checked::ok);
		assertThat(officials.confirmImport(token)).isEqualTo(2);
		var invites = officials.invites(unit);
		assertThat(invites).extracting(InviteStore.Invite::username).containsExactly("nguyen.a", "tran.c");
		var tranC = Tenancy.callAs(UnitScope.of(unit), () -> accounts.list(unit, "tran.c", 0, 5).items().get(0));
		assertThat(tranC.roles()).containsExactlyInAnyOrder(Role.CLERK, Role.LEADER);

		var link = invites.get(0).token();
		assertThat(firstSignIn.choosePassword(link, "Lua-chin-vang-2026", "Lua-chin-vang-2026")).isEqualTo("nguyen.a");
		assertThatThrownBy(() -> firstSignIn.choosePassword(link, "Lua-chin-vang-2027", "Lua-chin-vang-2027"))
			.isInstanceOf(SetupException.class).hasMessageContaining("đã dùng");
		officials.done(token);

		assertThatThrownBy(() -> steps.procedures().chooseProcedures(token, List.of("không-có"))).isInstanceOf(SetupException.class);
		steps.procedures().chooseProcedures(token, List.of("1.001193", "1.000656"));
		var done = steps.finish().complete(token);
		assertThat(done.unitCode()).isEqualTo(unit);
		assertThat(done.adminUsername()).isEqualTo("quantri.xa");
		assertThat(wizard.access(token)).isEqualTo(SetupWizard.Access.FINISHED);
		assertThat(Files.exists(tokens.file())).isFalse();
		assertThatThrownBy(() -> steps.finish().complete(token)).isInstanceOf(SetupException.class);
		// A finished setup is never reopened, even by a new token.
		assertThatThrownBy(tokens::current).isInstanceOf(IllegalStateException.class);
		assertThat(store.find().orElseThrow().completed()).isTrue();
	}

	/**
	 * Step 4 submitted twice at the same moment (a double click, two tabs) with the same PKCS#12: one identity is
	 * stored, and both answers move on to step 5. Without the lock on the setup row both requests stored one.
	 */
	@Test
	void aDoubleSubmittedPkcs12IsStoredOnce() throws Exception {
		steps.commune().chooseCommune(token, unit, "");
		steps.admin().createAdmin(token, admin("quantri.p12"));
		steps.service().service(token, new SetupServiceStep.ServiceInput("", "Sáng 7:30–11:30", "", "", ""));
		var p12 = vn.xaso.testing.TestPkcs12.make("UBND Xã Thử Ký", "Ky-so-2026");
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(2)) {
			var results = List.of(1, 2).stream().map(n -> pool.submit(() -> {
				start.await();
				steps.signing().importSigning(token, p12, "Ky-so-2026");
				return n;
			})).toList();
			start.countDown();
			for (var r : results) {
				r.get();
			}
		}
		assertThat(organisationIdentities()).isEqualTo(1);
		// Submitted once more later (the back button): still one.
		steps.signing().importSigning(token, p12, "Ky-so-2026");
		assertThat(organisationIdentities()).isEqualTo(1);
		assertThat(store.find().orElseThrow().signing()).isEqualTo("IMPORTED");
		assertThat(store.find().orElseThrow().step()).isEqualTo(SetupState.OFFICIALS);
		// A wrong password: a Vietnamese message on the file, nothing more stored.
		assertThatThrownBy(() -> steps.signing().importSigning(token, p12, "sai")).isInstanceOf(SetupException.class)
			.satisfies(e -> assertThat(((SetupException) e).errors()).containsKey("p12"));
		assertThat(organisationIdentities()).isEqualTo(1);
	}

	private long organisationIdentities() {
		return Tenancy.callAs(UnitScope.of(unit), () -> signingIdentities.list(unit).stream()
			.filter(i -> i.holderKind() == SigningIdentity.HolderKind.ORGANISATION).count());
	}

	private static SetupAdminStep.AdminInput admin(String username) {
		return new SetupAdminStep.AdminInput("Phạm Thị Hương", username, "Lua-chin-vang-dong-2026", "Lua-chin-vang-dong-2026",
				"0912 345 678");
	}

	static Set<String> none() {
		return Set.of();
	}
}
