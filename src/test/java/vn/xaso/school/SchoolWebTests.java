package vn.xaso.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The school over HTTP: the administrator adds a school and a class; the teacher adds pupils, writes to one parent
 * (a double click makes one note) and to the class, opens tuition; each parent reads their own child's book only
 * (another pupil's answers 404, another parent's note is never shown), replies; one parent pays by VietQR into the
 * school's account (the bank's signed notification in its real format), sees the receipt, and the teacher's list of
 * who has not paid shows only the other.
 */
@XasoIntegrationTest
class SchoolWebTests {

	static final String WEBHOOK_SECRET = "XaSo-demo-bank-webhook-secret-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	ApplicationContext context;

	long count(String sql, Object... params) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql(sql).params(params).query(Long.class).single()));
	}

	static String phone() {
		return "0973" + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	@Test
	void theAdministratorAddsASchoolAndAClassWithItsTeacher() {
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var name = "Trường Mầm non " + SchoolFixture.tag();
		var added = admin.post("/school/admin/schools", Map.of("name", name, "bankBin", "970415", "accountNumber", "1028 7000 1111",
				"accountName", "Truong Mam non"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(admin.get("/school/admin").body()).contains(name).contains("TRUONG MAM NON");
		long school = count("select id from school_school where name = ?", name);
		var noTeacher = admin.post("/school/admin/classes", Map.of("schoolId", String.valueOf(school), "name", "Chồi 1",
				"schoolYear", "2026-2027", "teacher", "yenmo.tuphap"));
		assertThat(noTeacher.body()).contains("Không có tài khoản giáo viên");
		admin.get("/school/admin");
		assertThat(admin.post("/school/admin/classes", Map.of("schoolId", String.valueOf(school), "name", "Chồi 1", "schoolYear",
				"2026-2027", "teacher", "yenmo.giaovien")).statusCode()).isEqualTo(302);
		assertThat(count("select count(*) from school_class where school_id = ? and teacher = 'yenmo.giaovien'", school)).isEqualTo(1);
	}

	@Test
	void eachParentReadsOnlyTheirChildsBookAndPaysTuitionByVietQr() throws Exception {
		var fixture = new SchoolFixture(context);
		long classId = fixture.schoolClass(SchoolFixture.tag());
		var phoneA = phone();
		var phoneB = "0974" + phoneA.substring(4);
		var teacher = new WebSession(port).signInOfficial("yenmo.giaovien", DemoData.PASSWORD);
		teacher.get("/school/classes/" + classId);
		assertThat(teacher.post("/school/classes/" + classId + "/pupils", Map.of("fullName", "Lê Bảo An", "birthYear", "2018",
				"parentName", "Nguyễn Thị Mai", "parentPhone", phoneA)).statusCode()).isEqualTo(302);
		long pupilA = count("select id from school_pupil where class_id = ? and parent_phone = ?", classId, phoneA);
		long pupilB = fixture.pupil(classId, "Phạm Gia Huy", phoneB);

		var privateNote = "Cháu An hôm nay hơi mệt " + System.nanoTime() % 100000;
		teacher.get("/school/classes/" + classId);
		var note = Map.of("pupilId", String.valueOf(pupilA), "body", privateNote);
		var first = teacher.post("/school/classes/" + classId + "/notes", note);
		var second = teacher.post("/school/classes/" + classId + "/notes", note);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(count("select count(*) from school_note where class_id = ? and body = ?", classId, privateNote)).isEqualTo(1);
		teacher.get("/school/classes/" + classId);
		teacher.post("/school/classes/" + classId + "/notes", Map.of("pupilId", "", "body", "Thứ sáu cả lớp mặc đồng phục."));
		teacher.get("/school/classes/" + classId);
		assertThat(teacher.post("/school/classes/" + classId + "/fees", Map.of("title", "Học phí tháng 12/2026", "amount", "150.000"))
			.statusCode()).isEqualTo(302);

		var parentA = new WebSession(port).signInCitizen(phoneA, outbox);
		var parentB = new WebSession(port).signInCitizen(phoneB, outbox);
		parentA.get("/citizen/so-lien-lac/" + pupilA);
		parentA.post("/citizen/so-lien-lac/" + pupilA + "/xac-nhan", Map.of("agree", "yes"));
		parentB.get("/citizen/so-lien-lac/" + pupilB);
		parentB.post("/citizen/so-lien-lac/" + pupilB + "/xac-nhan", Map.of("agree", "yes"));
		assertThat(parentA.get("/citizen/so-lien-lac").body()).contains("Lê Bảo An").doesNotContain("Phạm Gia Huy");
		var bookA = parentA.get("/citizen/so-lien-lac/" + pupilA).body();
		assertThat(bookA).contains(privateNote).contains("mặc đồng phục");
		var bookB = parentB.get("/citizen/so-lien-lac/" + pupilB).body();
		assertThat(bookB).contains("mặc đồng phục").doesNotContain(privateNote);
		assertThat(parentB.get("/citizen/so-lien-lac/" + pupilA).statusCode()).isEqualTo(404);
		long noteId = count("select id from school_note where class_id = ? and body = ?", classId, privateNote);
		assertThat(parentB.post("/citizen/so-lien-lac/" + pupilB + "/tra-loi", Map.of("noteId", String.valueOf(noteId), "body", "Xem trộm"))
			.statusCode()).isEqualTo(404);
		parentA.get("/citizen/so-lien-lac/" + pupilA);
		assertThat(parentA.post("/citizen/so-lien-lac/" + pupilA + "/tra-loi", Map.of("noteId", String.valueOf(noteId), "body",
				"Cảm ơn cô, tối nay cháu đi ngủ sớm.")).statusCode()).isEqualTo(302);
		assertThat(teacher.get("/school/classes/" + classId).body()).contains("tối nay cháu đi ngủ sớm");

		long chargeA = count("select ch.id from school_charge ch where ch.pupil_id = ?", pupilA);
		long chargeB = count("select ch.id from school_charge ch where ch.pupil_id = ?", pupilB);
		assertThat(parentB.get("/citizen/so-lien-lac/" + pupilA + "/hoc-phi/" + chargeA).statusCode()).isEqualTo(404);
		assertThat(parentB.get("/citizen/so-lien-lac/" + pupilB + "/hoc-phi/" + chargeA).statusCode()).isEqualTo(404);
		var pay = parentA.get("/citizen/so-lien-lac/" + pupilA + "/hoc-phi/" + chargeA).body();
		assertThat(pay).contains(SchoolFixture.ACCOUNT).contains("150.000");
		var reference = Pattern.compile("<dt>Nội dung chuyển khoản</dt><dd class=\"dossier-code\">([^<]+)</dd>").matcher(pay);
		assertThat(reference.find()).isTrue();
		assertThat(parentA.getBytes("/citizen/so-lien-lac/" + pupilA + "/hoc-phi/" + chargeA + "/vietqr.png").statusCode()).isEqualTo(200);
		assertThat(parentA.getBytes("/citizen/so-lien-lac/" + pupilA + "/hoc-phi/" + chargeA + "/bien-lai.pdf").statusCode()).isEqualTo(409);

		bankSays(SchoolFixture.ACCOUNT, reference.group(1), 150_000);
		var paid = waitForPaid(parentA, "/citizen/so-lien-lac/" + pupilA + "/hoc-phi/" + chargeA);
		assertThat(paid).contains("id=\"paid\"");
		var receipt = parentA.getBytes("/citizen/so-lien-lac/" + pupilA + "/hoc-phi/" + chargeA + "/bien-lai.pdf");
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(new String(receipt.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		var unpaid = teacher.get("/school/classes/" + classId).body();
		assertThat(unpaid).contains("đã nộp 1/2");
		assertThat(unpaid.substring(unpaid.indexOf("id=\"unpaid\""))).contains("Phạm Gia Huy").doesNotContain("Lê Bảo An —");
		assertThat(count("select count(*) from school_charge where id = ? and paid_at is null", chargeB)).isEqualTo(1);
	}

	private String waitForPaid(WebSession parent, String path) throws InterruptedException {
		String body = "";
		for (int i = 0; i < 100; i++) { // the listener runs after the webhook's commit
			body = parent.get(path).body();
			if (body.contains("id=\"paid\"")) {
				return body;
			}
			Thread.sleep(100);
		}
		return body;
	}

	/** The bank's notification of an incoming transfer, signed with the demo webhook secret (as JourneyPayFeeTests). */
	private void bankSays(String account, String reference, long amount) throws Exception {
		var body = ("{\"id\":\"FT" + System.nanoTime() + "\",\"gateway\":\"VietinBank\",\"transactionDate\":\"2026-12-07 09:15:00\","
				+ "\"accountNumber\":\"" + account + "\",\"content\":\"" + reference + " hoc phi\",\"transferType\":\"in\","
				+ "\"transferAmount\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
		var timestamp = Long.toString(System.currentTimeMillis() / 1000);
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
		var signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/bank-notifications"))
			.header("Content-Type", "application/json").header("X-XaSo-Timestamp", timestamp).header("X-XaSo-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}
}
