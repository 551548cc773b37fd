package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.BatchSigning;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21 over HTTP, no JavaScript: the queue's bulk form (tick several, receive and assign them, each outcome
 * listed; the same post again does nothing twice), access keys shown on the dossier page, "Hồ sơ tiếp theo".
 */
@XasoIntegrationTest
class QuickStepsPagesTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchSigning batch;

	@LocalServerPort
	int port;

	@Test
	void theDeskReceivesAndAssignsSeveralDossiersInOnePost() {
		var me = citizen(jdbc, "0988000001");
		long first = submitted(me);
		long second = submitted(me);
		var web = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var queue = web.get("/dossiers?tab=new");
		assertThat(queue.body()).contains("name=\"pick\"", "Tiếp nhận các hồ sơ đã đánh dấu", "Tiếp nhận và giao cho người đã chọn");
		var detail = web.get("/dossiers/" + first);
		assertThat(detail.body()).contains("Tiếp nhận và chuyển xử lý", "accesskey=\"g\"", "Phím tắt: Alt+G", "accesskey=\"t\"",
				"/dossiers/next?from=" + first);

		var body = "pick=" + first + "&pick=" + second + "&pick=nonsense&do=receive_assign&assignee=yenmo.tuphap&tab=new";
		var done = web.send("POST", "/dossiers/bulk", "text/html", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/dossiers?tab=new");
		var after = web.get("/dossiers?tab=new");
		assertThat(after.body()).contains("Đã tiếp nhận và chuyển xử lý 2/2 hồ sơ.");
		for (var id : new long[] { first, second }) {
			var d = dossiers.find(ONE_STOP, id).orElseThrow();
			assertThat(d.state()).isEqualTo("processing");
			assertThat(d.assignee()).isEqualTo("Trần Văn Minh");
		}

		// the same ticks posted again (a second form, so the idempotency filter does not simply replay the first
		// answer): nothing done twice, each dossier says why
		web.send("POST", "/dossiers/bulk", "text/html", "application/x-www-form-urlencoded", (body + "&note=").getBytes(StandardCharsets.UTF_8));
		var again = web.get("/dossiers?tab=new");
		assertThat(again.body()).contains("0/2 hồ sơ", "chưa làm được");
		assertThat(dossiers.find(ONE_STOP, first).orElseThrow().events().stream().filter(e -> e.action().equals("receive"))).hasSize(1);

		// nothing ticked: a plain message
		web.send("POST", "/dossiers/bulk", "text/html", "application/x-www-form-urlencoded",
				("do=receive&tab=" + URLEncoder.encode("new", StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		assertThat(web.get("/dossiers?tab=new").body()).contains("Hãy đánh dấu ít nhất một hồ sơ trong danh sách.");

		// "next dossier" goes to another dossier or back to the queue, never the same one
		var next = web.get("/dossiers/next?from=" + first);
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location").orElse("")).doesNotEndWith("/dossiers/" + first);
	}

	/**
	 * Issue 21: "Trả kết quả" on the queue seals unsealed results first (the seal is required before the desk), so the
	 * bulk form asks for the commune's signing password (or the token PIN) once. A wrong one stops at the first dossier
	 * with a Vietnamese message and changes nothing; without one the results stay; the right one seals and returns all.
	 */
	@Test
	void theBulkReturnAsksForTheSealPasswordOnceAndAWrongOneChangesNothing() {
		var me = citizen(jdbc, "0988000001");
		long first = signed(submitted(me));
		long second = signed(submitted(me));
		var web = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var ready = web.get("/dossiers?tab=ready").body();
		assertThat(ready).contains("name=\"sealPassword\"", "Mật khẩu chữ ký số của cơ quan (đóng dấu) hoặc mã PIN của thiết bị");
		var base = "pick=" + first + "&pick=" + second + "&do=release_return&returnMethod=COUNTER&tab=ready";

		web.send("POST", "/dossiers/bulk", "text/html", "application/x-www-form-urlencoded",
				(base + "&sealPassword=sai-mat-khau").getBytes(StandardCharsets.UTF_8));
		var wrong = web.get("/dossiers?tab=ready").body();
		assertThat(wrong).contains("0/2 hồ sơ", "Mật khẩu chữ ký số không đúng", "Dừng lại", "1 hồ sơ còn lại chưa làm");
		web.send("POST", "/dossiers/bulk", "text/html", "application/x-www-form-urlencoded", (base + "&note=").getBytes(StandardCharsets.UTF_8));
		assertThat(web.get("/dossiers?tab=ready").body()).contains("0/2 hồ sơ", "chưa được đóng dấu");
		for (var id : new long[] { first, second }) {
			assertThat(dossiers.find(ONE_STOP, id).orElseThrow().state()).isEqualTo("approved");
		}

		web.send("POST", "/dossiers/bulk", "text/html", "application/x-www-form-urlencoded",
				(base + "&sealPassword=" + DemoData.SIGNING_PASSWORD).getBytes(StandardCharsets.UTF_8));
		assertThat(web.get("/dossiers?tab=ready").body()).contains("Đã trả kết quả 2/2 hồ sơ.");
		for (var id : new long[] { first, second }) {
			assertThat(dossiers.find(ONE_STOP, id).orElseThrow().state()).isEqualTo("returned");
		}
		// in English, the same outcome lines come from the bundle
		web.send("POST", "/dossiers/bulk?lang=en", "text/html", "application/x-www-form-urlencoded",
				("do=receive&tab=new&note=en").getBytes(StandardCharsets.UTF_8));
		assertThat(web.get("/dossiers?tab=new&lang=en").body()).contains("Tick at least one dossier in the list.");
	}

	private long signed(long id) {
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		d = dossiers.act(ONE_STOP, id, ActionRequest.of("receive", d.version(), ""));
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, java.util.List.of()));
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đủ điều kiện"));
		var outcome = batch.sign(LEADER, "bulk-return-" + System.nanoTime(), java.util.List.of(new BatchSigning.Item(id, d.version())),
				DemoData.SIGNING_PASSWORD.toCharArray());
		assertThat(outcome).singleElement().satisfies(o -> assertThat(o.signed()).as(o.message()).isTrue());
		return id;
	}

	private long submitted(vn.xaso.dossiers.Caller me) {
		return dossiers.submit(me, new NewDossier(YEN_MO, MARRIAGE, Channel.ONLINE, null, applicant("0988000001"), marriageForm(), null),
				papers()).dossierId();
	}
}
