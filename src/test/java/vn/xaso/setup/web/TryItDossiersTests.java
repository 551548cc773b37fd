package vn.xaso.setup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.dossiers.DossierFixtures.YEN_MO;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * "Thử nộp một hồ sơ" marks one dossier and only that one: the next online dossier of the browser session in which
 * the commune's administrator pressed the guide's button. Not a second one from that session, not a counter
 * dossier, not another session's, not after the mark expired, not another commune's; and a press by anyone but an
 * administrator marks nothing.
 */
@XasoIntegrationTest
class TryItDossiersTests {

	@Autowired TryItDossiers marks;
	@Autowired Dossiers dossiers;
	@Autowired DemoTextMessages outbox;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;
	@LocalServerPort int port;

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void onlyTheNextOnlineDossierOfTheMarkedSessionIsATestDossier() {
		var phone = "0966" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000));
		new WebSession(port).signInCitizen(phone, outbox);
		var marked = inSession();
		marks.mark(marked.getSession(), YEN_MO);

		var other = inSession(); // another browser meanwhile: a real dossier
		var real = online(phone);
		assertThat(isTest(real)).isFalse();

		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(marked));
		var atCounter = DossierFixtures.counter(dossiers, jdbc, phone, "Trần Văn Quầy").dossierId(); // not online: not marked
		assertThat(isTest(atCounter)).isFalse();
		var test = online(phone);
		assertThat(isTest(test)).isTrue();
		assertThat(marked.getSession().getAttribute(TryItDossiers.MARK)).isNull(); // spent once committed
		var next = online(phone); // the same session again: a real dossier
		assertThat(isTest(next)).isFalse();

		// Expired, or another commune's: nothing is marked.
		marked.getSession().setAttribute(TryItDossiers.MARK,
				new TryItDossiers.Mark(YEN_MO, Instant.now().minus(TryItDossiers.VALID).minus(Duration.ofMinutes(1))).text());
		assertThat(isTest(online(phone))).isFalse();
		marks.mark(marked.getSession(), "16144");
		assertThat(isTest(online(phone))).isFalse();
		assertThat(other.getSession().getAttribute(TryItDossiers.MARK)).isNull();
	}

	@Test
	void onlyAnAdministratorsPressMarksTheSession() {
		var nobody = new WebSession(port);
		assertThat(nobody.get("/setup/try").body()).contains("Bước 1/3");
		nobody.post("/setup/try/citizen", Map.of());
		assertThat(markInSession(nobody)).isZero();

		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var guide = admin.get("/setup/try");
		assertThat(guide.body()).contains("Mở trang thủ tục cho người dân").contains("HỒ SƠ THỬ");
		var pressed = admin.post("/setup/try/citizen", Map.of());
		assertThat(pressed.statusCode()).isEqualTo(302);
		assertThat(pressed.headers().firstValue("Location").orElseThrow()).contains("unit=" + YEN_MO);
		// The press signed the administrator out (officials cannot open citizens' pages) and marked the new session.
		assertThat(markInSession(admin)).isEqualTo(1);
		assertThat(TryItDossiers.Mark.parse(YEN_MO + " " + Instant.now().getEpochSecond())).isNotNull();
		assertThat(TryItDossiers.Mark.parse("<script> 1")).isNull();
	}

	private long markInSession(WebSession browser) {
		var cookie = browser.cookie("JSESSIONID");
		if (cookie.isEmpty()) {
			return 0;
		}
		var id = new String(java.util.Base64.getDecoder().decode(cookie.get()), java.nio.charset.StandardCharsets.US_ASCII);
		return jdbc.sql("""
				select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
				where s.session_id = ? and a.attribute_name = ?""").params(id, TryItDossiers.MARK).query(Long.class).single();
	}

	private MockHttpServletRequest inSession() {
		var request = new MockHttpServletRequest();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		return request;
	}

	private long online(String phone) {
		var me = DossierFixtures.citizen(jdbc, phone);
		return dossiers.submit(me, new NewDossier(YEN_MO, DossierFixtures.MARRIAGE, Channel.ONLINE, null, DossierFixtures.applicant(phone),
				DossierFixtures.marriageForm(), null), DossierFixtures.papers()).dossierId();
	}

	private boolean isTest(long id) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions)
			.execute(s -> jdbc.sql("select test from dossier where id = ?").param(id).query(Boolean.class).single()));
	}
}
