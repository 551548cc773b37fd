package vn.xaso.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.SoftHsmToken;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * Setup step 4 with a PKCS#11 token (SoftHSM2 made for this run): the library's tokens by label, the keys read with
 * the PIN, the chosen key stored as library/slot/alias without the PIN, and a PDF signed later with that identity and
 * the PIN validating with pdfsig. The web pages are walked too (library → token and PIN → key choice → step 5).
 */
@XasoIntegrationTest
class SetupSigningTokenTests {

	@Autowired SetupWizard wizard;
	@Autowired SetupSteps steps;
	@Autowired SetupSigningToken signingToken;
	@Autowired SetupTokens tokens;
	@Autowired SetupStore store;
	@Autowired SigningIdentities identities;
	@Autowired PdfSigning pdfSigning;
	@Autowired Units units;
	@Autowired Villages villages;
	@Autowired JdbcClient jdbc;
	@Autowired org.springframework.transaction.support.TransactionTemplate tx;
	@LocalServerPort int port;

	String token;
	String unit;
	String library;
	long slot;

	@BeforeAll
	static void twoKeysOnTheToken() throws Exception {
		SoftHsmToken.addKey("ubnd-xa", "UBND Xã Thử Token", "UBND Xã Thử Token");
		SoftHsmToken.addKey("ca-nhan", "Nguyễn Văn Ký", "UBND Xã Thử Token");
	}

	@BeforeEach
	void toStepFour() throws Exception {
		jdbc.sql("delete from setup_state where id = 1").update();
		jdbc.sql("delete from setup_invite").update();
		Files.deleteIfExists(tokens.file());
		token = tokens.current();
		var candidates = units.searchCommunes("son", 200).stream().map(u -> u.code())
			.filter(c -> !c.equals("14701") && !c.equals("16144"))
			.filter(c -> villages.list(c).isEmpty())
			.toList();
		unit = candidates.get((int) (System.nanoTime() % Math.min(50, candidates.size())));
		steps.commune().chooseCommune(token, unit, "Thôn Một");
		steps.admin().createAdmin(token, new SetupAdminStep.AdminInput("Phạm Thị Hương", "qt.token" + (System.nanoTime() % 100000),
				"Lua-chin-vang-dong-2026", "Lua-chin-vang-dong-2026", "0912 345 678"));
		steps.service().service(token, new SetupServiceStep.ServiceInput("", "Sáng 7:30–11:30", "", "", ""));
		library = SoftHsmToken.library().toString();
		slot = SoftHsmToken.slot();
	}

