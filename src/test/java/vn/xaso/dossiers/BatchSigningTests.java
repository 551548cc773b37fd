package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21, batch signing: the chairman signs several results with one password; a wrong password signs nothing;
 * each dossier gets its own signature, timeline entry and audit entry; a stale dossier fails alone; a double
 * submit signs nothing twice; the password is remembered for this session only and can be forgotten at once.
 */
@XasoIntegrationTest
class BatchSigningTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	BatchSigning batch;

	@Autowired
	DossierShortcuts shortcuts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Results results;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void signsEachResultOnceWithOnePasswordAndReportsEachDossier() {
		var ids = new ArrayList<Long>();
		for (int i = 0; i < 3; i++) {
			ids.add(awaitingApproval());
		}
		var items = ids.stream().map(id -> new BatchSigning.Item(id, dossiers.find(LEADER, id).orElseThrow().version())).toList();
		var session = "test-" + System.nanoTime();

		// a wrong password: refused in Vietnamese, nothing signed
		assertThatThrownBy(() -> batch.sign(LEADER, session, items, "sai-mat-khau".toCharArray()))
			.isInstanceOf(DossierException.class)
			.satisfies(e -> assertThat(((DossierException) e).errors()).containsKey("signingPassword"));
		assertThat(ids).allSatisfy(id -> assertThat(dossiers.find(LEADER, id).orElseThrow().state()).isEqualTo("awaiting_approval"));
		assertThat(batch.grantUntil(LEADER, session)).isEmpty();

		// one dossier changed after the review (sent back): it fails alone, the others are signed
		var stale = ids.get(2);
		var s = dossiers.find(LEADER, stale).orElseThrow();
		dossiers.act(LEADER, stale, ActionRequest.of("send_back", s.version(), "Thiếu chữ ký người làm chứng"));
		var outcomes = batch.sign(LEADER, session, items, DemoData.SIGNING_PASSWORD.toCharArray());
		assertThat(outcomes).hasSize(3);
		assertThat(outcomes.subList(0, 2)).allSatisfy(o -> assertThat(o.signed()).isTrue());
		assertThat(outcomes.get(2).signed()).isFalse();
		assertThat(outcomes.get(2).message()).contains("Hồ sơ vừa được");
		for (var id : ids.subList(0, 2)) {
			var d = dossiers.find(LEADER, id).orElseThrow();
			assertThat(d.state()).isEqualTo("approved");
			assertThat(d.files().stream().filter(DossierFile::result)).hasSize(1);
			assertThat(d.events().stream().filter(e -> e.action().equals("approve"))).hasSize(1)
				.allSatisfy(e -> assertThat(e.note()).contains("Ký theo lô"));
			assertThat(audits("dossier.approve", id)).isEqualTo(1);
			assertThat(dossiers.resultPdf(LEADER, id)).isPresent();
		}
		assertThat(dossiers.find(LEADER, stale).orElseThrow().state()).isEqualTo("processing");

		// the same batch again (a double submit): nothing is signed twice, each says so
		var again = batch.sign(LEADER, session, items.subList(0, 2), null);
		assertThat(again).allSatisfy(o -> {
			assertThat(o.signed()).isFalse();
			assertThat(o.message()).contains("đã được ký trước đó");
		});
		for (var id : ids.subList(0, 2)) {
			assertThat(dossiers.find(LEADER, id).orElseThrow().files().stream().filter(DossierFile::result)).hasSize(1);
			assertThat(audits("dossier.approve", id)).isEqualTo(1);
		}

		// within the grant no password is needed; another session has no grant; ending it forgets the password
		var next = awaitingApproval();
		assertThat(batch.grantUntil(LEADER, session)).isPresent();
		assertThatThrownBy(() -> batch.sign(LEADER, "another-session", List.of(item(next)), null)).isInstanceOf(DossierException.class);
		batch.endGrant(LEADER, session);
		assertThatThrownBy(() -> batch.sign(LEADER, session, List.of(item(next)), null))
			.isInstanceOf(DossierException.class)
			.satisfies(e -> assertThat(((DossierException) e).errors().get("signingPassword")).contains("Hãy nhập mật khẩu"));
		assertThat(batch.sign(LEADER, session, List.of(item(next)), DemoData.SIGNING_PASSWORD.toCharArray()))
			.singleElement().satisfies(o -> assertThat(o.signed()).isTrue());
		var nextAgain = awaitingApproval();
		assertThat(batch.sign(LEADER, session, List.of(item(nextAgain)), null)).singleElement().satisfies(o -> assertThat(o.signed()).isTrue());

		// only a leader signs
		assertThatThrownBy(() -> batch.sign(ONE_STOP, session, List.of(item(next)), DemoData.SIGNING_PASSWORD.toCharArray()))
			.isInstanceOf(DossierException.class);
	}

	@Test
	void theChairmansBatchPageListsSignsAndReportsEachDossier() {
		var first = awaitingApproval();
		var second = awaitingApproval();
		var web = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		var page = web.get("/dossiers/sign");
		assertThat(page.statusCode()).isEqualTo(200);
		var codeOne = dossiers.find(LEADER, first).orElseThrow().code();
		var codeTwo = dossiers.find(LEADER, second).orElseThrow().code();
		assertThat(page.body()).contains("Ký kết quả theo lô", codeOne, codeTwo, "value=\"" + first + ":");

		// nothing ticked: a plain message, nothing signed
		var none = web.post("/dossiers/sign", java.util.Map.of("signingPassword", DemoData.SIGNING_PASSWORD));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("Hãy chọn ít nhất một hồ sơ để ký.");

		var body = form(List.of("pick", first + ":" + version(first), "pick", second + ":" + version(second), "signingPassword",
				DemoData.SIGNING_PASSWORD, "_csrf", csrf(page.body())));
		var done = web.send("POST", "/dossiers/sign", "text/html", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Đã ký 2/2 hồ sơ.", codeOne, codeTwo, "Mật khẩu chữ ký số được nhớ đến");
		assertThat(dossiers.find(LEADER, first).orElseThrow().state()).isEqualTo("approved");
		assertThat(dossiers.find(LEADER, second).orElseThrow().state()).isEqualTo("approved");

		// seal before the desk (issue 21): without the seal the result does not go out, nothing changes
		var unsealed = version(first);
		assertThatThrownBy(() -> shortcuts.releaseAndReturn(ONE_STOP, first, unsealed, "COUNTER", null, ""))
			.isInstanceOf(DossierException.class).hasMessageContaining("chưa được đóng dấu");
		assertThat(dossiers.find(ONE_STOP, first).orElseThrow().state()).isEqualTo("approved");
		assertThat(results.awaitingSeal(ONE_STOP)).extracting(Results.AwaitingSeal::dossierId).contains(first, second);
		// the one-stop officer hands both back in one step each: "Trả kết quả" = seal + release + return
		var returned = shortcuts.releaseAndReturn(ONE_STOP, first, version(first), "COUNTER", null, "", DemoData.SIGNING_PASSWORD.toCharArray());
		assertThat(returned.state()).isEqualTo("returned");
		assertThat(returned.events()).extracting(DossierEvent::action).endsWith("release", "return");
		assertThat(results.sheet(ONE_STOP, first).sealed()).isTrue();
		assertThat(audits("dossier.result.sealed", first)).isEqualTo(1);
		// a missing return method changes nothing (the seal and the release are rolled back with it)
		var v = version(second);
		assertThatThrownBy(() -> shortcuts.releaseAndReturn(ONE_STOP, second, v, "BAD", null, "", DemoData.SIGNING_PASSWORD.toCharArray()))
			.isInstanceOf(DossierException.class);
		assertThat(dossiers.find(ONE_STOP, second).orElseThrow().state()).isEqualTo("approved");
		assertThat(version(second)).isEqualTo(v);
		assertThat(results.sheet(ONE_STOP, second).sealed()).isFalse();

		// the other roles do not get the page
		var desk = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		assertThat(desk.get("/dossiers/sign").statusCode()).isEqualTo(403);
	}

	@Test
	void receiveAndAssignIsOneStepAndAllOrNothing() {
		var me = citizen(jdbc, "0988000001");
		var receipt = dossiers.submit(me, new NewDossier(YEN_MO, MARRIAGE, Channel.ONLINE, null, applicant("0988000001"), marriageForm(), null),
				papers());
		long id = receipt.dossierId();
		var v = version(id);
		// no specialist chosen: refused, still waiting to be received
		assertThatThrownBy(() -> shortcuts.receiveAndAssign(ONE_STOP, id, v, "khong-co-ai", ""))
			.isInstanceOf(DossierException.class);
		assertThat(dossiers.find(ONE_STOP, id).orElseThrow().state()).isEqualTo("submitted");
		assertThat(version(id)).isEqualTo(v);
		var d = shortcuts.receiveAndAssign(ONE_STOP, id, v, "yenmo.tuphap", "");
		assertThat(d.state()).isEqualTo("processing");
		assertThat(d.assignee()).isEqualTo("Trần Văn Minh");
		assertThat(d.dueDate()).isNotNull();
		assertThat(d.events()).extracting(DossierEvent::action).endsWith("receive", "assign");
		// the same request again (double submit): a conflict, nothing doubled
		assertThatThrownBy(() -> shortcuts.receiveAndAssign(ONE_STOP, id, v, "yenmo.tuphap", "")).isInstanceOf(DossierConflict.class);
		assertThat(dossiers.find(ONE_STOP, id).orElseThrow().events().stream().filter(e -> e.action().equals("receive"))).hasSize(1);
		// "next dossier" never sends the official back to the one just handled
		assertThat(shortcuts.next(SPECIALIST, id)).isNotEqualTo(java.util.Optional.of(id));
	}

	private BatchSigning.Item item(long id) {
		return new BatchSigning.Item(id, version(id));
	}

	private long version(long id) {
		return dossiers.find(LEADER, id).orElseThrow().version();
	}

	private long awaitingApproval() {
		long id = marriage(dossiers, jdbc, "0988000001").dossierId();
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đủ điều kiện"));
		assertThat(d.state()).isEqualTo("awaiting_approval");
		return id;
	}

	private long audits(String action, long id) {
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql("select count(*) from audit_entry where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single()));
	}

	private static String csrf(String html) {
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		return m.find() ? m.group(1) : "";
	}

	private static String form(List<String> pairs) {
		var parts = new ArrayList<String>();
		for (int i = 0; i < pairs.size(); i += 2) {
			parts.add(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		return parts.stream().collect(Collectors.joining("&"));
	}
}
