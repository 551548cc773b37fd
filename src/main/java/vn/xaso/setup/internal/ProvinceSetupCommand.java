package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;

/**
 * {@code java -jar xaso.jar setup --province 37 [--admin trienkhai.37] [--name "…"] [--phone 09…]}: the first run of
 * a province instance. Creates the province's onboarding administrator (role PROVINCE_ADMIN, no usable password)
 * and prints their one-time setup address ({@code /setup/welcome/{token}}, where they choose a password). Run
 * again while the address is unused, it prints the same address. Exit code 0 when an address is printed, 1 when
 * the province already has its onboarding administrator (or the address expired), 2 for a refused input.
 */
@Component
@Order(31)
class ProvinceSetupCommand implements ApplicationRunner, ExitCodeGenerator {

	private final Accounts accounts;
	private final InviteStore invites;
	private final Units units;
	private final TransactionTemplate tx;
	private final PublicAddress address;
	private int exitCode;

	ProvinceSetupCommand(Accounts accounts, InviteStore invites, Units units, PlatformTransactionManager transactions,
			PublicAddress address) {
		this.address = address;
		this.tx = new TransactionTemplate(transactions);
		this.accounts = accounts;
		this.invites = invites;
		this.units = units;
	}

	@Override
	public void run(ApplicationArguments args) {
		var raw = args.getSourceArgs();
		var province = SetupCommand.option(raw, "province");
		if (!"setup".equals(System.getProperty("xaso.command")) || province == null) {
			return;
		}
		var unit = units.find(province.strip()).filter(u -> u.parentCode() == null);
		if (unit.isEmpty()) {
			System.out.println(SetupException.vietnamese("setup.cli.noProvince", province));
			exitCode = 2;
			return;
		}
		var code = unit.get().code();
		var admin = SetupCommand.option(raw, "admin");
		var username = admin == null ? "trienkhai." + code : admin.strip().toLowerCase(java.util.Locale.ROOT);
		var name = SetupCommand.option(raw, "name");
		var phone = SetupCommand.option(raw, "phone");
		exitCode = issue(code, unit.get().name(), username, name == null ? SetupException.vietnamese("setup.text.provinceAdminName", unit.get().name()) : name, phone);
	}

	/** Creates (or finds) the province's onboarding administrator and prints the address; returns the exit code. */
	int issue(String code, String provinceName, String username, String fullName, @org.jspecify.annotations.Nullable String phone) {
		return Tenancy.callAs(UnitScope.of(code), () -> issueInProvince(code, provinceName, username, fullName, phone));
	}

	private int issueInProvince(String code, String provinceName, String username, String fullName,
			@org.jspecify.annotations.Nullable String phone) {
		var existing = accounts.list(code, null, 0, 500).items().stream()
			.filter(a -> a.roles().contains(Role.PROVINCE_ADMIN) || a.username().equals(username)).toList();
		var invite = invites.of(code).stream().filter(i -> existing.stream().anyMatch(a -> a.username().equals(i.username()))).findFirst();
		if (!existing.isEmpty()) {
			if (invite.isPresent() && !invite.get().used() && invite.get().expiresAt().isAfter(Instant.now())) {
				print(provinceName, invite.get().username(), invite.get().token());
				return 0;
			}
			System.out.println(SetupException.vietnamese("setup.cli.provinceAdminExists", provinceName, existing.get(0).username()));
			return 1;
		}
		var token = SetupTokens.random(24);
		try {
			tx.execute(s -> {
				accounts.create(code, new Accounts.NewOfficial(username, fullName, SetupException.vietnamese("setup.text.provinceAdminTitle"), phone, null,
						Set.of(Role.PROVINCE_ADMIN), null, SetupOfficials.temporaryPassword()));
				invites.insert(token, code, username, fullName, Instant.now().plus(SetupOfficials.INVITE_LIFE));
				return null;
			});
		}
		catch (AccountException e) {
			System.out.println(e.field() == null ? SetupException.vietnamese("setup.cli.error", e.getMessage())
					: SetupException.vietnamese("setup.cli.fieldError", e.field(), e.getMessage()));
			return 2;
		}
		print(provinceName, username, token);
		return 0;
	}

	private void print(String provinceName, String username, String token) {
		var base = address.base();
		System.out.println(SetupException.vietnamese("setup.cli.provinceAddress", provinceName, username,
				String.valueOf(SetupOfficials.INVITE_LIFE.toDays()), base, token));
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
