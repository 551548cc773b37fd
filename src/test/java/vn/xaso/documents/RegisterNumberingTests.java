package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.documents.RegisterNumbering.Register;
import vn.xaso.documents.internal.NumberAllocator;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/** A commune starting mid-year continues its paper register's numbering; 1 January starts again at 01. */
@XasoIntegrationTest
class RegisterNumberingTests {

	@Autowired RegisterNumbering numbering;
	@Autowired NumberAllocator allocator;
	@Autowired PlatformTransactionManager transactions;
	@Autowired Units units;

	@Test
	void continuesAfterTheLastPaperNumberAndRestartsOnTheFirstOfJanuary() {
		var unit = units.searchCommunes("thanh", 50).stream().map(u -> u.code())
			.filter(c -> !c.equals("14701") && !c.equals("16144")).findFirst().orElseThrow();
		int year = LocalDate.now(Documents.VIETNAM).getYear();
		Tenancy.runAs(UnitScope.of(unit), () -> numbering.continueAfter(unit, Register.OUTGOING, 57, "quantri"));
		assertThat(Tenancy.callAs(UnitScope.of(unit), () -> numbering.lastUsed(unit, Register.OUTGOING))).isEqualTo(57);

		assertThat(next(unit, NumberAllocator.OUTGOING, LocalDate.of(year, 12, 31))).isEqualTo(58);
		assertThat(next(unit, NumberAllocator.OUTGOING, LocalDate.of(year + 1, 1, 1))).isEqualTo(1);
		assertThat(next(unit, NumberAllocator.OUTGOING, LocalDate.of(year, 12, 31))).isEqualTo(59);
		// The incoming register keeps its own numbering.
		assertThat(next(unit, NumberAllocator.INCOMING, LocalDate.of(year, 12, 31))).isEqualTo(1);

		// Never back below a number already given, never out of range.
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(unit),
				() -> numbering.continueAfter(unit, Register.OUTGOING, 10, "quantri")))
			.isInstanceOf(DocumentException.class).hasMessageContaining("đã cấp đến số 59");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(unit),
				() -> numbering.continueAfter(unit, Register.INCOMING, -1, "quantri")))
			.isInstanceOf(DocumentException.class);
		// Raising again is fine (the paper register went on a little longer before the switch).
		Tenancy.runAs(UnitScope.of(unit), () -> numbering.continueAfter(unit, Register.OUTGOING, 70, "quantri"));
		assertThat(next(unit, NumberAllocator.OUTGOING, LocalDate.of(year, 12, 31))).isEqualTo(71);
	}

	private int next(String unit, String register, LocalDate day) {
		return Tenancy.callAs(UnitScope.of(unit),
				() -> new TransactionTemplate(transactions).execute(s -> allocator.next(unit, register, day)));
	}
}
