package vn.xaso.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityPeople;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.Posts;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 20, second part, over HTTP as the doctors use it: a campaign's list taken from the community module's households
 * by year of birth (a double submit makes one campaign, taking the list again adds nobody twice), reminders only to the
 * phones of citizen accounts, the others on the printed list for the village heads, each person marked came / not yet
 * with the coverage counted for the commune and the province exactly as the recount finds it; the campaign's notice on
 * the portal and the station's page, withdrawn from both; the day list's came / no-show marks; the first answer's minutes
 * kept once. Every refusal is in Vietnamese and changes nothing; a doctor of Nga An gets 404 for all of it.
 */
@XasoIntegrationTest
class HealthCampaignPeopleTests {

	static final String YEN_MO = HealthFixture.YEN_MO;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Facts facts;

	@Autowired
	Indicators indicators;

	<T> T yenMo(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), work);
	}

	<T> T query(String sql, Class<T> type, Object... params) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql(sql).params(params).query(type).single()));
	}

	static String phone() {
		return "0973" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
	}

	WebSession doctor() {
		return new WebSession(port).signInOfficial("yenmo.bacsi", DemoData.PASSWORD);
	}

	WebSession otherDoctor() {
		return new WebSession(port).signInOfficial("ngaan.bacsi", DemoData.PASSWORD);
	}

	@Test
	void householdsGiveTheListLinkedPhonesAreRemindedTheRestPrintedAndCoverageRollsUpExactly() {
		var tag = String.valueOf(System.nanoTime() % 1_000_000);
		int year = 2025;
		var linked = phone();
		Tenancy.callAs(UnitScope.systemWide(), () -> context.getBean(Citizens.class).ensure(linked, "Mẹ Bé " + tag));
		var village = yenMo(() -> context.getBean(Villages.class).create(YEN_MO, "Tiêm Chủng " + tag, "Thôn"));
		var admin = new Actor(YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);
		var registering = context.getBean(RegisteringHousehold.class);
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		yenMo(() -> registering.register(admin, new HouseholdEntry.Input(village.id(), "Mẹ Bé " + tag, "1990", null,
				"con Bé An " + tag + " (" + year + "), chồng Lê Văn Hải (1988)", linked, "Xóm Đông", "Họ tên, năm sinh", today, false, false, false)));
		yenMo(() -> registering.register(admin, new HouseholdEntry.Input(village.id(), "Ông Tư " + tag, "1950", null,
				"cháu Bé Bình " + tag + " (" + year + ")", null, "Xóm Tây", "Họ tên, năm sinh", today, false, false, false)));

		var people = yenMo(() -> context.getBean(CommunityPeople.class).membersBornBetween(YEN_MO, year, year)).stream()
			.filter(p -> p.name().endsWith(tag)).toList();
		assertThat(people).extracting(CommunityPeople.Person::name, CommunityPeople.Person::phone)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("con Bé An " + tag, linked),
					org.assertj.core.groups.Tuple.tuple("cháu Bé Bình " + tag, null));
		assertThat(people).allSatisfy(p -> assertThat(p.village()).contains("Tiêm Chủng " + tag));
		assertThat(yenMo(() -> context.getBean(CommunityPeople.class).membersBornBetween(YEN_MO, 1950, 1950))).as("a head by their year")
			.anySatisfy(p -> assertThat(p.name()).isEqualTo("Ông Tư " + tag));

		var day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
		var doctor = doctor();
		var form = Map.of("name", "Tiêm sởi trẻ 9 tháng " + tag, "place", "Trạm Y tế xã Yên Mô", "startsOn", day.toString(), "fromYear",
				String.valueOf(year), "toYear", String.valueOf(year), "source", "households", "phones", "");
		var first = doctor.post("/health/campaigns", form);
		var second = doctor.post("/health/campaigns", form);
		assertThat(first.statusCode()).isEqualTo(302);
		var location = first.headers().firstValue("Location").orElseThrow();
		assertThat(second.headers().firstValue("Location")).as("a double submit opens the first campaign").contains(location);
		long id = Long.parseLong(location.replaceAll(".*/health/campaigns/([0-9]+).*", "$1"));
		assertThat(doctor.post("/health/campaigns", Map.of("name", "Tiêm thử " + tag, "place", "Trạm", "startsOn", day.toString(), "fromYear",
				"", "toYear", "", "source", "households")).body()).as("households need the years").contains("Năm sinh ghi 4 chữ số");

		var page = doctor.get("/health/campaigns/" + id).body();
		assertThat(page).contains("con Bé An " + tag + " (" + year + ")", "cháu Bé Bình " + tag, "tỷ lệ đã đến 0%");
		var print = doctor.get("/health/campaigns/" + id + "/print").body();
		assertThat(print).contains("cháu Bé Bình " + tag, "Ông Tư " + tag).doesNotContain("con Bé An " + tag);

		assertThat(doctor.post("/health/campaigns/" + id + "/remind", Map.of()).statusCode()).isEqualTo(302);
		assertThat(query("select count(*) from notify_delivery where template = 'health.notice.campaign' and dedupe_key = ?", Long.class,
				"health-campaign-" + id + "-" + linked)).isEqualTo(1);
		assertThat(query("select count(*) from notify_delivery where template = 'health.notice.campaign' and dedupe_key like ?", Long.class,
				"health-campaign-" + id + "-%")).as("only phones of citizen accounts").isEqualTo(
						query("select count(distinct phone) from health_campaign_person where campaign_id = ? and phone is not null", Long.class, id));

		long peopleBefore = query("select count(*) from health_campaign_person where campaign_id = ?", Long.class, id);
		assertThat(doctor.post("/health/campaigns/" + id + "/households", Map.of("fromYear", String.valueOf(year), "toYear", String.valueOf(year)))
			.statusCode()).isEqualTo(302);
		assertThat(query("select count(*) from health_campaign_person where campaign_id = ? and name like ?", Long.class, id, "%" + tag))
			.as("taking the list again adds nobody twice").isEqualTo(2);
		assertThat(doctor.post("/health/campaigns/" + id + "/households", Map.of("fromYear", "20x5", "toYear", "2025")).body())
			.contains("Năm sinh ghi 4 chữ số");

		long an = query("select id from health_campaign_person where campaign_id = ? and name = ?", Long.class, id, "con Bé An " + tag);
		assertThat(doctor.post("/health/campaigns/" + id + "/people/" + an, Map.of("came", "yes")).statusCode()).isEqualTo(302);
		var cameAt = query("select attended_at::text from health_campaign_person where id = ?", String.class, an);
		assertThat(doctor.post("/health/campaigns/" + id + "/people/" + an, Map.of("came", "yes")).statusCode()).isEqualTo(302);
		assertThat(query("select attended_at::text from health_campaign_person where id = ?", String.class, an)).as("marking twice changes nothing")
			.isEqualTo(cameAt);
		assertThat(doctor.post("/health/campaigns/" + id + "/people/" + an, Map.of("came", "maybe")).body())
			.contains("Hãy chọn đã đến hoặc chưa đến.");
		long listed = query("select count(*) from health_campaign_person where campaign_id = ?", Long.class, id);
		assertThat(listed).isGreaterThanOrEqualTo(peopleBefore);
		assertCoverage(YEN_MO, day, 1L, listed);
		assertCoverage(DemoData.NINH_BINH, day, 1L, listed);

		var other = otherDoctor();
		assertThat(other.get("/health/campaigns/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/health/campaigns/" + id + "/print").statusCode()).isEqualTo(404);
		assertThat(other.post("/health/campaigns/" + id + "/people/" + an, Map.of("came", "no")).statusCode()).isEqualTo(404);
		assertThat(other.post("/health/campaigns/" + id + "/households", Map.of("fromYear", "2025", "toYear", "2025")).statusCode()).isEqualTo(404);

		assertThat(doctor.post("/health/campaigns/" + id + "/people/" + an, Map.of("came", "no")).statusCode()).isEqualTo(302);
		assertCoverage(YEN_MO, day, 0L, listed);
		assertCoverage(DemoData.NINH_BINH, day, 0L, listed);
		assertThat(healthDifferences(day)).as("the counters equal the recount").isEmpty();
	}

	@Test
	void aNoticeGoesOnThePortalAndTheStationsPageAndWithdrawingTakesItOffBoth() {
		var name = "Khám sàng lọc tăng huyết áp " + System.nanoTime() % 1_000_000;
		long id = new HealthFixture(context).campaign(name, phone(), "", "");
		var doctor = doctor();
		var faq = new WebSession(port);
		assertThat(faq.get("/x/14701/hoi-bac-si").body()).as("not announced yet").doesNotContain(name);
		assertThat(otherDoctor().post("/health/campaigns/" + id + "/notice", Map.of()).statusCode()).isEqualTo(404);

		assertThat(doctor.post("/health/campaigns/" + id + "/notice", Map.of()).statusCode()).isEqualTo(302);
		assertThat(doctor.post("/health/campaigns/" + id + "/notice", Map.of()).statusCode()).as("publishing again updates the post").isEqualTo(302);
		assertThat(faq.get("/x/14701/hoi-bac-si").body()).contains("Thông báo của trạm y tế", name);
		var posts = context.getBean(Posts.class);
		var found = posts.search(YEN_MO, name, 0, 10);
		assertThat(found.total()).as("one portal post").isEqualTo(1);
		var post = found.items().getFirst();
		assertThat(post.kind()).isEqualTo("notice");
		assertThat(post.body()).contains(name, "20/12/2026");
		assertThat(faq.get("/x/14701/posts/" + post.id()).body()).as("on the commune site").contains(name, "Trạm y tế xã thông báo");
		assertThat(doctor.get("/health/campaigns/" + id).body()).contains("Gỡ thông báo");

		assertThat(doctor.post("/health/campaigns/" + id + "/notice/withdraw", Map.of()).statusCode()).isEqualTo(302);
		assertThat(doctor.get("/health/campaigns/" + id).body()).contains("Đã gỡ thông báo khỏi trang của xã.", "Đăng thông báo");
		assertThat(faq.get("/x/14701/hoi-bac-si").body()).doesNotContain(name);
		assertThat(posts.search(YEN_MO, name, 0, 10).total()).as("off the portal").isZero();
		assertThat(faq.get("/x/14701/posts/" + post.id()).statusCode()).isEqualTo(404);
		var again = doctor.post("/health/campaigns/" + id + "/notice/withdraw", Map.of());
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(doctor.get("/health/campaigns/" + id).body()).contains("chưa đăng thông báo nên không có gì để gỡ");
	}

	@Test
	void theDoctorMarksWhoCameOnTheDayListAndTheFirstAnswerIsKeptOnce() {
		var fixture = new HealthFixture(context);
		var citizen = phone();
		long today = fixture.appointment(citizen, 0, "MORNING");
		long later = fixture.appointment(citizen, 3, "AFTERNOON");
		var doctor = doctor();
		assertThat(doctor.post("/health/appointments/" + today + "/came", Map.of("came", "")).body()).contains("Hãy chọn đã đến hoặc chưa đến.");
		assertThat(doctor.post("/health/appointments/" + later + "/came", Map.of("came", "yes")).body()).contains("chưa đến: chỉ ghi đến khám từ đúng ngày");
		assertThat(query("select came is null from health_appointment where id = ?", Boolean.class, later)).isTrue();
		assertThat(otherDoctor().post("/health/appointments/" + today + "/came", Map.of("came", "yes")).statusCode()).isEqualTo(404);
		assertThat(query("select came is null from health_appointment where id = ?", Boolean.class, today)).isTrue();

		assertThat(doctor.post("/health/appointments/" + today + "/came", Map.of("came", "yes")).statusCode()).isEqualTo(302);
		var marked = query("select marked_at::text from health_appointment where id = ?", String.class, today);
		doctor.post("/health/appointments/" + today + "/came", Map.of("came", "yes"));
		assertThat(query("select marked_at::text from health_appointment where id = ?", String.class, today)).isEqualTo(marked);
		assertThat(doctor.get("/health/appointments").body()).contains("đã đến");
		assertThat(doctor.post("/health/appointments/" + today + "/came", Map.of("came", "no")).statusCode()).isEqualTo(302);
		assertThat(query("select came from health_appointment where id = ?", Boolean.class, today)).isFalse();

		long question = fixture.answered(phone(), "Bé ho về đêm " + System.nanoTime() % 100000, false);
		var first = query("select first_answered_at::text || ' ' || answer_minutes from health_question where id = ?", String.class, question);
		assertThat(first).matches(".+ [0-9]+");
		yenMo(() -> {
			context.getBean(vn.xaso.health.internal.AnsweringQuestions.class).answer(HealthFixture.doctor(YEN_MO, "yenmo.bacsi"), question,
					"Thêm: cho bé uống nước ấm, kê cao gối khi ngủ.");
			return null;
		});
		assertThat(query("select first_answered_at::text || ' ' || answer_minutes from health_question where id = ?", String.class, question))
			.as("a second answer keeps the first one's time").isEqualTo(first);
		assertThat(healthDifferences(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))).as("the counters equal the recount").isEmpty();
	}

	/** The counters are applied after the commit: the figure reaches came / listed within a few seconds. */
	void assertCoverage(String unit, LocalDate day, long came, long listed) {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(coverage(unit, day)).as("coverage of " + unit).containsExactly(came, listed));
	}

	/** The coverage indicator's numerator and denominator for {@code unit} on {@code day}. */
	List<Long> coverage(String unit, LocalDate day) {
		var indicator = indicators.find("HEALTH_VACCINATION_COVERAGE").orElseThrow();
		var value = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.value(indicator, unit, day, day));
		return List.of(value.numerator().longValueExact(), value.denominator() == null ? 0 : value.denominator().longValueExact());
	}

	/** The health counters' differences from the recount on {@code day} (other classes may be committing: asked again briefly). */
	List<Facts.Difference> healthDifferences(LocalDate day) {
		var result = new java.util.concurrent.atomic.AtomicReference<List<Facts.Difference>>();
		try {
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
				result.set(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day)).stream()
					.filter(d -> d.metric().startsWith("health.")).toList());
				return result.get().isEmpty();
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			// the last differences are reported by the caller's assertion
		}
		return result.get();
	}
}
