package vn.xaso.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.identity.Citizens;
import vn.xaso.party.internal.HoldingCellMeetings;
import vn.xaso.party.internal.KeepingRecords;
import vn.xaso.party.internal.OrganisingParty;
import vn.xaso.party.internal.PartyReminders;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 19's remaining e-handbook part through the use cases on the shared application: cells of a units village and
 * the organisation's name; members' records (checked input, masked card number in lists, full record read only by the
 * secretary, the committee and the member, each read audited by id); moves between cells with history; reminders
 * through notify the day before a meeting (once; once more when the meeting moves) and to a secretary whose cell has no
 * monthly meeting by the 5th. Every row this class makes carries its own tag (members are citizens with new phones).
 */
@XasoIntegrationTest
class PartyRecordsTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Villages villages;

	@Autowired
	Citizens citizens;

	@Autowired
	KeepingRecords records;

	@Autowired
	PartyReminders reminders;

	PartyFixture f;
	long yenHoa;
	String tag;

	@BeforeEach
	void organisation() {
		f = new PartyFixture(context);
		yenHoa = f.yenHoa();
		tag = String.valueOf(System.nanoTime() % 100_000_000);
	}

	@Test
	void theCommitteeTiesCellsToVillagesAndNamesTheOrganisation() {
		var village = Tenancy.callAs(UnitScope.of(PartyFixture.YEN_MO), () -> villages.create(PartyFixture.YEN_MO, "Chi Bộ " + tag, "Thôn"));
		assertThat(key(() -> f.organising.createCell(PartyFixture.COMMITTEE, "Chi bộ thôn lạ " + tag, "99999-99"))).isEqualTo("party.error.village");
		assertThat(key(() -> f.organising.createCell(PartyFixture.SECRETARY, "Chi bộ thôn " + tag, village.code())))
			.isEqualTo("party.error.committeeOnly");
		long cell = f.organising.createCell(PartyFixture.COMMITTEE, "Chi bộ thôn " + tag, village.code());
		assertThat(f.reading.home(PartyFixture.COMMITTEE).cells()).filteredOn(c -> c.id() == cell).singleElement()
			.satisfies(c -> assertThat(c.village()).isEqualTo(village.fullName()));
		assertThat(f.reading.cell(PartyFixture.COMMITTEE, cell).villages()).extracting(v -> v.code()).contains(village.code());
		// a cell made before (no village) stays valid; the committee picks one, then none again; a secretary cannot
		assertThat(f.reading.cell(PartyFixture.SECRETARY, yenHoa).villages()).isEmpty();
		assertThat(key(() -> { f.organising.setVillage(PartyFixture.SECRETARY, yenHoa, village.code()); return null; }))
			.isEqualTo("party.error.committeeOnly");
		f.organising.setVillage(PartyFixture.COMMITTEE, cell, "");
		assertThat(f.reading.cell(PartyFixture.COMMITTEE, cell).cell().village()).isNull();
		f.organising.setVillage(PartyFixture.COMMITTEE, cell, village.code());
		assertThat(f.reading.cell(PartyFixture.COMMITTEE, cell).cell().villageCode()).isEqualTo(village.code());

		assertThat(key(() -> { f.organising.nameOrganisation(PartyFixture.SECRETARY, "Đảng bộ xã Yên Mô"); return null; }))
			.isEqualTo("party.error.committeeOnly");
		assertThat(key(() -> { f.organising.nameOrganisation(PartyFixture.COMMITTEE, " x "); return null; })).isEqualTo("party.error.organisation");
		f.organising.nameOrganisation(PartyFixture.COMMITTEE, "Đảng bộ xã Yên Mô");
		assertThat(f.reading.home(PartyFixture.MEMBER).organisation()).isEqualTo("Đảng bộ xã Yên Mô");
	}

	@Test
	void aMembersRecordIsCheckedMaskedInListsReadOnlyByTheirSecretaryTheCommitteeAndThemselfAndMovedWithHistory() {
		var phone = "09" + String.format("%08d", Long.parseLong(tag));
		long memberId = f.organising.addMember(PartyFixture.SECRETARY, yenHoa, new OrganisingParty.NewMember(phone, "Lò Văn Hồ " + tag, false, false));
		var self = PartyCaller.citizen(citizens.ensure(phone, "Lò Văn Hồ " + tag));
		var today = LocalDate.now(VIETNAM);
		// bad input: a specific refusal each, nothing changed
		for (var bad : java.util.Map.of(
				new KeepingRecords.Input(today.plusDays(1).toString(), null, null, null, null), "party.error.futureDate",
				new KeepingRecords.Input("2010-05-19", "2009-05-19", null, null, null), "party.error.officialBeforeAdmitted",
				new KeepingRecords.Input(null, null, "12345", null, null), "party.error.cardNumber",
				new KeepingRecords.Input(null, null, "1234567890123", null, null), "party.error.cardNumber",
				new KeepingRecords.Input(null, null, "12ab5678", null, null), "party.error.cardNumber",
				new KeepingRecords.Input("2010-13-40", null, null, null, null), "party.error.recordDate",
				new KeepingRecords.Input(null, null, null, String.valueOf(today.getYear()), null), "party.error.birthYear",
				new KeepingRecords.Input(null, null, null, null, "12"), "party.error.phone").entrySet()) {
			assertThat(key(() -> { records.update(PartyFixture.SECRETARY, yenHoa, memberId, bad.getKey()); return null; }))
				.isEqualTo(bad.getValue());
		}
		assertThat(records.read(PartyFixture.SECRETARY, yenHoa, memberId).record().admittedOn()).isNull();
		assertThat(key(() -> { records.update(PartyFixture.MEMBER, yenHoa, memberId, new KeepingRecords.Input(null, null, "123456", null, null));
			return null; })).isEqualTo("party.error.secretaryOnly");

		records.update(PartyFixture.SECRETARY, yenHoa, memberId, new KeepingRecords.Input("2010-05-19", "2011-05-19", "00931234", "1980",
				"0912 345 678"));
		var listed = f.reading.cell(PartyFixture.MEMBER, yenHoa).members().stream().filter(m -> m.id() == memberId).findFirst().orElseThrow();
		assertThat(listed.card()).isEqualTo("\u2022\u2022\u2022\u2022 1234");
		assertThat(listed.toString()).doesNotContain("00931234", "1980", "0912345678");

		var seen = records.read(self, yenHoa, memberId).record();
		assertThat(seen.cardNumber()).isEqualTo("00931234");
		assertThat(seen.officialOn()).isEqualTo(LocalDate.parse("2011-05-19"));
		assertThat(seen.birthYear()).isEqualTo(1980);
		assertThat(seen.phone()).isEqualTo("0912345678");
		assertThat(records.read(PartyFixture.COMMITTEE, yenHoa, memberId).manager()).isTrue();
		assertThat(records.read(self, yenHoa, memberId).manager()).isFalse();
		assertThat(key(() -> records.read(PartyFixture.MEMBER, yenHoa, memberId))).isEqualTo("party.error.recordOnly");
		assertThat(key(() -> records.read(PartyFixture.NOT_MEMBER, yenHoa, memberId))).isEqualTo("party.error.notMember");
		// every read audited by id, without personal data
		var reads = yenMo(() -> jdbc.sql("""
				select coalesce(after_summary, '') || ' ' || actor from audit_entry where unit_code = ? and action = 'party.member.read'
				and object_id = ?""").params(PartyFixture.YEN_MO, String.valueOf(memberId)).query(String.class).list());
		assertThat(reads).hasSize(4).noneMatch(r -> r.contains("00931234") || r.contains("1980") || r.contains("0912345678"));

		long other = f.organising.createCell(PartyFixture.COMMITTEE, "Chi bộ thôn Chuyển Đến " + tag);
		assertThat(key(() -> { records.move(PartyFixture.SECRETARY, yenHoa, memberId, other); return null; })).isEqualTo("party.error.committeeOnly");
		assertThat(key(() -> { records.move(PartyFixture.COMMITTEE, yenHoa, memberId, yenHoa); return null; })).isEqualTo("party.error.moveTo");
		records.move(PartyFixture.COMMITTEE, yenHoa, memberId, other);
		assertThat(f.reading.home(self).cells()).extracting(c -> c.id()).containsExactly(other);
		assertThat(key(() -> f.reading.cell(self, yenHoa))).isEqualTo("party.error.noCell");
		assertThat(key(() -> records.read(PartyFixture.SECRETARY, other, memberId))).isEqualTo("party.error.noCell");
		assertThat(records.read(self, other, memberId).record().moves()).singleElement().satisfies(m -> {
			assertThat(m.fromCell()).isEqualTo(PartyFixture.YEN_HOA);
			assertThat(m.toCell()).isEqualTo("Chi bộ thôn Chuyển Đến " + tag);
			assertThat(m.on()).isEqualTo(today);
		});
	}

	@Test
	void membersAreRemindedTheDayBeforeOnceAndOnceMoreWhenTheMeetingMovesSecretariesWhenNoMonthlyMeetingByTheFifth() {
		long cell = f.organising.createCell(PartyFixture.COMMITTEE, "Chi bộ thôn Nhắc Lịch " + tag);
		var phone = "08" + String.format("%08d", Long.parseLong(tag));
		long secretary = f.organising.addMember(PartyFixture.COMMITTEE, cell, new OrganisingParty.NewMember(phone, "Hà Thị Nhắc " + tag, true, false));
		var day = LocalDate.now(VIETNAM).plusDays(3);
		long meeting = f.holding.schedule(PartyFixture.COMMITTEE, cell, new HoldingCellMeetings.Input("THEMATIC", "Chuyên đề mật " + tag,
				day.toString(), "19:30", "Nhà văn hóa " + tag, "Nội dung mật " + tag));
		var prefix = "party-meeting-" + meeting + "-%-member-" + secretary;
		reminders.remindOn(day.minusDays(2));
		assertThat(notices(prefix)).isZero();
		reminders.remindOn(day.minusDays(1));
		reminders.remindOn(day.minusDays(1));
		assertThat(keys(prefix)).hasSize(1);
		assertThat(texts(prefix)).allSatisfy(t -> assertThat(t).contains("19:30", "Nhà văn hóa " + tag, day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : String.valueOf(day.getDayOfMonth()))
			.doesNotContain("Chuyên đề mật", "Nội dung mật"));
		// moved an hour later: reminded once more
		inCell(cell, () -> jdbc.sql("update party_meeting set starts_at = starts_at + interval '1 hour' where id = ?").param(meeting).update());
		reminders.remindOn(day.minusDays(1));
		reminders.remindOn(day.minusDays(1));
		assertThat(keys(prefix)).hasSize(2);
		assertThat(texts(prefix)).anySatisfy(t -> assertThat(t).contains("20:30"));

		// a month without a monthly meeting: the secretary, once, from the 5th on; a month with one: nothing
		var month = LocalDate.now(VIETNAM).withDayOfMonth(1).plusMonths(2);
		var monthly = "party-monthly-" + cell + "-" + month + "-member-" + secretary;
		reminders.remindOn(month.withDayOfMonth(4));
		assertThat(notices(monthly)).isZero();
		reminders.remindOn(month.withDayOfMonth(5));
		reminders.remindOn(month.withDayOfMonth(6));
		assertThat(keys(monthly)).hasSize(1);
		var next = month.plusMonths(1);
		f.holding.schedule(PartyFixture.COMMITTEE, cell, new HoldingCellMeetings.Input("MONTHLY", "Sinh hoạt tháng " + tag,
				next.withDayOfMonth(20).toString(), "19:30", "Nhà văn hóa " + tag, ""));
		reminders.remindOn(next.withDayOfMonth(5));
		assertThat(notices("party-monthly-" + cell + "-" + next + "-member-" + secretary)).isZero();
	}

	private int notices(String keyPattern) {
		return keys(keyPattern).size();
	}

	private java.util.List<String> keys(String keyPattern) {
		return yenMo(() -> jdbc.sql("select distinct dedupe_key from notify_delivery where unit_code = ? and dedupe_key like ?")
			.params(PartyFixture.YEN_MO, keyPattern).query(String.class).list());
	}

	private java.util.List<String> texts(String keyPattern) {
		return yenMo(() -> jdbc.sql("select subject || ' ' || body || ' ' || short_text from notify_delivery where unit_code = ? and dedupe_key like ?")
			.params(PartyFixture.YEN_MO, keyPattern).query(String.class).list());
	}

	private <T> T yenMo(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(PartyFixture.YEN_MO), () -> tx.execute(s -> work.get()));
	}

	private void inCell(long cell, Runnable work) {
		yenMo(() -> {
			jdbc.sql("select set_config('app.party_cells', ?, true)").param(String.valueOf(cell)).query(String.class).single();
			work.run();
			return null;
		});
	}

	private static String key(Supplier<?> call) {
		try {
			call.get();
		}
		catch (PartyException e) {
			return e.key();
		}
		throw new AssertionError("not refused");
	}
}
