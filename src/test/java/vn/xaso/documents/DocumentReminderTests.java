package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** Reminders to handlers, with "now" given to the job (no clock replaced). */
@XasoIntegrationTest
class DocumentReminderTests {

	@Autowired
	Documents documents;

	@Autowired
	DocumentReminders reminders;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	DemoTextMessages texts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	static final String TUPHAP_PHONE = "0912000104";

	@Test
	void handlersAreRemindedOnceBeforeTheDeadlineAndOnceADayAfterIt() {
		var today = LocalDate.now(Documents.VIETNAM);
		long id = assignedForOneWorkingDay("Về việc báo cáo kết quả chuyển đổi số");
		var deadline = calendar.addWorkingDays(today, 1);

		// two working days before the deadline nothing is due yet
		var earlier = at(deadline.minusDays(10));
		reminders.run(earlier);
		assertThat(rows(id)).isEmpty();

		// within one working day: one "due soon" reminder, never repeated
		reminders.run(at(today));
		reminders.run(at(today).plusSeconds(3600));
		assertThat(rows(id)).containsExactly("due_soon " + deadline + " " + today + " texted");
		assertThat(texts.latestFor(TUPHAP_PHONE)).hasValueSatisfying(t -> assertThat(t).startsWith("XaSo: Văn bản"));
		var notices = Tenancy.callAs(UnitScope.of("14701"), () -> reminders.notices(DocumentFixtures.SPECIALIST));
		assertThat(notices).anySatisfy(n -> {
			assertThat(n.documentId()).isEqualTo(id);
			assertThat(n.deadline()).isEqualTo(deadline);
			assertThat(n.overdue()).isFalse();
		});
		// the leader who assigned it is not a handler: no notice
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> reminders.notices(DocumentFixtures.LEADER)))
			.noneMatch(n -> n.documentId() == id);

		// overdue: at most once a day
		var late = deadline.plusDays(1);
		reminders.run(at(late));
		reminders.run(at(late).plusSeconds(7200));
		reminders.run(at(late.plusDays(1)));
		assertThat(rows(id)).containsExactly("due_soon " + deadline + " " + today + " texted",
				"overdue " + deadline + " " + late + " texted", "overdue " + deadline + " " + late.plusDays(1) + " texted");
		assertThat(DocumentReminders.text(DocumentReminders.OVERDUE, "Về việc báo cáo", deadline)).contains("đã quá hạn");

		// done: no more reminders, no notice
		Tenancy.runAs(UnitScope.of("14701"), () -> documents.markDone(DocumentFixtures.SPECIALIST, id, "Đã báo cáo.", null));
		reminders.run(at(late.plusDays(2)));
		assertThat(rows(id)).hasSize(3);
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> reminders.notices(DocumentFixtures.SPECIALIST)))
			.noneMatch(n -> n.documentId() == id);
	}

	@Test
	void remindersAreKeptPerCommuneByRowLevelSecurity() {
		long id = assignedForOneWorkingDay("Về việc kiểm tra an toàn thực phẩm");
		reminders.run(at(LocalDate.now(Documents.VIETNAM)));
		assertThat(rows(id)).isNotEmpty();
		var seen = Tenancy.callAs(UnitScope.of("16144"), () -> tx.execute(s -> jdbc
			.sql("select count(*) from document_reminder where document_id = ?").param(id).query(Long.class).single()));
		assertThat(seen).isZero();
	}

	private long assignedForOneWorkingDay(String summary) {
		var pdf = DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.CONG_VAN, "88/UBND-VP"));
		return Tenancy.callAs(UnitScope.of("14701"), () -> {
			long id = documents.register(DocumentFixtures.CLERK, new Documents.Incoming("UBND tỉnh Ninh Bình", "88/UBND-VP",
					LocalDate.now(Documents.VIETNAM).minusDays(1), DocumentType.CONG_VAN, summary, "Trần Văn Bình", "thuong", 0, pdf));
			documents.assign(DocumentFixtures.LEADER, id, "Đề nghị đồng chí Tư pháp xử lý.", List.of("yenmo.tuphap"), 1);
			return id;
		});
	}

	private static Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(8, 0)).atZone(Documents.VIETNAM).toInstant();
	}

	private List<String> rows(long id) {
		return Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> jdbc.sql("""
				select kind || ' ' || deadline || ' ' || reminded_on || case when texted then ' texted' else '' end
				from document_reminder where document_id = ? order by id""").param(id).query(String.class).list()));
	}
}
