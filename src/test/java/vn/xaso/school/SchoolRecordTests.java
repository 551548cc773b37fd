package vn.xaso.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.school.internal.EnteringResults;
import vn.xaso.school.internal.TakingAttendance;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 20's school record over HTTP on the real database: a parent confirms the link before the book opens (and may
 * withdraw: the notices stop); the teacher's attendance (absent with a reason tells the parent once), the card scanned
 * at the gate (once), term results typed or from a CSV (a bad line keeps nothing), cash tuition; a parent sees only their
 * own child's record; another teacher's class is "not found".
 */
@XasoIntegrationTest
class SchoolRecordTests {

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

	long deliveries(String key) throws InterruptedException {
		long n = 0;
		for (int i = 0; i < 50 && n == 0; i++) { // the notices go out after the commit
			n = count("select count(distinct dedupe_key) from notify_delivery where dedupe_key = ?", key);
			if (n == 0) {
				Thread.sleep(100);
			}
		}
		return n;
	}

	@Test
	void aParentConfirmsFirstThenReadsAttendanceAndResultsOfTheirChildOnly() throws Exception {
		var fixture = new SchoolFixture(context);
		long classId = fixture.schoolClass(SchoolFixture.tag());
		var phoneA = "0975" + String.format("%06d", System.nanoTime() % 1_000_000);
		var phoneB = "0976" + phoneA.substring(4);
		long pupilA = fixture.pupil(classId, "Đỗ Hà Vy", phoneA);
		long pupilB = fixture.pupil(classId, "Vũ Đức Anh", phoneB);
		var teacher = new WebSession(port).signInOfficial("yenmo.giaovien", DemoData.PASSWORD);
		var parentA = new WebSession(port).signInCitizen(phoneA, outbox);
		var parentB = new WebSession(port).signInCitizen(phoneB, outbox);

		// until confirmed: only the consent step; the book's actions are refused, no notice goes out
		teacher.get("/school/classes/" + classId);
		teacher.post("/school/classes/" + classId + "/notes", Map.of("pupilId", "", "body", "Mang áo mưa ngày mai."));
		var step = parentA.get("/citizen/so-lien-lac/" + pupilA).body();
		assertThat(step).contains("Tôi là cha, mẹ hoặc người giám hộ của em Đỗ Hà Vy").doesNotContain("Mang áo mưa");
		long note = count("select id from school_note where class_id = ? and body = 'Mang áo mưa ngày mai.'", classId);
		assertThat(parentA.post("/citizen/so-lien-lac/" + pupilA + "/tra-loi", Map.of("noteId", String.valueOf(note), "body", "Dạ vâng"))
			.body()).contains("Hãy xác nhận bạn là phụ huynh");
		assertThat(count("select count(*) from school_reply where pupil_id = ?", pupilA)).isZero();
		assertThat(parentA.post("/citizen/so-lien-lac/" + pupilA + "/xac-nhan", Map.of()).body()).contains("Hãy đánh dấu ô xác nhận");
		assertThat(parentB.post("/citizen/so-lien-lac/" + pupilA + "/xac-nhan", Map.of("agree", "yes")).statusCode()).isEqualTo(404);
		parentA.get("/citizen/so-lien-lac/" + pupilA);
		assertThat(parentA.post("/citizen/so-lien-lac/" + pupilA + "/xac-nhan", Map.of("agree", "yes")).statusCode()).isEqualTo(302);
		parentA.get("/citizen/so-lien-lac/" + pupilA);
		parentA.post("/citizen/so-lien-lac/" + pupilA + "/xac-nhan", Map.of("agree", "yes"));
		assertThat(count("select count(*) from school_consent where pupil_id = ? and confirmed", pupilA)).as("confirming twice keeps one").isEqualTo(1);
		assertThat(count("select count(*) from school_pupil p join citizen c on c.id = p.parent_citizen_id where p.id = ? and p.consent_at is not null",
				pupilA)).as("who and when").isEqualTo(1);
		assertThat(parentA.get("/citizen/so-lien-lac/" + pupilA).body()).contains("Mang áo mưa").contains("Rút xác nhận");
		parentB.get("/citizen/so-lien-lac/" + pupilB);
		parentB.post("/citizen/so-lien-lac/" + pupilB + "/xac-nhan", Map.of("agree", "yes"));

		// attendance: B absent with a reason (the parent is told once), A late; at the gate A's card, scanned twice
		teacher.get("/school/classes/" + classId + "/diem-danh");
		var ticks = Map.of("rows[" + pupilB + "].status", "ABSENT", "rows[" + pupilB + "].reason", "Sốt, mẹ xin phép", "rows[" + pupilA + "].status",
				"PRESENT");
		assertThat(teacher.post("/school/classes/" + classId + "/diem-danh", ticks).statusCode()).isEqualTo(302);
		teacher.get("/school/classes/" + classId + "/diem-danh");
		teacher.post("/school/classes/" + classId + "/diem-danh", ticks);
		var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		assertThat(deliveries("school-absent-" + today + "-" + pupilB)).isEqualTo(1);
		assertThat(count("select count(*) from school_attendance where pupil_id = ? and status = 'ABSENT' and reason = 'Sốt, mẹ xin phép'", pupilB))
			.isEqualTo(1);
		assertThat(teacher.post("/school/classes/" + classId + "/diem-danh", Map.of("rows[" + pupilA + "].status", "MAYBE")).body())
			.contains("Hãy chọn Có mặt, Vắng hoặc Đi muộn");
		var card = fixture.cardOf(classId, pupilA);
		assertThat(card).as("an opaque random code, not the name or id").matches("[0-9A-F]{12}");
		assertThat(teacher.get("/school/diem-danh/quet?ma=" + card).body()).contains("Đỗ Hà Vy").contains("Ghi em đã đến");
		assertThat(teacher.post("/school/diem-danh/quet", Map.of("code", card.substring(0, 4) + "-" + card.substring(4))).statusCode()).isEqualTo(302);
		assertThat(teacher.get("/school/diem-danh/quet").body()).contains("Đã ghi em Đỗ Hà Vy");
		teacher.post("/school/diem-danh/quet", Map.of("code", card));
		assertThat(teacher.get("/school/diem-danh/quet").body()).contains("đã được ghi đến trường hôm nay rồi");
		assertThat(count("select count(*) from school_attendance where pupil_id = ? and status = 'ARRIVED'", pupilA)).isEqualTo(1);
		assertThat(teacher.post("/school/diem-danh/quet", Map.of("code", "000000000000")).body()).contains("Không tìm thấy thẻ này");
		var pdf = teacher.getBytes("/school/classes/" + classId + "/the-diem-danh.pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// term results: a subject typed as a table, then a CSV; a bad line keeps nothing; a picture is no CSV
		teacher.get("/school/classes/" + classId + "/ket-qua");
		assertThat(teacher.post("/school/classes/" + classId + "/ket-qua", Map.of("term", "Học kỳ I", "subject", "Toán", "rows[" + pupilA + "].result",
				"9", "rows[" + pupilA + "].comment", "Tính nhanh, cẩn thận", "rows[" + pupilB + "].result", "Hoàn thành")).statusCode()).isEqualTo(302);
		var csv = "Học sinh,Môn,Kết quả,Nhận xét\nđỗ hà vy,Tiếng Việt,Hoàn thành tốt,Đọc trôi chảy\nVũ Đức Anh,Tiếng Việt,8,\n";
		assertThat(teacher.upload("/school/classes/" + classId + "/ket-qua/tep", Map.of("term", "Học kỳ I"), "file", "kq.csv",
				csv.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
		var bad = "Học sinh,Môn,Kết quả\nĐỗ Hà Vy,Mĩ thuật,Đạt\nNguyễn Không Có,Mĩ thuật,Đạt\n";
		assertThat(teacher.upload("/school/classes/" + classId + "/ket-qua/tep", Map.of("term", "Học kỳ I"), "file", "kq.csv",
				bad.getBytes(StandardCharsets.UTF_8)).body()).contains("Dòng 3 của tệp chưa đúng");
		assertThat(teacher.upload("/school/classes/" + classId + "/ket-qua/tep", Map.of("term", "Học kỳ I"), "file", "kq.csv",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 }).body()).contains("Tệp chưa đúng");
		assertThat(count("select count(*) from school_result where class_id = ?", classId)).isEqualTo(4);

		// each parent sees their own child's record only
		var bookA = parentA.get("/citizen/so-lien-lac/" + pupilA).body();
		assertThat(bookA).contains("Tính nhanh, cẩn thận", "Đọc trôi chảy", "Đã đến (quét thẻ)").doesNotContain("Sốt, mẹ xin phép")
			.doesNotContain("Hoàn thành<");
		assertThat(parentB.get("/citizen/so-lien-lac/" + pupilB).body()).contains("Sốt, mẹ xin phép").doesNotContain("Tính nhanh");
		assertThat(parentB.get("/citizen/so-lien-lac/" + pupilA).statusCode()).isEqualTo(404);

		// withdrawn: the book closes and the notes stop
		parentA.get("/citizen/so-lien-lac/" + pupilA);
		assertThat(parentA.post("/citizen/so-lien-lac/" + pupilA + "/rut-xac-nhan", Map.of()).statusCode()).isEqualTo(302);
		assertThat(parentA.get("/citizen/so-lien-lac/" + pupilA).body()).contains("Xác nhận và mở sổ liên lạc").doesNotContain("Tính nhanh");
		teacher.get("/school/classes/" + classId);
		teacher.post("/school/classes/" + classId + "/notes", Map.of("pupilId", "", "body", "Họp phụ huynh thứ bảy."));
		long second = count("select id from school_note where class_id = ? and body = 'Họp phụ huynh thứ bảy.'", classId);
		assertThat(deliveries("school-note-" + second + "-" + pupilB)).isEqualTo(1);
		assertThat(count("select count(*) from notify_delivery where dedupe_key = ?", "school-note-" + second + "-" + pupilA)).isZero();
		assertThat(count("select count(*) from notify_delivery where dedupe_key = ?", "school-note-" + note + "-" + pupilA)).as("before consent").isZero();
	}

	@Test
	void anotherTeachersClassIsNotFoundAndCashIsMarkedOnce() {
		var fixture = new SchoolFixture(context);
		long classId = fixture.schoolClass(SchoolFixture.tag());
		long pupil = fixture.pupil(classId, "Hoàng Thu Trang", "0977" + String.format("%06d", System.nanoTime() % 1_000_000));
		var other = new OfficialPrincipal(0, "yenmo.giaovien2", "Giáo viên khác", SchoolFixture.YEN_MO, "Xã Yên Mô", Set.of(Role.TEACHER),
				UnitScope.of(SchoolFixture.YEN_MO));
		Tenancy.callAs(UnitScope.of(SchoolFixture.YEN_MO), () -> {
			assertThatThrownBy(() -> context.getBean(TakingAttendance.class).today(other, classId)).isInstanceOfSatisfying(SchoolException.class,
					e -> assertThat(e.notFound()).isTrue());
			assertThatThrownBy(() -> context.getBean(TakingAttendance.class).arrive(other, fixture.cardOf(classId, pupil)))
				.isInstanceOf(SchoolException.class);
			assertThatThrownBy(() -> context.getBean(EnteringResults.class).sheet(other, classId, null)).isInstanceOfSatisfying(SchoolException.class,
					e -> assertThat(e.notFound()).isTrue());
			return null;
		});
		var teacher = new WebSession(port).signInOfficial("yenmo.giaovien", DemoData.PASSWORD);
		teacher.get("/school/classes/" + classId);
		teacher.post("/school/classes/" + classId + "/fees", Map.of("title", "Quỹ lớp học kỳ I", "amount", "50000"));
		long charge = count("select id from school_charge where pupil_id = ?", pupil);
		teacher.get("/school/classes/" + classId);
		assertThat(teacher.post("/school/classes/" + classId + "/hoc-phi/" + charge + "/tien-mat", Map.of()).statusCode()).isEqualTo(302);
		teacher.get("/school/classes/" + classId);
		teacher.post("/school/classes/" + classId + "/hoc-phi/" + charge + "/tien-mat", Map.of());
		assertThat(count("select count(*) from school_charge where id = ? and paid_cash and paid_at is not null", charge)).isEqualTo(1);
		assertThat(teacher.get("/school/classes/" + classId).body()).contains("đã nộp 1/1");
	}
}
