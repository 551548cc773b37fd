package vn.xaso.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.health.internal.AppointmentReminders;
import vn.xaso.health.internal.RunningCampaigns;
import vn.xaso.health.internal.UrgentWords;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.school.SchoolFixture;
import vn.xaso.school.internal.TeachingClasses;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Ask the doctor over HTTP: a citizen's double click makes one question and an urgent one shows 115 at once; the
 * Yên Mô doctor sees and answers it, a Nga An doctor neither lists nor opens it; another citizen gets 404; the
 * answer reaches the asker; published answers are found on the commune site without diacritics, private ones never.
 * Issue 20's additions: appointments at the station (a double click books once, booking again finds the first, a full
 * half-day is refused in Vietnamese, the doctor may not shrink it below the booked places, the reminder the day before
 * goes once, another citizen cannot cancel, cancelling twice changes nothing); photos with a question (checked by
 * content, a huge image refused by its header before any pixel is decoded, seen by the asker and the station only);
 * the citizen's own pages leading to the doctor, the station's reminders and notices, and the child's contact book.
 */
@XasoIntegrationTest
class HealthWebTests {

	static final Pattern QUESTION = Pattern.compile("/citizen/hoi-bac-si/([0-9]+)$");

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
		return "0972" + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	@Test
	void aQuestionIsAskedOnceAnsweredByItsOwnStationOnlyAndReadByItsAskerOnly() {
		var mother = new WebSession(port).signInCitizen(phone(), outbox);
		assertThat(mother.get("/citizen/hoi-bac-si/moi/14701").body()).contains("Gọi 115");
		var title = "Con sốt cao co giật " + System.nanoTime() % 100000;
		var form = Map.of("title", title, "body", "Cháu 2 tuổi sốt 39,5 độ, vừa bị co giật khoảng 1 phút.");
		var first = mother.post("/citizen/hoi-bac-si/moi/14701", form);
		var second = mother.post("/citizen/hoi-bac-si/moi/14701", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(count("select count(*) from health_question where title = ?", title)).isEqualTo(1);
		var m = QUESTION.matcher(first.headers().firstValue("Location").orElseThrow());
		assertThat(m.find()).isTrue();
		long id = Long.parseLong(m.group(1));
		var page = mother.get("/citizen/hoi-bac-si/" + id).body();
		assertThat(page).contains("id=\"urgent\"").contains("href=\"tel:115\"").contains("Đang chờ bác sĩ trả lời");

		var doctor = new WebSession(port).signInOfficial("yenmo.bacsi", DemoData.PASSWORD);
		assertThat(doctor.get("/health").body()).contains(title);
		var other = new WebSession(port).signInOfficial("ngaan.bacsi", DemoData.PASSWORD);
		assertThat(other.get("/health").body()).doesNotContain(title);
		assertThat(other.get("/health/questions/" + id).statusCode()).isEqualTo(404);
		assertThat(other.post("/health/questions/" + id + "/answer", Map.of("body", "Trả lời nhầm trạm")).statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).signInCitizen(phone(), outbox).get("/citizen/hoi-bac-si/" + id).statusCode()).isEqualTo(404);

		doctor.get("/health/questions/" + id);
		var answer = doctor.post("/health/questions/" + id + "/answer", Map.of("body", "Gọi 115 ngay, nằm nghiêng, không cho gì vào miệng."));
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(mother.get("/citizen/hoi-bac-si/" + id).body()).contains("Bác sĩ đã trả lời").contains("nằm nghiêng");
		assertThat(count("select count(*) from notify_delivery where template = 'health.notice.answered' and dedupe_key like ?",
				"health-answer-" + id + "-%")).isPositive();
		// Private: the doctor may not publish it, and the commune site never shows it.
		doctor.get("/health/questions/" + id);
		assertThat(doctor.post("/health/questions/" + id + "/publish", Map.of()).body()).contains("không đồng ý đăng công khai");
		assertThat(new WebSession(port).get("/x/14701/hoi-bac-si?q=co+giat").body()).doesNotContain(title);
	}

