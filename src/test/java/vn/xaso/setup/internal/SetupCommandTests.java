package vn.xaso.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.identity.Accounts;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/** {@code xaso setup --unit … --admin … --from file.yml}: the same use cases and rules as the wizard. */
@XasoIntegrationTest
class SetupCommandTests {

	@Autowired SetupCommand command;
	@Autowired SetupTokens tokens;
	@Autowired SetupStore store;
	@Autowired Accounts accounts;
	@Autowired Units units;
	@Autowired Villages villages;
	@Autowired JdbcClient jdbc;
	@Autowired org.springframework.transaction.support.TransactionTemplate tx;

	@AfterEach
	void back() {
		System.clearProperty("xaso.command");
	}

	@Test
	void refusesWhenTheInstanceAlreadyHasAnAdministrator() {
		jdbc.sql("delete from setup_state where id = 1").update();
		System.setProperty("xaso.command", "setup");
		command.run(new DefaultApplicationArguments("--unit", "14701", "--admin", "quantri", "--from", "x.yml"));
		assertThat(command.getExitCode()).isEqualTo(1);
	}

	@Test
	void setsUpACommuneFromAFileAndRefusesBadInputInVietnamese() throws Exception {
		jdbc.sql("delete from setup_state where id = 1").update();
		jdbc.sql("delete from setup_invite").update();
		Files.deleteIfExists(tokens.file());
		tokens.current();
		var unit = units.searchCommunes("son", 200).stream().map(u -> u.code())
			.filter(c -> villages.list(c).isEmpty()).findFirst().orElseThrow();
		var folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "setup-cli-");
		Files.writeString(folder.resolve("can-bo.csv"), """
				Họ và tên,Tên đăng nhập,Số điện thoại,Vai trò,Chức vụ
				Lê Thị Hoa,cli.motcua,0912000301,một cửa,Công chức Một cửa
				""");
		var yml = folder.resolve("xa.yml");
		Files.writeString(yml, """
				villages: [Thôn Một, Thôn Hai]
				admin: { fullName: Lê Văn Quản, phone: "0912000300", password: "12345" }
				workingHours: Sáng 7 giờ 30 – 11 giờ 30
				officials: can-bo.csv
				procedures: [1.001193]
				""");
		System.setProperty("xaso.command", "setup");
		command.run(new DefaultApplicationArguments("--unit", unit, "--admin", "cli.quantri", "--from", yml.toString()));
		assertThat(command.getExitCode()).as("a weak password is refused").isEqualTo(2);
		assertThat(store.find().orElseThrow().adminUsername()).isNull();

		Files.writeString(yml, Files.readString(yml).replace("\"12345\"", "\"Lua-chin-vang-dong-2026\""));
		command.run(new DefaultApplicationArguments("--unit=" + unit, "--admin", "cli.quantri", "--from", yml.toString()));
		assertThat(command.getExitCode()).isZero();
		var state = store.find().orElseThrow();
		assertThat(state.completed()).isTrue();
		assertThat(state.unitCode()).isEqualTo(unit);
		assertThat(state.procedureCodes()).containsExactly("1.001193");
		assertThat(Tenancy.callAs(UnitScope.of(unit), () -> accounts.list(unit, "cli.", 0, 10).total())).isEqualTo(2);
		assertThat(villages.list(unit)).hasSize(2);
	}

	@Test
	void theSignatureMayBeAKeyOnAPkcs11TokenWithThePinFromTheEnvironment() throws Exception {
		vn.xaso.signing.SoftHsmToken.addKey("ubnd-cli", "UBND Xã Dòng Lệnh", "UBND Xã Dòng Lệnh");
		jdbc.sql("delete from setup_state where id = 1").update();
		jdbc.sql("delete from setup_invite").update();
		Files.deleteIfExists(tokens.file());
		tokens.current();
		var free = units.searchCommunes("thanh", 200).stream().map(u -> u.code())
			.filter(c -> villages.list(c).isEmpty()).limit(2).toList();
		var unit = free.get(1);
		var folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "setup-cli-token-");
		var yml = folder.resolve("xa.yml");
		Files.writeString(yml, """
				villages: [Thôn Một]
				admin: { fullName: Lê Văn Quản, phone: "0912000310", password: "Lua-chin-vang-dong-2026" }
				workingHours: Sáng 7 giờ 30 – 11 giờ 30
				signing: { pkcs11: %s, token: %s, key: ubnd-cli }
				procedures: [1.001193]
				""".formatted(vn.xaso.signing.SoftHsmToken.library(), vn.xaso.signing.SoftHsmToken.LABEL));
		System.setProperty("xaso.command", "setup");
		try {
			command.run(new DefaultApplicationArguments("--unit", free.get(0), "--admin", "cli.token0", "--from", yml.toString()));
			assertThat(command.getExitCode()).as("no PIN given").isEqualTo(2);
			assertThat(store.find().orElseThrow().signing()).isNull();
			assertThat(store.find().orElseThrow().step()).isEqualTo(SetupState.SIGNING);
			// A new setup (the refused one already has its administrator) with the PIN in the environment.
			jdbc.sql("delete from setup_state where id = 1").update();
			Files.deleteIfExists(tokens.file());
			tokens.current();
			System.setProperty("xaso.setup.token-pin", vn.xaso.signing.SoftHsmToken.PIN);
			command.run(new DefaultApplicationArguments("--unit", unit, "--admin", "cli.token", "--from", yml.toString()));
			assertThat(command.getExitCode()).isZero();
		}
		finally {
			System.clearProperty("xaso.setup.token-pin");
		}
		var state = store.find().orElseThrow();
		assertThat(state.completed()).isTrue();
		assertThat(state.signing()).isEqualTo("TOKEN");
		java.util.List<String> aliases = Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(st -> jdbc.sql(
				"select pkcs11_alias from signing_identity where unit_code = ? and source = 'PKCS11' and active").param(unit)
			.query(String.class).list()));
		assertThat(aliases).containsExactly("ubnd-cli");
	}
}
