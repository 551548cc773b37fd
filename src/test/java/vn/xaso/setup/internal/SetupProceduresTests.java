package vn.xaso.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.catalog.FeeSchedule;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.Procedures;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * Setup step 6 changes the commune's catalogue: unticked procedures disappear from its lists, its
 * procedure pages and its new dossiers (the national catalogue and other communes keep them), and a
 * plain fee typed there becomes the commune's amount. Saying the same twice changes nothing.
 */
@XasoIntegrationTest
class SetupProceduresTests {

	static final String MARRIAGE = "1.000894";
	static final String EXTRACT_COPY = "2.000635";

	@Autowired SetupWizard wizard;
	@Autowired SetupSteps steps;
	@Autowired SetupProcedures step;
	@Autowired SetupOfficials officials;
	@Autowired SetupTokens tokens;
	@Autowired Procedures procedures;
	@Autowired Units units;
	@Autowired Villages villages;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;

	String token;
	String unit;

	@BeforeEach
	void atStepSix() throws Exception {
		jdbc.sql("delete from setup_state where id = 1").update();
		jdbc.sql("delete from setup_invite").update();
		Files.deleteIfExists(tokens.file());
		token = tokens.current();
		var candidates = units.searchCommunes("hoa", 200).stream().map(u -> u.code())
			.filter(c -> !c.equals("14701") && !c.equals("16144"))
			.filter(c -> villages.list(c).isEmpty())
			.toList();
		unit = candidates.get((int) (System.nanoTime() % Math.min(50, candidates.size())));
		steps.commune().chooseCommune(token, unit, "");
		steps.admin().createAdmin(token, new SetupAdminStep.AdminInput("Phạm Thị Hương", "quantri.tt" + unit, "Lua-chin-vang-dong-2026",
				"Lua-chin-vang-dong-2026", "0912345678"));
		steps.service().service(token, new SetupServiceStep.ServiceInput("", "Sáng 7:30–11:30", "", "", ""));
		steps.signing().signingLater(token);
		officials.done(token);
	}

	@Test
	void untickedProceduresLeaveTheCommuneCatalogueAndFeesCanBeAdjusted() {
		var rows = step.rows(token);
		assertThat(rows).allMatch(SetupProcedures.Row::offered);
		var copy = rows.stream().filter(r -> r.procedure().code().equals(EXTRACT_COPY)).findFirst().orElseThrow();
		assertThat(copy.amount()).isEqualTo(8_000L);
		var birth = rows.stream().filter(r -> r.procedure().code().equals("1.001193")).findFirst().orElseThrow();
		assertThat(birth.amount()).as("a free procedure has no amount to type").isNull();
		var offered = rows.stream().map(r -> r.procedure().code()).filter(c -> !c.equals(MARRIAGE)).toList();

		// A wrong amount: a Vietnamese message on that field, nothing hidden, nothing published.
		assertThatThrownBy(() -> step.choose(token, offered, Map.of("fee-" + EXTRACT_COPY, "tám nghìn")))
			.isInstanceOf(SetupException.class)
			.satisfies(e -> assertThat(((SetupException) e).errors()).containsKey("fee-" + EXTRACT_COPY));
		assertThat(procedures.current(unit, MARRIAGE)).isPresent();

		step.choose(token, offered, Map.of("fee-" + EXTRACT_COPY, "9.000"));
		assertThat(codes(procedures.search(unit, null, null, 0, 100).items())).doesNotContain(MARRIAGE).contains("1.001193");
		assertThat(procedures.current(unit, MARRIAGE)).as("no page, no new dossier for a hidden procedure").isEmpty();
		assertThat(procedures.current(unit, EXTRACT_COPY).orElseThrow().fees()).isEqualTo(new FeeSchedule.Fixed(9_000));
		// The national catalogue and the demo commune are untouched.
		assertThat(procedures.current(null, MARRIAGE)).isPresent();
		assertThat(procedures.current("14701", MARRIAGE)).isPresent();
		assertThat(procedures.current(null, EXTRACT_COPY).orElseThrow().fees()).isEqualTo(new FeeSchedule.Fixed(8_000));

		// Back to step 6 (the step bar) and saving the same again: no second version, nothing else hidden.
		int versions = procedures.history(unit, EXTRACT_COPY).size();
		var again = step.rows(token);
		assertThat(again.stream().filter(r -> r.procedure().code().equals(MARRIAGE)).findFirst().orElseThrow().offered()).isFalse();
		step.choose(token, offered, Map.of("fee-" + EXTRACT_COPY, "9000"));
		assertThat(procedures.history(unit, EXTRACT_COPY)).hasSize(versions);
		assertThat(jdbc.sql("select count(*) from catalog_procedure_hidden where unit_code = ?").param(unit).query(Integer.class)
			.single()).isEqualTo(1);

		// Ticking it again offers it again.
		var all = again.stream().map(r -> r.procedure().code()).toList();
		step.choose(token, all, Map.of());
		assertThat(procedures.current(unit, MARRIAGE)).isPresent();
		var audited = Tenancy.callAs(UnitScope.of(unit), () -> new TransactionTemplate(transactions).execute(s -> jdbc
			.sql("select count(*) from audit_entry where action = 'catalog.procedures.offered' and unit_code = ?")
			.param(unit).query(Integer.class).single()));
		assertThat(audited).isEqualTo(2);
	}

	private static List<String> codes(List<Procedure> list) {
		return list.stream().map(Procedure::code).toList();
	}
}
