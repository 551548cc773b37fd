package vn.xaso.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.health.internal.UrgentWords;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Ask the doctor over HTTP: a citizen's double click makes one question and an urgent one shows 115 at once; the
 * Yên Mô doctor sees and answers it, a Nga An doctor neither lists nor opens it; another citizen gets 404; the
 * answer reaches the asker; published answers are found on the commune site without diacritics, private ones never.
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
}