	@Test
	void publishedAnswersAreFoundWithoutDiacriticsOnTheirCommuneSiteOnly() {
		var title = "Tiêm phòng sởi cho trẻ mấy tháng " + System.nanoTime() % 100000;
		long id = new HealthFixture(context).answered(phone(), title, true);
		var anyone = new WebSession(port);
		var found = anyone.get("/x/14701/hoi-bac-si?q=tiem+phong+soi");
		assertThat(found.body()).contains(title).doesNotContain("Người dân");
		assertThat(anyone.get("/x/14701/hoi-bac-si/" + id).body()).contains("paracetamol");
		assertThat(anyone.get("/x/16144/hoi-bac-si?q=tiem+phong+soi").body()).doesNotContain(title);
		assertThat(anyone.get("/x/16144/hoi-bac-si/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void aCampaignRemindsTheListAndThePupilsParentsOnceAndRecordsWhoCame() {
		var schoolFixture = new vn.xaso.school.SchoolFixture(context);
		long classId = schoolFixture.schoolClass(vn.xaso.school.SchoolFixture.tag());
		var parent = "0975" + String.format("%06d", System.nanoTime() % 1_000_000);
		schoolFixture.pupil(classId, "Đỗ Minh Châu", parent); // born 2018
		var listed = phone();
		var doctor = new WebSession(port).signInOfficial("yenmo.bacsi", DemoData.PASSWORD);
		doctor.get("/health/campaigns");
		var name = "Tiêm sởi nhắc lại " + System.nanoTime() % 100000;
		var created = doctor.post("/health/campaigns", Map.of("name", name, "place", "Trạm Y tế xã Yên Mô", "startsOn", "2026-12-20",
				"fromYear", "2018", "toYear", "2018", "phones", listed + "\n"));
		assertThat(created.statusCode()).isEqualTo(302);
		long id = count("select id from health_campaign where name = ?", name);
		assertThat(count("select count(*) from health_campaign_person where campaign_id = ? and phone in (?, ?)", id, parent, listed)).isEqualTo(2);
		doctor.get("/health/campaigns/" + id);
		assertThat(doctor.post("/health/campaigns/" + id + "/remind", Map.of()).statusCode()).isEqualTo(302);
		long sent = count("select count(*) from notify_delivery where dedupe_key like ?", "health-campaign-" + id + "-%");
		assertThat(sent).isEqualTo(count("select count(*) from health_campaign_person where campaign_id = ?", id));
		doctor.get("/health/campaigns/" + id);
		doctor.post("/health/campaigns/" + id + "/remind", Map.of());
		assertThat(count("select count(*) from notify_delivery where dedupe_key like ?", "health-campaign-" + id + "-%")).isEqualTo(sent);
		doctor.get("/health/campaigns/" + id);
		assertThat(doctor.post("/health/campaigns/" + id + "/attended", Map.of("phone", parent)).statusCode()).isEqualTo(302);
		assertThat(doctor.get("/health/campaigns/" + id).body()).contains("đã đến 1/" + count("select count(*) from health_campaign_person where campaign_id = ?", id));
		assertThat(new WebSession(port).signInOfficial("ngaan.bacsi", DemoData.PASSWORD).get("/health/campaigns/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void dangerSignsAreFoundWithOrWithoutDiacritics() {
		assertThat(UrgentWords.urgent("Bố tôi bị đau ngực từ sáng")).isTrue();
		assertThat(UrgentWords.urgent("me toi kho tho qua")).isTrue();
		assertThat(UrgentWords.urgent("Con bị CHẢY MÁU mũi không cầm")).isTrue();
		assertThat(UrgentWords.urgent("Cháu bị ho nhẹ, sổ mũi")).isFalse();
		assertThat(UrgentWords.urgent("Tôi đau đầu nhẹ")).isFalse();
	}

	@Test
	void aHalfDayIsBookedOnceRefusedWhenFullRemindedTheDayBeforeAndCancelledByItsCitizenOnly() {
		var fixture = new HealthFixture(context);
		var day = fixture.slot(3, "MORNING", 1);
		long slot = fixture.slotId(day, "MORNING");
		var mother = new WebSession(port).signInCitizen(newPhone(), outbox);
		assertThat(mother.get("/citizen/lich-kham/dat/14701").body()).contains("còn 1 chỗ");
		var form = Map.of("slot", String.valueOf(slot), "reason", "Khám ho cho cháu 4 tuổi");
		var first = mother.post("/citizen/lich-kham/dat/14701", form);
		var second = mother.post("/citizen/lich-kham/dat/14701", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		mother.get("/citizen/lich-kham/dat/14701");
		assertThat(mother.post("/citizen/lich-kham/dat/14701", form).statusCode()).as("booking again finds the first").isEqualTo(302);
		assertThat(count("select count(*) from health_appointment where slot_id = ? and status = 'BOOKED'", slot)).isEqualTo(1);
		long id = count("select id from health_appointment where slot_id = ? and status = 'BOOKED'", slot);

		var neighbour = new WebSession(port).signInCitizen(newPhone(), outbox);
		assertThat(neighbour.get("/citizen/lich-kham/dat/14701").body()).contains("đã kín chỗ");
		var refused = neighbour.post("/citizen/lich-kham/dat/14701", Map.of("slot", String.valueOf(slot), "reason", "Khám mắt"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Buổi này đã kín chỗ. Hãy chọn buổi khác.");
		assertThat(count("select count(*) from health_appointment where slot_id = ? and status = 'BOOKED'", slot)).isEqualTo(1);
		assertThat(neighbour.post("/citizen/lich-kham/" + id + "/huy", Map.of()).statusCode()).isEqualTo(404);

		var doctor = new WebSession(port).signInOfficial("yenmo.bacsi", DemoData.PASSWORD);
		assertThat(doctor.get("/health/appointments?day=" + day).body()).contains("Khám ho cho cháu 4 tuổi");
		var shrink = doctor.post("/health/appointments/slots", Map.of("day", day.toString(), "session", "MORNING", "capacity", "0"));
		assertThat(shrink.body()).contains("Buổi này đã có 1 người đặt");
		assertThat(new WebSession(port).signInOfficial("ngaan.bacsi", DemoData.PASSWORD).get("/health/appointments?day=" + day).body())
			.doesNotContain("Khám ho cho cháu 4 tuổi");

		var reminders = context.getBean(AppointmentReminders.class);
		assertThat(reminders.remindFor(day)).isPositive();
		var queued = count("select count(*) from notify_delivery where template = 'health.notice.appointment' and dedupe_key = ?",
				"health-appointment-" + id);
		assertThat(queued).isPositive();
		assertThat(reminders.remindFor(day)).as("reminded once").isZero();
		assertThat(count("select count(*) from notify_delivery where dedupe_key = ?", "health-appointment-" + id)).isEqualTo(queued);

		assertThat(mother.get("/citizen/lich-kham").body()).contains("Khám ho cho cháu 4 tuổi");
		assertThat(mother.post("/citizen/lich-kham/" + id + "/huy", Map.of()).statusCode()).isEqualTo(302);
		mother.get("/citizen/lich-kham");
		assertThat(mother.post("/citizen/lich-kham/" + id + "/huy", Map.of()).statusCode()).isEqualTo(302);
		assertThat(count("select count(*) from health_appointment where id = ? and status = 'CANCELLED'", id)).isEqualTo(1);
		neighbour.get("/citizen/lich-kham/dat/14701");
		assertThat(neighbour.post("/citizen/lich-kham/dat/14701", Map.of("slot", String.valueOf(slot), "reason", "Khám mắt")).statusCode())
			.as("the cancelled place is free again").isEqualTo(302);
	}

	@Test
	void photosAreCheckedByContentAndSeenByTheAskerAndTheirStationOnly() throws Exception {
		var mother = new WebSession(port).signInCitizen(newPhone(), outbox);
		var title = "Cháu nổi mẩn đỏ ở lưng " + System.nanoTime() % 100000;
		var fields = Map.of("title", title, "body", "Cháu 2 tuổi nổi mẩn đỏ ở lưng từ sáng nay, không sốt.");
		mother.get("/citizen/hoi-bac-si/moi/14701");
		var notImage = mother.upload("/citizen/hoi-bac-si/moi/14701", fields, "photos", "lung.jpg", "khong phai anh".getBytes(StandardCharsets.UTF_8));
		assertThat(notImage.statusCode()).isEqualTo(200);
		assertThat(notImage.body()).contains("không phải ảnh JPEG hoặc PNG");
		mother.get("/citizen/hoi-bac-si/moi/14701");
		var huge = mother.upload("/citizen/hoi-bac-si/moi/14701", fields, "photos", "lung.png", pngHeader(100_000, 100_000));
		assertThat(huge.body()).as("refused by the size its header declares").contains("quá nhiều điểm ảnh");
		assertThat(count("select count(*) from health_question where title = ?", title)).isZero();

		mother.get("/citizen/hoi-bac-si/moi/14701");
		var sent = mother.upload("/citizen/hoi-bac-si/moi/14701", fields, "photos", "lung.png", HealthFixture.png(2400, 1800));
		assertThat(sent.statusCode()).isEqualTo(302);
		var m = QUESTION.matcher(sent.headers().firstValue("Location").orElseThrow());
		assertThat(m.find()).isTrue();
		long id = Long.parseLong(m.group(1));
		long photo = count("select id from health_photo where question_id = ?", id);
		assertThat(mother.get("/citizen/hoi-bac-si/" + id).body()).contains("/citizen/hoi-bac-si/" + id + "/anh/" + photo + "/nho");
		var jpeg = mother.getBytes("/citizen/hoi-bac-si/" + id + "/anh/" + photo);
		assertThat(jpeg.statusCode()).isEqualTo(200);
		var image = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
		assertThat(Math.max(image.getWidth(), image.getHeight())).as("kept at most 1600 px").isEqualTo(1600);

		assertThat(new WebSession(port).signInCitizen(newPhone(), outbox).getBytes("/citizen/hoi-bac-si/" + id + "/anh/" + photo).statusCode())
			.isEqualTo(404);
		var doctor = new WebSession(port).signInOfficial("yenmo.bacsi", DemoData.PASSWORD);
		assertThat(doctor.get("/health/questions/" + id).body()).contains("/health/questions/" + id + "/photos/" + photo + "/thumb");
		assertThat(doctor.getBytes("/health/questions/" + id + "/photos/" + photo + "/thumb").statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).signInOfficial("ngaan.bacsi", DemoData.PASSWORD).getBytes("/health/questions/" + id + "/photos/" + photo)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void theCitizensOwnPagesLeadToTheDoctorTheStationsRemindersAndTheChildsBook() {
		var number = newPhone();
		var mother = new WebSession(port).signInCitizen(number, outbox);
		var home = mother.get("/citizen").body();
		assertThat(home).contains("href=\"/citizen/hoi-bac-si\"", "href=\"/citizen/lich-kham\"", "href=\"/citizen/so-lien-lac\"")
			.doesNotContain("Tin mới cho bạn");
		assertThat(mother.get("/citizen/hoi-bac-si").body()).as("no earlier question: no station offered yet")
			.doesNotContain("/citizen/hoi-bac-si/moi/");
		assertThat(mother.get("/citizen/hoi-bac-si?xa=yen+mo").body()).as("found by name without diacritics")
			.contains("href=\"/citizen/hoi-bac-si/moi/14701\"");
		assertThat(new WebSession(port).get("/x/14701").body()).contains("href=\"/x/14701/hoi-bac-si\"", "href=\"/citizen/lich-kham/dat/14701\"");

		var school = new SchoolFixture(context);
		long classId = school.schoolClass(SchoolFixture.tag());
		long pupil = school.pupil(classId, "Vũ Thảo Vy", number);
		Tenancy.runAs(UnitScope.of(SchoolFixture.YEN_MO), () -> {
			var teaching = context.getBean(TeachingClasses.class);
			teaching.writeNote(SchoolFixture.TEACHER, classId, "", "Thứ hai cả lớp đi tham quan, phụ huynh cho các cháu mang nước.");
			teaching.openFee(SchoolFixture.TEACHER, classId, "Quỹ lớp học kỳ I", "50.000");
		});
		assertThat(mother.get("/citizen/hoi-bac-si").body()).as("her child's commune is offered at once")
			.contains("href=\"/citizen/hoi-bac-si/moi/14701\"");
		var name = "Uống vitamin A cho trẻ " + System.nanoTime() % 100000;
		var campaigns = context.getBean(RunningCampaigns.class);
		var doctor = HealthFixture.doctor(HealthFixture.YEN_MO, "yenmo.bacsi");
		Tenancy.runAs(UnitScope.of(HealthFixture.YEN_MO), () -> {
			long campaign = campaigns.create(doctor, new RunningCampaigns.NewCampaign(name, "Nhà văn hóa thôn Yên Hòa",
					java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString(), number, "", ""));
			campaigns.remind(doctor, campaign);
			context.getBean(vn.xaso.health.internal.CampaignNotices.class).publish(doctor, campaign);
		});
		home = mother.get("/citizen").body();
		assertThat(home).contains("Tin mới cho bạn", "1</span> khoản học phí chưa nộp", "1</span> lời nhắn của giáo viên",
				"1</span> tin nhắc tiêm chủng", "href=\"/citizen/so-lien-lac/" + pupil + "\"");
		assertThat(mother.get("/citizen/lich-kham").body()).contains(name, "Nhà văn hóa thôn Yên Hòa");
		assertThat(new WebSession(port).get("/x/14701/hoi-bac-si").body()).as("the station's public notice").contains("Thông báo của trạm y tế", name);
		assertThat(new WebSession(port).get("/x/16144/hoi-bac-si").body()).doesNotContain(name);
		assertThat(new WebSession(port).signInCitizen(newPhone(), outbox).get("/citizen/lich-kham").body()).doesNotContain(name);
	}

	/** A PNG whose header declares {@code width} × {@code height} pixels, with no image data worth decoding. */
	static byte[] pngHeader(int width, int height) throws Exception {
		var out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		var ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
			.put(new byte[] { 8, 2, 0, 0, 0 }).array();
		out.write(ByteBuffer.allocate(4).putInt(13).array());
		out.write(ihdr);
		var crc = new CRC32();
		crc.update(ihdr);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		var iend = "IEND".getBytes(StandardCharsets.US_ASCII);
		out.write(new byte[4]);
		out.write(iend);
		crc.reset();
		crc.update(iend);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		return out.toByteArray();
	}

	/** A phone nobody used yet in this run (no question, no child, no appointment). */
	static String newPhone() {
		return "0961" + String.format("%06d", System.nanoTime() % 1_000_000);
	}
}
