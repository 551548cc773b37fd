package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.documents.internal.ReleasingDocument;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The outgoing register restarts at 01 at midnight on 1 January in Vietnam (UTC+7), driven by the
 * application clock: a document released at 23:59 on 31 December keeps the old year's sequence,
 * one released a minute later is number 01 of the new year.
 */
@XasoIntegrationTest
class NumberingNewYearClockTests {

	@Autowired Documents documents;
	@Autowired ReleasingDocument releasing;
	@Autowired TransactionTemplate tx;

	private ReleasingDocument at(Instant instant) {
		return releasing.at(Clock.fixed(instant, ZoneOffset.UTC));
	}

	private Document releaseAt(Instant instant, String summary) {
		long id = DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER,
				DocumentFixtures.draft(DocumentType.THONG_BAO, summary));
		var releasing = at(instant);
		return Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> releasing.release(DocumentFixtures.CLERK, id,
				DemoData.SIGNING_PASSWORD.toCharArray())));
	}

	@Test
	void theRegisterRestartsAtMidnightOnTheFirstOfJanuaryVietnamTime() {
		// The coming New Year in Vietnam (UTC+7): within the demo certificates' two-year validity.
		var midnight = java.time.LocalDate.now(Documents.VIETNAM).plusYears(1).withDayOfYear(1)
			.atStartOfDay(Documents.VIETNAM).toInstant();
		var first = releaseAt(midnight.minusSeconds(120), "Thông báo cuối năm số một");
		var second = releaseAt(midnight.minusSeconds(60), "Thông báo cuối năm số hai");
		var newYear = releaseAt(midnight, "Thông báo đầu năm mới");
		assertThat(second.number()).isEqualTo(first.number() + 1);
		assertThat(newYear.number()).isEqualTo(1);
		assertThat(newYear.numberSymbol()).startsWith("01/TB-");
	}
}
