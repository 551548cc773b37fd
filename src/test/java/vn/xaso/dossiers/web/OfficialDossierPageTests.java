package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.dossiers.DossierFixtures.LEADER;
import static vn.xaso.dossiers.DossierFixtures.ONE_STOP;
import static vn.xaso.dossiers.DossierFixtures.SPECIALIST;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Queue;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The officials' dossier pages read like the paper file (issue 11): the evidence in people's words before the
 * actions, the queue says how long each dossier has waited and puts the most urgent first, and the workspace
 * cards say how many dossiers wait.
 */
@XasoIntegrationTest
class OfficialDossierPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	TransactionTemplate tx;

	static String phone(String prefix) {
		return prefix + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	@Test
	void theEvidenceIsShownInPeoplesWordsBeforeTheActions() {
		var phone = phone("0975");
		new WebSession(port).signInCitizen(phone, outbox);
		var receipt = dossiers.submit(ONE_STOP, new vn.xaso.dossiers.NewDossier(DossierFixtures.YEN_MO, DossierFixtures.MARRIAGE,
				vn.xaso.dossiers.Channel.COUNTER, DossierFixtures.citizenId(jdbc, phone), DossierFixtures.applicant(phone),
				DossierFixtures.marriageForm(), null),
				List.of(new Upload("IMG_0001.png", DossierFixtures.png(), "XNHN"), new Upload("to-khai.pdf", DossierFixtures.pdf(), "TK")));
		var officer = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var page = officer.get("/dossiers/" + receipt.dossierId()).body();

		assertThat(page).contains("Đây là lần kết hôn đầu tiên của cả hai bên</dt><dd>Có</dd>");
		assertThat(page).contains("<dd>04/05/1998</dd>").doesNotContain("1998-05-04");
		assertThat(page).doesNotContain("<dd>true</dd>");
		assertThat(page).contains("<strong>Giấy xác nhận tình trạng hôn nhân</strong>", "<strong>Tờ khai đăng ký kết hôn</strong>");
		assertThat(page).containsPattern("<img class=\"evidence-preview\" src=\"/dossiers/" + receipt.dossierId() + "/files/[0-9]+\"");
		assertThat(page).contains(">Xem<span class=\"visually-hidden\"> Tờ khai đăng ký kết hôn</span>");
		assertThat(page.indexOf("Hồ sơ người dân đã nộp")).isPositive().isLessThan(page.indexOf("id=\"do-assign\""));
		// empty fields are left out: the marriage form has no requester fields filled in here
		assertThat(page).doesNotContain("<dd></dd>");
	}

	@Test
	void theApprovalQueuePutsTheMostUrgentFirstAndSaysHowLongEachWaited() {
		var citizen = phone("0974");
		new WebSession(port).signInCitizen(citizen, outbox);
		var ids = new ArrayList<Long>();
		var codes = new ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			var r = DossierFixtures.marriage(dossiers, jdbc, citizen);
			var d = dossiers.find(ONE_STOP, r.dossierId()).orElseThrow();
			d = dossiers.act(ONE_STOP, d.id(), new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
			dossiers.act(SPECIALIST, d.id(), ActionRequest.of("propose", d.version(), ""));
			ids.add(r.dossierId());
			codes.add(r.code());
		}
		// the last submitted is the most overdue; the first one waited 3 days
		setDue(ids.get(2), LocalDate.of(2001, 1, 1));
		setDue(ids.get(0), LocalDate.of(2001, 1, 2));
		setDue(ids.get(1), LocalDate.of(2001, 1, 3));
		// Moved back for this check only: other tests recount the daily figures from the dossiers' dates.
		shiftSubmitted(ids.get(0), "- interval '3 days'");
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		try {
			var queue = leader.get("/dossiers?tab=approval").body();
			assertThat(queue.indexOf(codes.get(2))).isPositive().isLessThan(queue.indexOf(codes.get(0)));
			assertThat(queue.indexOf(codes.get(0))).isLessThan(queue.indexOf(codes.get(1)));
			var row = queue.substring(queue.indexOf(codes.get(0)), queue.indexOf("</tr>", queue.indexOf(codes.get(0))));
			assertThat(row).contains("chờ 3 ngày");
		}
		finally {
			shiftSubmitted(ids.get(0), "+ interval '3 days'");
		}

		var workspace = leader.get("/workspace").body();
		var waiting = dossiers.search(LEADER, new DossierSearch(null, null, null, Queue.AWAITING_APPROVAL, null, null, 1, 1)).total();
		var card = Pattern.compile("Hồ sơ chờ duyệt và ký <span class=\"count\">\\(([0-9]+)\\)</span>").matcher(workspace);
		assertThat(card.find()).as(workspace).isTrue();
		assertThat(Long.parseLong(card.group(1))).isEqualTo(waiting).isGreaterThanOrEqualTo(3);

		var officer = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		assertThat(officer.get("/workspace").body()).containsPattern("Hồ sơ chờ tiếp nhận <span class=\"count\">\\([0-9]+\\)</span>");
	}

	private void setDue(long id, LocalDate due) {
		Tenancy.runAs(UnitScope.systemWide(),
				() -> tx.executeWithoutResult(s -> jdbc.sql("update dossier set due_date = ? where id = ?").params(due, id).update()));
	}

	private void shiftSubmitted(long id, String by) {
		Tenancy.runAs(UnitScope.systemWide(), () -> tx.executeWithoutResult(s -> jdbc.sql("update dossier set submitted_at = submitted_at " + by + " where id = ?")
			.param(id).update()));
	}
}
