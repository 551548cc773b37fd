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

	private long submitted(vn.xaso.dossiers.Caller me) {
		return dossiers.submit(me, new NewDossier(YEN_MO, MARRIAGE, Channel.ONLINE, null, applicant("0988000001"), marriageForm(), null),
				papers()).dossierId();
	}
}
