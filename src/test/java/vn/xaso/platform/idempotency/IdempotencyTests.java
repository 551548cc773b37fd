package vn.xaso.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 12: two identical POSTs at the same moment (two threads, one latch) make one object, and
 * both callers get the first result — for the four endpoints the issue names.
 */
@XasoIntegrationTest
class IdempotencyTests {

	static final String YEN_MO = DemoData.YEN_MO;
	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	IdempotencyConfiguration.Cleanup cleanup;

	/** Letters only, so it passes every name check: "Kiểm Thử Bqxzkw". */
	static String uniqueName() {
		var r = ThreadLocalRandom.current();
		var b = new StringBuilder("Kiểm Thử B");
		for (int i = 0; i < 8; i++) {
			b.append((char) ('a' + r.nextInt(26)));
		}
		return b.toString();
	}

	static String phone() {
		return "0984" + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	long count(String sql, Object... params) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> new TransactionTemplate(transactions)
			.execute(s -> jdbc.sql(sql).params(params).query(Long.class).single()));
	}

	static void sameRedirect(List<HttpResponse<String>> both) {
		assertThat(both).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(302));
		assertThat(both.get(0).headers().firstValue("Location")).isEqualTo(both.get(1).headers().firstValue("Location"));
	}

	@Test
	void counterIntakeClickedTwiceMakesOneDossierAndOneBill() throws Exception {
		var motcua = new Twice(port).official("yenmo.motcua", DemoData.PASSWORD);
		var name = uniqueName();
		var fields = new LinkedHashMap<String, String>();
		fields.put("procedure", "2.000884"); // chứng thực chữ ký: 10.000 đ, so a bill is opened at once
		fields.put("ef_requesterName", name);
		fields.put("ef_requesterCccd", "037190001234");
		fields.put("ef_requesterPhone", "0988000001");
		fields.put("ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô");
		fields.put("ef_documentName", "Giấy ủy quyền");
		fields.put("ef_signatures", "1");
		var token = motcua.token("/dossiers/intake?procedure=2.000884");
		var pdf = DossierFixtures.pdf();
		var papers = Map.of("can-cuoc.pdf", pdf, "giay-uy-quyen.pdf", pdf);

		var both = Twice.atOnce(() -> motcua.multipart("/dossiers/intake", token, fields, "file", papers));

		sameRedirect(both);
		assertThat(count("select count(*) from dossier where applicant_name = ?", name)).isEqualTo(1);
		assertThat(count("select count(*) from payment_bill where payer_name = ?", name)).isEqualTo(1);

		// The same form sent again later (the Back button, a retry) lands where the first went.
		var again = motcua.multipart("/dossiers/intake", token, fields, "file", papers);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(both.get(0).headers().firstValue("Location"));
		assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
		// A fresh rendering of the form is a new one-time token: a second dossier is made on purpose.
		var fresh = motcua.multipart("/dossiers/intake", motcua.token("/dossiers/intake?procedure=2.000884"), fields, "file",
				papers);
		assertThat(fresh.statusCode()).isEqualTo(302);
		assertThat(count("select count(*) from dossier where applicant_name = ?", name)).isEqualTo(2);
	}

	@Test
	void aFeedbackReportSentTwiceAtOnceIsOneReport() throws Exception {
		var citizen = new Twice(port);
		var description = "Đèn đường thôn Bình Hải hỏng đã hai tuần " + UUID.randomUUID();
		var fields = Map.of("category", "KHAC", "description", description, "address", "Thôn Bình Hải");
		var token = citizen.token("/x/" + YEN_MO + "/feedback/new");

		var both = Twice.atOnce(() -> citizen.multipart("/x/" + YEN_MO + "/feedback", token, fields, "photos", Map.of()));

		sameRedirect(both);
		assertThat(count("select count(*) from feedback_report where description = ?", description)).isEqualTo(1);
	}

	@Test
	void aPortalDraftSavedTwiceAtOnceIsOneDraft() throws Exception {
		var specialist = new Twice(port).official("yenmo.tuphap", DemoData.PASSWORD);
		var title = "Lịch tiêm phòng dại " + UUID.randomUUID();
		var token = specialist.token("/portal/posts/new");

		var both = Twice.atOnce(() -> specialist.form("/portal/posts", token,
				Map.of("kind", "notice", "title", title, "category", "Y tế", "body", "Trạm y tế xã tiêm phòng dại.", "then", "save")));

		sameRedirect(both);
		assertThat(count("select count(*) from portal_post where title = ?", title)).isEqualTo(1);
	}

	@Test
	void theCitizenApiWithAnIdempotencyKeyMakesOneDossierAndRepeatsTheFirstAnswer() throws Exception {
		var citizen = new Twice(port).citizen(phone(), outbox);
		var csrf = citizen.token("/citizen");
		var name = uniqueName();
		var pdf = Base64.getEncoder().encodeToString(DossierFixtures.pdf());
		var body = """
				{"unitCode": "14701", "procedureCode": "1.000894",
				 "applicant": {"name": "%s", "cccd": "037190001234", "phone": "0988000001", "address": "Thôn Bình Hải, xã Yên Mô"},
				 "form": %s, "files": [{"name": "to-khai.pdf", "contentBase64": "%s"}]}"""
			.formatted(name, JSON.writeValueAsString(DossierFixtures.marriageForm()), pdf);
		var key = UUID.randomUUID().toString();

		var both = Twice.atOnce(() -> citizen.json("/api/v1/dossiers/mine", csrf, key, body));

		assertThat(both).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
		assertThat(both.get(0).body()).isEqualTo(both.get(1).body());
		assertThat(count("select count(*) from dossier where applicant_name = ?", name)).isEqualTo(1);

		// A retry later: the same status and body, nothing new.
		var retry = citizen.json("/api/v1/dossiers/mine", csrf, key, body);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(both.get(0).body());
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
		// The same key with another body: refused in plain Vietnamese, nothing made.
		var other = citizen.json("/api/v1/dossiers/mine", csrf, key, body.replace(name, uniqueName()));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(JSON.readTree(other.body()).get("detail").asString()).contains("đã được dùng cho một yêu cầu có nội dung khác");
		// Without a key the API behaves as before: two calls, two dossiers.
		citizen.json("/api/v1/dossiers/mine", csrf, null, body);
		assertThat(count("select count(*) from dossier where applicant_name = ?", name)).isEqualTo(2);
	}

	@Test
	void badInputIsNotKeptSoTheCorrectedRetryWithTheSameKeyWorks() throws Exception {
		var citizen = new Twice(port).citizen(phone(), outbox);
		var csrf = citizen.token("/citizen");
		var key = UUID.randomUUID().toString();
		var bad = citizen.json("/api/v1/dossiers/mine", csrf, key, "{\"unitCode\": \"14701\", \"procedureCode\": \"1.000894\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from platform_idempotency where idem_key = ?", "api:" + key)).isZero();
		var tooLong = citizen.json("/api/v1/dossiers/mine", csrf, "k".repeat(201), "{}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("từ 1 đến 200 ký tự");
	}

	@Test
	void keptResultsAreDeletedAfter24Hours() {
		var old = "api:" + UUID.randomUUID();
		var fresh = "api:" + UUID.randomUUID();
		jdbc.sql("""
				insert into platform_idempotency (scope, idem_key, fingerprint, status, response_status, created_at)
				values ('anonymous', ?, 'x', 'done', 201, now() - interval '25 hours'), ('anonymous', ?, 'x', 'done', 201, now() - interval '23 hours')""")
			.params(old, fresh).update();
		assertThat(cleanup.run()).isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from platform_idempotency where idem_key = ?", old)).isZero();
		assertThat(count("select count(*) from platform_idempotency where idem_key = ?", fresh)).isEqualTo(1);
	}
}