	@Test
	void theTokenIsChosenByLabelTheKeyFromItsListAndThePinIsNotStored() throws Exception {
		assertThat(signingToken.knownLibraries()).contains(library);
		assertThatThrownBy(() -> signingToken.tokens(token, "/khong/co/libx.so")).isInstanceOf(SetupException.class)
			.satisfies(e -> assertThat(((SetupException) e).errors()).containsKey("library"));
		// a typed path to a file that exists but is not on the installation's allow-list is refused before it is loaded (issue 21)
		var notAllowed = java.nio.file.Files.createTempFile("libtyped", ".so").toString();
		assertThatThrownBy(() -> signingToken.tokens(token, notAllowed)).isInstanceOf(SetupException.class)
			.hasMessageContaining("chưa được phép");
		assertThat(signingToken.tokens(token, library)).extracting(t -> t.label() + "@" + t.slot())
			.contains(SoftHsmToken.LABEL + "@" + slot);
		assertThatThrownBy(() -> signingToken.keys(token, library, slot, "000000".toCharArray()))
			.isInstanceOf(SetupException.class).hasMessageContaining("PIN");
		assertThat(signingToken.keys(token, library, slot, SoftHsmToken.PIN.toCharArray()))
			.extracting(k -> k.alias()).contains("ubnd-xa", "ca-nhan");
		assertThatThrownBy(() -> signingToken.choose(token, library, slot, "ubnd-xa", "111111".toCharArray()))
			.isInstanceOf(SetupException.class).hasMessageContaining("PIN");
		assertThat(organisationIdentities()).isEmpty();

		signingToken.choose(token, library, slot, "ubnd-xa", SoftHsmToken.PIN.toCharArray());
		signingToken.choose(token, library, slot, "ubnd-xa", SoftHsmToken.PIN.toCharArray()); // a double submit
		var state = store.find().orElseThrow();
		assertThat(state.signing()).isEqualTo("TOKEN");
		assertThat(state.step()).isEqualTo(SetupState.OFFICIALS);
		var stored = organisationIdentities();
		assertThat(stored).hasSize(1);
		var identity = stored.getFirst();
		assertThat(identity.source()).isEqualTo("PKCS11");
		assertThat(identity.subject()).contains("UBND Xã Thử Token");
		var row = Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(st -> jdbc.sql("""
				select pkcs11_library, pkcs11_slot, pkcs11_token_label, pkcs11_alias, p12_sealed is null from signing_identity where id = ?""")
			.param(identity.id()).query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.single()));
		assertThat(row).containsExactly(library, slot, SoftHsmToken.LABEL, "ubnd-xa", true);
		var audit = Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(st -> jdbc.sql(
				"select coalesce(string_agg(coalesce(after_summary, ''), ' '), '') from audit_entry where unit_code = ? and action = 'signing.identity.pkcs11'")
			.param(unit).query(String.class).single()));
		assertThat(audit).contains("ubnd-xa").doesNotContain(SoftHsmToken.PIN);

		// Signing later with the stored identity: the PIN is asked, a wrong one signs nothing.
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(unit), () -> identities.unlock(unit, identity.id(), "999999".toCharArray())))
			.isInstanceOf(SigningException.class).hasMessageContaining("PIN");
		var signer = Tenancy.callAs(UnitScope.of(unit), () -> identities.unlock(unit, identity.id(), SoftHsmToken.PIN.toCharArray()));
		var signed = pdfSigning.sign(SoftHsmToken.samplePdf("XaSo-Token"), signer, SignatureAppearance.organisation("UBND Xã Thử Token"));
		var checked = new SignatureVerification(() -> List.of(SoftHsmToken.ca()), 20).verify(signed).signatures().getFirst();
		assertThat(checked.intact()).isTrue();
		assertThat(checked.trusted()).isTrue();
		assertThat(SoftHsmToken.pdfsig(signed)).contains("Signature is Valid").contains("UBND Xã Thử Token");
	}

	@Test
	void theWebPagesListTheTokenThenTheKeysThenGoOnToOfficials() {
		var web = new WebSession(port);
		var four = web.get("/setup/" + token + "/4");
		assertThat(four.statusCode()).isEqualTo(200);
		assertThat(four.body()).contains(library).contains("Tìm thiết bị ký số");
		var bad = web.get("/setup/" + token + "/4/token?typedLibrary=" + enc("/khong/co/libx.so"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Không có tệp thư viện /khong/co/libx.so");
		var page = web.get("/setup/" + token + "/4/token?library=" + enc(library));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(SoftHsmToken.LABEL + " (khe " + slot + ")").contains("Mã PIN của thiết bị");
		// Two keys on the token: the first try lists them and asks which one.
		var keys = web.post("/setup/" + token + "/4/token", Map.of("library", library, "slot", Long.toString(slot), "pin", SoftHsmToken.PIN));
		assertThat(keys.statusCode()).isEqualTo(400);
		assertThat(keys.body()).contains("Hãy chọn khóa của UBND xã").contains("ubnd-xa").contains("ca-nhan")
			.doesNotContain(SoftHsmToken.PIN);
		var wrongPin = web.post("/setup/" + token + "/4/token",
				Map.of("library", library, "slot", Long.toString(slot), "pin", "000000", "alias", "ubnd-xa"));
		assertThat(wrongPin.statusCode()).isEqualTo(400);
		assertThat(wrongPin.body()).contains("Mã PIN của thiết bị ký số không đúng");
		var done = web.post("/setup/" + token + "/4/token",
				Map.of("library", library, "slot", Long.toString(slot), "pin", SoftHsmToken.PIN, "alias", "ubnd-xa"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/setup/" + token + "/5");
		assertThat(organisationIdentities()).hasSize(1);
		assertThat(web.get("/setup/" + token + "/4").body()).contains("Đã chọn thiết bị ký số");
	}

	/** Under ?lang=en the step's refusals are English: setup's own and the signing module's it quotes. */
	@Test
	void theStepRefusesInEnglishWithLangEn() {
		var web = new WebSession(port);
		var page = web.get("/setup/" + token + "/4/token?lang=en&library=" + enc(library));
		assertThat(page.statusCode()).isEqualTo(200);
		try {
			var noPin = web.post("/setup/" + token + "/4/token", Map.of("library", library, "slot", Long.toString(slot), "pin", ""));
			assertThat(noPin.statusCode()).isEqualTo(400);
			assertThat(noPin.body()).contains("Enter the PIN of the signing device. The PIN is not stored.")
				.doesNotContain("Hãy nhập mã PIN");
			var noSlot = web.post("/setup/" + token + "/4/token", Map.of("library", library, "slot", "x", "pin", "123456"));
			assertThat(noSlot.statusCode()).isEqualTo(400);
			assertThat(noSlot.body()).contains("Choose the signing device in the list.");
			var wrongLibrary = web.get("/setup/" + token + "/4/token?typedLibrary=" + enc("/khong/co/libx.so"));
			assertThat(wrongLibrary.statusCode()).isEqualTo(400);
			assertThat(wrongLibrary.body()).contains("There is no library file /khong/co/libx.so").doesNotContain("Không có tệp thư viện");
		}
		finally {
			web.get("/setup/" + token + "/4?lang=vi");
		}
		assertThat(organisationIdentities()).isEmpty();
	}

	/**
	 * The token chosen twice at once — the same form sent twice (a double click: the one-time form value makes the
	 * second a replay of the first) and a second browser sending its own form meanwhile — and then once more with the
	 * library path spelled another way: one identity, and every answer goes on to step 5.
	 */
	@Test
	void aDoubleSubmittedTokenChoiceKeepsOneIdentity() throws Exception {
		var first = new WebSession(port);
		var second = new WebSession(port);
		assertThat(first.get("/setup/" + token + "/4/token?library=" + enc(library)).statusCode()).isEqualTo(200);
		assertThat(second.get("/setup/" + token + "/4/token?library=" + enc(library)).statusCode()).isEqualTo(200);
		var form = Map.of("library", library, "slot", Long.toString(slot), "pin", SoftHsmToken.PIN, "alias", "ubnd-xa");
		var start = new java.util.concurrent.CountDownLatch(1);
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
			var sent = List.of(first, first, second).stream().map(browser -> pool.submit(() -> {
				start.await();
				return browser.post("/setup/" + token + "/4/token", form);
			})).toList();
			start.countDown();
			for (var answer : sent) {
				var response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(302);
				assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/setup/" + token + "/5");
			}
			assertThat(sent.stream().map(f -> {
				try {
					return f.get().headers().firstValue("Idempotent-Replayed").orElse("no");
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			})).as("the same form sent twice is answered once").contains("true");
		}
		assertThat(organisationIdentities()).hasSize(1);

		var spelledOtherwise = java.nio.file.Path.of(library).getParent().resolve(".").resolve(java.nio.file.Path.of(library).getFileName());
		signingToken.choose(token, spelledOtherwise.toString(), slot, "ubnd-xa", SoftHsmToken.PIN.toCharArray());
		assertThat(organisationIdentities()).hasSize(1);
		assertThat(store.find().orElseThrow().signing()).isEqualTo("TOKEN");
	}

	private List<SigningIdentity> organisationIdentities() {
		return Tenancy.callAs(UnitScope.of(unit), () -> identities.list(unit)).stream()
			.filter(i -> i.holderKind() == SigningIdentity.HolderKind.ORGANISATION && i.active()).toList();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
