package vn.xaso.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21: the commune administrator adds the organisation's key on a token at /admin/signing after setup — the
 * token picked from those plugged in (allowed libraries only), the PIN checked and never stored. A wrong PIN or a
 * library off the allow-list changes nothing, with a Vietnamese message; a double submit (the same form twice, or
 * the page opened again and sent again) is one identity; the page and its messages in English with ?lang=en.
 */
@XasoIntegrationTest
class AdminSigningTokenTests {

	static final String YEN_MO = "14701";

	@Autowired
	SigningIdentities identities;

	@LocalServerPort
	int port;

	@Test
	void theAdministratorAddsTheOrganisationsTokenOnceWhateverTheClicks() throws Exception {
		var token = SoftHsm.token();
		var alias = "seal-" + System.nanoTime() % 100000;
		SoftHsmToken.addKey(alias, "UBND Xã Yên Mô " + alias, "UBND Xã Yên Mô");
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var page = admin.get("/admin/signing").body();
		var choice = token.library() + "|" + token.slot();
		assertThat(page).contains("Thêm chữ ký số trên thiết bị (USB token, HSM)", "value=\"" + choice + "\"", "Mã PIN của thiết bị");
		var form = Map.of("token", choice, "alias", alias, "holderKind", "ORGANISATION", "holderName", "UBND Xã Yên Mô (thiết bị)");

		var wrong = admin.post("/admin/signing/identities/token", with(form, "pin", "000000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Mã PIN của thiết bị ký số không đúng");
		var elsewhere = java.nio.file.Files.createTempFile("libother", ".so");
		var offList = admin.post("/admin/signing/identities/token", with(with(form, "pin", SoftHsm.PIN), "token", elsewhere + "|" + token.slot()));
		assertThat(offList.body()).contains("chưa được phép dùng trên máy chủ này");
		assertThat(count(alias)).isZero();

		admin.get("/admin/signing");
		var first = admin.post("/admin/signing/identities/token", with(form, "pin", SoftHsm.PIN));
		var again = admin.post("/admin/signing/identities/token", with(form, "pin", SoftHsm.PIN));
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).isEqualTo(302);
		admin.get("/admin/signing"); // the page opened again: a new form token, the same key sent once more
		assertThat(admin.post("/admin/signing/identities/token", with(form, "pin", SoftHsm.PIN)).statusCode()).isEqualTo(302);
		assertThat(count(alias)).isEqualTo(1);
		var listed = admin.get("/admin/signing").body();
		assertThat(listed).contains("UBND Xã Yên Mô (thiết bị)").doesNotContain(SoftHsm.PIN + "\"");
		var identity = Tenancy.callAs(UnitScope.of(YEN_MO), () -> identities.list(YEN_MO)).stream()
			.filter(i -> i.active() && i.subject().contains(alias)).findFirst().orElseThrow();
		try {
			assertThat(identity.holderKind()).isEqualTo(SigningIdentity.HolderKind.ORGANISATION);
			assertThat(identity.source()).isEqualTo("PKCS11");
			var english = admin.get("/admin/signing?lang=en").body();
			assertThat(english).contains("Add a digital signature on a device (USB token, HSM)", "Device PIN");
			var wrongEn = admin.post("/admin/signing/identities/token", with(form, "pin", "000000"));
			assertThat(wrongEn.body()).contains("The signing device PIN is wrong");
		}
		finally {
			Tenancy.runAs(UnitScope.of(YEN_MO), () -> identities.deactivate(YEN_MO, "yenmo.admin", identity.id()));
			admin.get("/admin/signing?lang=vi");
		}
	}

	private long count(String alias) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> identities.list(YEN_MO)).stream()
			.filter(i -> i.subject().contains(alias)).count();
	}

	private static Map<String, String> with(Map<String, String> form, String key, String value) {
		var copy = new java.util.LinkedHashMap<>(form);
		copy.put(key, value);
		return copy;
	}
}
