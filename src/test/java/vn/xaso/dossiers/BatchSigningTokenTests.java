package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.SoftHsm;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21, batch signing with a PKCS#11 token (SoftHSM2): a leader whose key is on a token types the token's PIN
 * once for the batch; a wrong PIN signs nothing; each result gets its own signature made by the token; a second
 * batch within the grant needs no PIN. The batch page shows each result's preview and a visible label per box.
 */
@XasoIntegrationTest
class BatchSigningTokenTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	BatchSigning batch;

	@Autowired
	SigningIdentities identities;

	@Autowired
	Accounts accounts;

	@Autowired
	SignatureVerification verification;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aTokenPinTypedOnceSignsTheBatchEachResultOnItsOwn() throws Exception {
		var token = SoftHsm.token();
		SoftHsm.addKey("leader-token", "Lê Văn Token");
		var username = "yenmo.token" + (System.nanoTime() % 100000);
		long accountId = Tenancy.callAs(UnitScope.of(YEN_MO), () -> accounts.create(YEN_MO,
				new Accounts.NewOfficial(username, "Lê Văn Token", "Phó Chủ tịch", null, null, Set.of(Role.LEADER), null, "Ky-So-Token-2026!")));
		var leader = Caller.official(YEN_MO, username, "Lê Văn Token", Set.of(Role.LEADER));
		var identity = Tenancy.callAs(UnitScope.of(YEN_MO), () -> identities.registerToken(YEN_MO, "yenmo.admin",
				SigningIdentity.HolderKind.OFFICIAL, "Lê Văn Token", username, token.library().toString(), token.slot(), "leader-token",
				SoftHsm.PIN.toCharArray()));
		try {
			assertThat(identity.source()).isEqualTo("PKCS11");
			// a library the installation does not allow is refused before it is loaded
			var evil = java.nio.file.Files.createTempFile("evil", ".so").toString();
			assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(YEN_MO), () -> identities.registerToken(YEN_MO, "yenmo.admin",
					SigningIdentity.HolderKind.OFFICIAL, "Lê Văn Token", username, evil, null, null, SoftHsm.PIN.toCharArray())))
				.hasMessageContaining("chưa được phép");

			var first = List.of(awaitingApproval(), awaitingApproval());
			var session = "token-" + System.nanoTime();
			var items = first.stream().map(id -> new BatchSigning.Item(id, version(id))).toList();
			assertThatThrownBy(() -> batch.sign(leader, session, items, "000000".toCharArray())).isInstanceOf(DossierException.class)
				.hasMessageContaining("Mã PIN");
			assertThat(first).allSatisfy(id -> assertThat(dossiers.find(LEADER, id).orElseThrow().state()).isEqualTo("awaiting_approval"));

			var outcomes = batch.sign(leader, session, items, SoftHsm.PIN.toCharArray());
			assertThat(outcomes).allSatisfy(o -> assertThat(o.signed()).as(o.message()).isTrue());
			for (var id : first) {
				var pdf = dossiers.resultPdf(LEADER, id).orElseThrow();
				var signatures = verification.verify(pdf).signatures();
				assertThat(signatures).singleElement().satisfies(s -> {
					assertThat(s.intact()).isTrue();
					assertThat(s.signerName()).isEqualTo("Lê Văn Token");
				});
				assertThat(dossiers.find(LEADER, id).orElseThrow().events().stream().filter(e -> e.action().equals("approve"))).hasSize(1);
			}
			// within the grant: the next batch needs no PIN
			long third = awaitingApproval();
			assertThat(batch.sign(leader, session, List.of(new BatchSigning.Item(third, version(third))), null))
				.singleElement().satisfies(o -> assertThat(o.signed()).isTrue());
		}
		finally {
			Tenancy.runAs(UnitScope.of(YEN_MO), () -> {
				identities.deactivate(YEN_MO, "yenmo.admin", identity.id());
				accounts.setActive(YEN_MO, accountId, false);
			});
		}
	}

	@Test
	void theBatchPageShowsEachResultsPreviewAndAVisibleLabel() {
		long id = awaitingApproval();
		var code = dossiers.find(LEADER, id).orElseThrow().code();
		var chairman = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		var html = chairman.get("/dossiers/sign").body();
		assertThat(html).contains("href=\"/dossiers/" + id + "/result/preview.pdf\"")
			.contains("<label for=\"pick-" + id + "\">Ký " + code + " (Trần T. H.)</label>");
		var preview = chairman.getBytes("/dossiers/" + id + "/result/preview.pdf");
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(new String(preview.body(), 0, 5)).isEqualTo("%PDF-");
	}

	private long version(long id) {
		return dossiers.find(LEADER, id).orElseThrow().version();
	}

	private long awaitingApproval() {
		long id = marriage(dossiers, jdbc, "0988000001").dossierId();
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đủ điều kiện"));
		return id;
	}
}
