package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditLog;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.demo.DemoData;
import vn.xaso.documents.internal.NumberAllocator;
import vn.xaso.documents.internal.Ocr;
import vn.xaso.identity.Accounts;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * The outgoing register restarts at 01 at midnight on 1 January in Vietnam (UTC+7), driven by the
 * application clock: a document released at 23:59 on 31 December keeps the old year's sequence,
 * one released a minute later is number 01 of the new year.
 */
@XasoIntegrationTest
class NumberingNewYearClockTests {

	@Autowired Documents documents;
	@Autowired JdbcClient jdbc;
	@Autowired NumberAllocator numbers;
	@Autowired SigningIdentities identities;
	@Autowired PdfSigning signing;
	@Autowired SignatureVerification verification;
	@Autowired AuditLog audit;
	@Autowired WorkingCalendar calendar;
	@Autowired Units units;
	@Autowired Accounts accounts;
	@Autowired ApplicationEventPublisher events;
	@Autowired Ocr ocr;
	@Autowired TransactionTemplate tx;

	private Documents at(Instant instant) {
		var clock = Clock.fixed(instant, ZoneOffset.UTC);
		return new Documents(jdbc, numbers, identities, signing, verification, audit, calendar, units, accounts, events,
				clock, ocr);
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
