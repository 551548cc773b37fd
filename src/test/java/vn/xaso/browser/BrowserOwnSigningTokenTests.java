package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.SoftHsm;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21, a vice-chairman registers his own USB token (SoftHSM2 here) as his signing identity from the workspace,
 * following visible links only: card "Chữ ký số của tôi", the token picked from the list of plugged-in devices, the
 * PIN typed (never stored), his key picked when the token holds several; the demo .p12 identity he had stops being
 * used. Then "Ký kết quả theo lô" signs with the token's PIN typed once and each result carries the token's signature.
 */
@XasoIntegrationTest
class BrowserOwnSigningTokenTests {

	static final int DESK = 1280;

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Dossiers dossiers;

	@Autowired
	Accounts accounts;

	@Autowired
	SigningIdentities identities;

	@Autowired
	SignatureVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderRegistersHisTokenAndSignsABatchWithItsPin() throws Exception {
		var suffix = System.nanoTime() % 100000;
		var alias = "own-" + suffix; // his key
		var holder = "Vũ Văn Ký " + suffix;
		SoftHsm.addKey(alias, holder);
		SoftHsm.addKey("other-" + suffix, "Người Khác " + suffix); // the token holds several keys: he picks his
		var username = "yenmo.pct" + suffix;
		long accountId = Tenancy.callAs(UnitScope.of(DossierFixtures.YEN_MO), () -> accounts.create(DossierFixtures.YEN_MO,
				new Accounts.NewOfficial(username, holder, "Phó Chủ tịch", null, null, Set.of(Role.LEADER), null, DemoData.PASSWORD)));
		var old = Tenancy.callAs(UnitScope.of(DossierFixtures.YEN_MO), () -> identities.generate(DossierFixtures.YEN_MO, "yenmo.admin",
				SigningIdentity.HolderKind.OFFICIAL, holder, username, "UBND Xã Yên Mô", DemoData.SIGNING_PASSWORD.toCharArray()));
		var ids = new ArrayList<Long>();
		for (int i = 0; i < 2; i++) {
			long id = DossierFixtures.marriage(dossiers, jdbc, "0988000001").dossierId();
			var d = dossiers.find(DossierFixtures.ONE_STOP, id).orElseThrow();
			d = dossiers.act(DossierFixtures.ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
			dossiers.act(DossierFixtures.SPECIALIST, id, ActionRequest.of("propose", d.version(), ""));
			ids.add(id);
		}
		try {
			var walk = Journey.start(browser, "own-signing-token", "/signin", DESK);
			JourneyOfficialDossierTests.signIn(walk, username);
			walk.click("Chữ ký số của tôi");
			assertThat(walk.text()).contains("Đăng ký thiết bị ký số của tôi", "xaso (khe " + SoftHsm.token().slot());
			walk.choose("Thiết bị ký số", "xaso (khe " + SoftHsm.token().slot() + ", " + SoftHsm.token().library().getFileName() + ")");
			walk.fill("Mã PIN của thiết bị", "000000");
			walk.click("Đăng ký thiết bị này");
			assertThat(walk.text()).contains("Mã PIN của thiết bị ký số không đúng");
			walk.fill("Mã PIN của thiết bị", SoftHsm.PIN);
			walk.click("Đăng ký thiết bị này");
			assertThat(walk.text()).contains("Hãy chọn khóa của bạn và nhập lại mã PIN", holder, "Người Khác " + suffix);
			walk.tick(holder);
			walk.fill("Mã PIN của thiết bị", SoftHsm.PIN);
			walk.click("Đăng ký thiết bị này");
			assertThat(walk.text()).contains("Đã đăng ký chữ ký số trên thiết bị của bạn", "trên thiết bị ký số, nhập mã PIN khi ký")
				.doesNotContain(SoftHsm.PIN);
			var mine = Tenancy.callAs(UnitScope.of(DossierFixtures.YEN_MO), () -> identities.list(DossierFixtures.YEN_MO)).stream()
				.filter(i -> username.equals(i.officialUsername())).toList();
			assertThat(mine).filteredOn(SigningIdentity::active).singleElement()
				.satisfies(i -> assertThat(i.source()).isEqualTo("PKCS11"));
			assertThat(mine).filteredOn(i -> i.id() == old.id()).singleElement().satisfies(i -> assertThat(i.active()).isFalse());

			walk.click("Về trang làm việc");
			walk.click("Ký kết quả theo lô");
			walk.fill("Mật khẩu chữ ký số", SoftHsm.PIN);
			walk.click("Ký số các hồ sơ đã chọn");
			assertThat(walk.text()).containsPattern("Đã ký ([0-9]+)/\\1 hồ sơ\\.");
			for (var id : ids) {
				assertThat(dossiers.find(DossierFixtures.LEADER, id).orElseThrow().state()).isEqualTo("approved");
				var signatures = verification.verify(dossiers.resultPdf(DossierFixtures.LEADER, id).orElseThrow()).signatures();
				assertThat(signatures).singleElement().satisfies(s -> {
					assertThat(s.intact()).isTrue();
					assertThat(s.signerName()).isEqualTo(holder);
				});
			}
		}
		finally {
			Tenancy.runAs(UnitScope.of(DossierFixtures.YEN_MO), () -> {
				identities.list(DossierFixtures.YEN_MO).stream().filter(i -> username.equals(i.officialUsername()) && i.active())
					.forEach(i -> identities.deactivate(DossierFixtures.YEN_MO, "yenmo.admin", i.id()));
				accounts.setActive(DossierFixtures.YEN_MO, accountId, false);
			});
		}
	}
}
