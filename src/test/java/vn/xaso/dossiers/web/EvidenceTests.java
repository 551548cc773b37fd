package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.xaso.catalog.FieldType;

/** Values in people's words on the officials' page, the queue's waiting time and bank names (issue 11). */
class EvidenceTests {

	@Test
	void storedValuesReadAsPeopleSayThem() {
		assertThat(Evidence.human(FieldType.CHECKBOX, "true")).isEqualTo("Có");
		assertThat(Evidence.human(FieldType.CHECKBOX, "false")).isEqualTo("Không");
		assertThat(Evidence.human(FieldType.DATE, "1998-05-04")).isEqualTo("04/05/1998");
		assertThat(Evidence.human(FieldType.MONEY, "1500000")).isEqualTo(Show.money(1_500_000));
		assertThat(Evidence.human(FieldType.SELECT, "Mẹ")).isEqualTo("Mẹ");
		assertThat(Evidence.human(FieldType.TEXT, "  ")).isEmpty();
		assertThat(Evidence.human(FieldType.TEXT, null)).isEmpty();
	}

	@Test
	void theQueueCountsWholeDaysOfWaitingForOpenDossiersOnly() {
		var threeDaysAgo = LocalDate.now(Show.VIETNAM).minusDays(3).atTime(10, 0).atZone(Show.VIETNAM).toInstant();
		assertThat(Show.waitedDays(threeDaysAgo, "received")).isEqualTo(3);
		assertThat(Show.waitedDays(Instant.now(), "submitted")).isZero();
		assertThat(Show.waitedDays(threeDaysAgo, "returned")).isEqualTo(-1);
		assertThat(Show.waitedDays(null, "draft")).isEqualTo(-1);
	}

	@Test
	void knownBanksAreNamed() {
		assertThat(Show.bank("970405")).isEqualTo("Agribank (970405)");
		assertThat(Show.bank("999999")).isEqualTo("999999");
	}
}
