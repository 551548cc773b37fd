package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.SqlStatements;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * What one submission costs the database (issue 15): at most 15 statements, the dossier inserted once in its final
 * state, and the commune's busy rows — its daily number, then its audit chain — taken last, right before the commit.
 * Counted on the thread that submits, from the JDBC driver's protocol log ({@link SqlStatements}); the procedure and
 * the unit are read once before (as on a running instance, where they are kept in memory).
 */
@XasoIntegrationTest
class SubmissionStatementsTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCounterSubmissionSendsAtMostFifteenStatementsAndTakesTheCommunesBusyRowsLast() {
		counter(dossiers, jdbc, "0988000001", "Phạm Khởi Động");
		Receipt receipt;
		List<String> statements;
		String listing;
		try (var sql = SqlStatements.count()) {
			// as the benchmark sends it: no citizen account, nobody to notify, two papers
			receipt = dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, BIRTH, Channel.COUNTER, null, applicant("0988000001"),
					birthForm("Phạm Đếm Câu"), null), papers().subList(0, 2));
			statements = sql.statements();
			listing = sql.listing();
		}
		assertThat(statements).as("statements of one counter submission:%s", listing).hasSizeLessThanOrEqualTo(15);
		int numbering = numbering(statements);
		assertThat(numbering).as("the daily number is taken by a statement of its own:%s", listing).isNotNegative();
		assertThat(statements.size() - numbering - 1).as("after the daily number only the audit chain (head, entries):%s", listing)
			.isLessThanOrEqualTo(2);
		assertThat(statements).as("the dossier is inserted once, never updated afterwards:%s", listing)
			.noneMatch(s -> s.matches("(?is)\\s*update\\s+dossier\\s.*"));

		var stored = Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).execute(s -> jdbc.sql("""
				select code, state, submitted_at is not null and received_at is not null, due_date is not null, digitised, version,
				       (select count(*) from dossier_file f where f.dossier_id = d.id),
				       (select string_agg(action || ':' || coalesce(to_state, ''), ',' order by id) from dossier_event e where e.dossier_id = d.id),
				       (select string_agg(fact, ',' order by fact) from dossier_metric m where m.dossier_id = d.id)
				from dossier d where id = ?""").param(receipt.dossierId())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6),
					rs.getLong(7), rs.getString(8), rs.getString(9)))
			.single()));
		assertThat(stored).containsExactly(receipt.code(), receipt.state(), true, true, true, 2L, 2L,
				"submit:submitted,receive:" + receipt.state(), "dossiers.digitised,dossiers.submitted");
		assertThat(receipt.dueDate()).isNotNull();
	}

	@Test
	void aCitizensOnlineSubmissionWithItsNoticeSendsAtMostFifteenStatements() {
		var citizen = citizen(jdbc, "0988000002");
		dossiers.submit(citizen, new NewDossier(YEN_MO, BIRTH, Channel.ONLINE, null, applicant("0988000002"), birthForm("Phạm Khởi Động"),
				null), papers().subList(0, 2));
		Receipt receipt;
		List<String> statements;
		String listing;
		try (var sql = SqlStatements.count()) {
			receipt = dossiers.submit(citizen, new NewDossier(YEN_MO, BIRTH, Channel.ONLINE, null, applicant("0988000002"),
					birthForm("Phạm Trực Tuyến"), null), papers().subList(0, 2));
			statements = sql.statements();
			listing = sql.listing();
		}
		assertThat(statements).as("statements of one online submission, its notice queued:%s", listing).hasSizeLessThanOrEqualTo(15);
		assertThat(numbering(statements)).as(listing).isNotNegative();
		assertThat(statements).as(listing).noneMatch(s -> s.matches("(?is)\\s*update\\s+dossier\\s.*"));
		assertThat(receipt.state()).isEqualTo("submitted");
		assertThat(dossiers.find(citizen, receipt.dossierId())).hasValueSatisfying(d -> {
			assertThat(d.code()).isEqualTo(receipt.code());
			assertThat(d.files()).hasSize(2);
			assertThat(d.events()).extracting(DossierEvent::action).containsExactly("submit");
		});
	}

	/**
	 * The statement that takes the daily number: by its text, or — when the driver had prepared it on this connection
	 * before the count began — by its parameters (the last daily number the check allows).
	 */
	private static int numbering(List<String> statements) {
		for (int i = 0; i < statements.size(); i++) {
			var s = statements.get(i);
			if (s.contains("dossier_sequence") || s.startsWith("prepared") && s.contains("99999")) {
				return i;
			}
		}
		return -1;
	}
}
