package vn.xaso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class AuditChainTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	private AuditEntry record(String unit, String action, String after) {
		return Tenancy.callAs(UnitScope.of(unit),
				() -> audit.record(AuditEvent.of(unit, "tester", action).on("thing", 1).change(null, after)));
	}

	@Test
	void aFreshChainVerifiesAndEachEntryLinksToThePrevious() {
		var unit = "T0001";
		var first = record(unit, "test.one", "a");
		var second = record(unit, "test.two", "b");
		assertThat(first.seq()).isEqualTo(1);
		assertThat(second.prevHash()).isEqualTo(first.hash());
		var result = Tenancy.callAs(UnitScope.of(unit), () -> audit.verify(unit));
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(2);
	}

	@Test
	void aHandEditedEntryIsDetectedAndNamed() {
		var unit = "T0002";
		record(unit, "test.one", "a");
		var target = record(unit, "test.two", "b");
		record(unit, "test.three", "c");
		// A database owner edits the middle entry directly, as someone covering their tracks would.
		JdbcClient.create(ownerDataSource)
			.sql("update audit_entry set after_summary = 'changed' where id = ?")
			.param(target.id())
			.update();
		var result = Tenancy.callAs(UnitScope.of(unit), () -> audit.verify(unit));
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(2);
		assertThat(result.firstBrokenId()).isEqualTo(target.id());
		assertThat(result.reason()).contains("sửa");
	}

	@Test
	void aDeletedEntryIsDetected() {
		var unit = "T0003";
		record(unit, "test.one", "a");
		var gone = record(unit, "test.two", "b");
		record(unit, "test.three", "c");
		JdbcClient.create(ownerDataSource).sql("delete from audit_entry where id = ?").param(gone.id()).update();
		var result = Tenancy.callAs(UnitScope.of(unit), () -> audit.verify(unit));
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(3);
	}

	@Test
	void theApplicationRoleCanOnlyAppend() {
		var unit = "T0004";
		var entry = record(unit, "test.one", "a");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(unit), () -> tx.executeWithoutResult(
				s -> jdbc.sql("update audit_entry set actor = 'x' where id = ?").param(entry.id()).update())))
			.rootCause().hasMessageContaining("permission denied");
	}

	@Test
	void personalNumbersAreMaskedInSummaries() {
		var entry = record("T0005", "test.mask", "phone 0912345678, cccd 001203012345");
		assertThat(entry.after()).doesNotContain("0912345678").doesNotContain("001203012345").contains("091****678");
	}

	@Test
	void anotherUnitsEntriesAreInvisibleEvenToRawSql() {
		record("T0006", "test.secret", "x");
		var seen = Tenancy.callAs(UnitScope.of("T0007"), () -> tx.execute(
				s -> jdbc.sql("select count(*) from audit_entry where unit_code = 'T0006'").query(Long.class).single()));
		assertThat(seen).isZero();
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void aPublishedEventIsRecordedInThePublishersTransactionAndOnlyIfItCommits() {
		var unit = "T0008";
		Tenancy.runAs(UnitScope.of(unit), () -> tx.executeWithoutResult(s -> events.publishEvent(
				new AuditEvents(java.util.List.of(AuditEvent.of(unit, "tester", "test.kept.one"), AuditEvent.of(unit, "tester", "test.kept.two"))))));
		Tenancy.runAs(UnitScope.of(unit), () -> tx.executeWithoutResult(s -> {
			events.publishEvent(AuditEvent.of(unit, "tester", "test.rolled.back"));
			s.setRollbackOnly();
		}));
		var actions = Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(
				s -> jdbc.sql("select action from audit_entry where unit_code = ? order by seq").param(unit).query(String.class).list()));
		assertThat(actions).containsExactly("test.kept.one", "test.kept.two");
		assertThat(Tenancy.callAs(UnitScope.of(unit), () -> audit.verify(unit)).intact()).isTrue();
	}
}
