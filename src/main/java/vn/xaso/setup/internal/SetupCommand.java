package vn.xaso.setup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import vn.xaso.catalog.Procedure;

/**
 * {@code java -jar xaso.jar setup --unit 14701 --admin quantri --from setup.yml}: the first-run setup for
 * automation, through the same use cases and rules as the wizard (docs/modules/setup.md). Exit code 0
 * when finished, 1 when the instance is already set up, 2 for a refused input (the Vietnamese reason is
 * printed and the steps already done stay saved, as in the wizard).
 */
@Component
@Order(30)
class SetupCommand implements ApplicationRunner, ExitCodeGenerator {

	private final SetupStartup startup;
	private final SetupTokens tokens;
	private final SetupSteps steps;
	private final SetupOfficials officials;
	private final SetupSigningToken signingToken;
	private int exitCode;

	SetupCommand(SetupStartup startup, SetupTokens tokens, SetupSteps steps, SetupSigningToken signingToken) {
		this.signingToken = signingToken;
		this.startup = startup;
		this.tokens = tokens;
		this.steps = steps;
		this.officials = steps.officials();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!"setup".equals(System.getProperty("xaso.command"))) {
			return;
		}
		exitCode = 0;
		var raw = args.getSourceArgs();
		if (option(raw, "province") != null) {
			return; // a province instance: ProvinceSetupCommand
		}
		var unit = option(raw, "unit");
		var admin = option(raw, "admin");
		var from = option(raw, "from");
		if (unit == null || admin == null || from == null) {
			System.out.println(SetupException.vietnamese("setup.cli.usage"));
			exitCode = 2;
			return;
		}
		if (!startup.needed()) {
			System.out.println(SetupException.vietnamese("setup.cli.alreadySetUp"));
			exitCode = 1;
			return;
		}
		try {
			run(tokens.current(), unit, admin, read(Path.of(from)), Path.of(from).toAbsolutePath().getParent());
		}
		catch (SetupException e) {
			e.errors().forEach((field, message) -> System.out.println("_page".equals(field) ? SetupException.vietnamese("setup.cli.error", message)
					: SetupException.vietnamese("setup.cli.fieldError", field, message)));
			exitCode = 2;
		}
	}

	private void run(String token, String unit, String admin, Map<String, Object> file, Path base) {
		steps.commune().chooseCommune(token, unit, String.join("\n", list(file.get("villages"))));
		var a = map(file.get("admin"));
		var password = text(a.get("password"));
		if (password.isEmpty()) {
			password = System.getenv().getOrDefault("XASO_SETUP_ADMIN_PASSWORD", "");
		}
		steps.admin().createAdmin(token, new SetupAdminStep.AdminInput(text(a.get("fullName")), admin, password, password, text(a.get("phone"))));
		var registers = map(file.get("registers"));
		steps.service().registers(token, text(registers.get("outgoing")), text(registers.get("incoming")));
		var bank = map(file.get("bank"));
		steps.service().service(token, new SetupServiceStep.ServiceInput(text(file.get("agencyCode")), text(file.get("workingHours")),
				text(bank.get("bin")), text(bank.get("accountNumber")), text(bank.get("accountName"))));
		var signing = map(file.get("signing"));
		if (signing.get("file") != null) {
			var p12 = base.resolve(text(signing.get("file")));
			try {
				steps.signing().importSigning(token, Files.readAllBytes(p12), text(signing.get("password")));
			}
			catch (IOException e) {
				throw SetupException.of("signing", "setup.error.p12Unreadable", p12.toString());
			}
		}
		else if (signing.get("pkcs11") != null) {
			token(token, signing);
		}
		else {
			steps.signing().signingLater(token);
		}
		if (file.get("officials") != null) {
			var list = base.resolve(text(file.get("officials")));
			try {
				var checked = officials.dryRun(token, list.getFileName().toString(), Files.readAllBytes(list));
				var bad = checked.stream().filter(c -> !c.ok()).toList();
				if (!bad.isEmpty()) {
					var errors = new SetupException.Errors();
					bad.forEach(c -> errors.add(SetupException.vietnamese("setup.cli.row", String.valueOf(c.row().line())),
							locale -> String.join(" ", c.texts().stream().map(t -> t.in(locale)).toList())));
					throw errors.refusal();
				}
				officials.confirmImport(token);
			}
			catch (IOException e) {
				throw SetupException.of("officials", "setup.error.officialsUnreadable", list.toString());
			}
		}
		officials.done(token);
		var codes = file.get("procedures") instanceof List<?> chosen ? list(chosen)
				: steps.procedures().nationalProcedures().stream().map(Procedure::code).toList();
		steps.procedures().chooseProcedures(token, codes);
		var done = steps.finish().complete(token);
		System.out.println(SetupException.vietnamese("setup.cli.done", done.unitCode(), done.adminUsername()));
		for (var invite : officials.invites(done.unitCode())) {
			System.out.println("  " + invite.username() + "  /setup/welcome/" + invite.token());
		}
	}

	/**
	 * {@code signing: { pkcs11: <library>, token: <label> or slot: <id>, key: <alias> }}; the PIN comes from
	 * {@code XASO_SETUP_TOKEN_PIN} (never from the file) and is not stored.
	 */
	private void token(String token, Map<String, Object> signing) {
		var library = text(signing.get("pkcs11"));
		var label = text(signing.get("token"));
		var tokensFound = signingToken.tokens(token, library);
		var chosen = tokensFound.stream()
			.filter(t -> signing.get("slot") != null ? text(signing.get("slot")).equals(Long.toString(t.slot()))
					: label.isEmpty() ? tokensFound.size() == 1 : label.equals(t.label()))
			.findFirst()
			.orElseThrow(() -> SetupException.of("signing", "setup.error.tokenNotFound", label.isEmpty() ? "" : "\"" + label + "\" ", library,
					String.join(", ", tokensFound.stream().map(t -> SetupException.vietnamese("setup.text.tokenInSlot", t.label(), String.valueOf(t.slot()))).toList())));
		var pin = System.getenv().getOrDefault("XASO_SETUP_TOKEN_PIN", System.getProperty("xaso.setup.token-pin", "")).toCharArray();
		var alias = text(signing.get("key"));
		if (alias.isEmpty()) {
			var keys = signingToken.keys(token, library, chosen.slot(), pin);
			if (keys.size() > 1) {
				throw SetupException.of("signing", "setup.error.whichKey", String.valueOf(keys.size()),
						String.join(", ", keys.stream().map(k -> k.alias()).toList()));
			}
			alias = keys.getFirst().alias();
		}
		signingToken.choose(token, library, chosen.slot(), alias, pin);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(Path file) {
		try (var in = Files.newInputStream(file)) {
			Object loaded = new Yaml().load(in);
			return loaded instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
		}
		catch (IOException | RuntimeException e) {
			throw SetupException.of("from", "setup.error.setupFileUnreadable", file.toString(), String.valueOf(e.getMessage()));
		}
	}

	static @Nullable String option(String[] args, String name) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--" + name) && i + 1 < args.length) {
				return args[i + 1];
			}
			if (args[i].startsWith("--" + name + "=")) {
				return args[i].substring(name.length() + 3);
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object o) {
		return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	private static List<String> list(@Nullable Object o) {
		var result = new ArrayList<String>();
		if (o instanceof List<?> l) {
			l.forEach(x -> result.add(String.valueOf(x)));
		}
		return result;
	}

	private static String text(@Nullable Object o) {
		return o == null ? "" : String.valueOf(o).strip();
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
