package vn.xaso.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.party.internal.HoldingCellMeetings;
import vn.xaso.party.internal.KeepingLibrary;
import vn.xaso.party.internal.OrganisingParty;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The party module through its use cases on the shared application: each member sees only their own cell, the
 * committee every cell, a non-member (the commune's administrator) nothing — in code and, under it, in PostgreSQL's
 * row-level security; the secretary's duties; the library found without diacritics; read marks once; notes private.
 */
@XasoIntegrationTest
class PartyTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	PartyFixture f;
	long yenHoa;
	String tag;

	@BeforeEach
	void organisation() {
		f = new PartyFixture(context);
		yenHoa = f.yenHoa();
		tag = String.valueOf(System.nanoTime() % 1_000_000);
	}

	@Test
	void eachMemberSeesTheirOwnCellTheCommitteeEveryCellAnAdministratorNothing() {
		long other = f.organising.createCell(PartyFixture.COMMITTEE, "Chi bộ thôn Đồng Tâm " + tag);
		long theirs = f.holding.schedule(PartyFixture.COMMITTEE, other, new HoldingCellMeetings.Input("THEMATIC", "Chuyên đề " + tag,
				java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "20:00", "Nhà văn hóa thôn Đồng Tâm", ""));
		long ours = f.meeting("Sinh hoạt tháng " + tag);

		assertThat(f.reading.meeting(PartyFixture.COMMITTEE, theirs).cell().id()).isEqualTo(other);
		assertThat(f.reading.meeting(PartyFixture.COMMITTEE, ours).manager()).isTrue();
		assertThat(f.reading.meeting(PartyFixture.MEMBER, ours).manager()).isFalse();
		assertThat(f.reading.home(PartyFixture.SECRETARY).cells()).extracting(c -> c.id()).containsExactly(yenHoa);
		assertThat(f.reading.home(PartyFixture.COMMITTEE).cells()).extracting(c -> c.id()).contains(yenHoa, other);
		assertThat(key(() -> f.reading.meeting(PartyFixture.SECRETARY, theirs))).isEqualTo("party.error.noMeeting");
		assertThat(key(() -> f.reading.cell(PartyFixture.MEMBER, other))).isEqualTo("party.error.noCell");
		assertThat(key(() -> f.holding.schedule(PartyFixture.SECRETARY, other, new HoldingCellMeetings.Input("MONTHLY", "Không được",
				java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "20:00", "Nơi khác", ""))))
			.isEqualTo("party.error.noCell");
		for (Supplier<?> read : java.util.List.<Supplier<?>>of(() -> f.reading.home(PartyFixture.NOT_MEMBER),
				() -> f.reading.meeting(PartyFixture.NOT_MEMBER, ours), () -> f.reading.cell(PartyFixture.NOT_MEMBER, yenHoa),
				() -> f.library.search(PartyFixture.NOT_MEMBER, ""), () -> f.studying.page(PartyFixture.NOT_MEMBER),
				() -> f.notes.mine(PartyFixture.NOT_MEMBER))) {
			assertThat(key(read)).isEqualTo("party.error.notMember");
		}
		assertThat(f.membership.of(PartyFixture.NOT_MEMBER)).isEmpty();
		assertThat(f.membership.of(PartyFixture.SECRETARY)).hasValueSatisfying(m -> assertThat(m.secretary()).isTrue());
	}

	@Test
	void rowLevelSecurityHidesPartyRowsFromAnyTransactionWithoutThePartyScope() {
		long meeting = f.meeting("Sinh hoạt RLS " + tag);
		long note = f.notes.write(PartyFixture.MEMBER, meeting, "Ghi chép riêng " + tag);
		// The commune's own scope, as any other module's statement (or an administrator's page) would run: nothing.
		assertThat(yenMo(null, () -> count("party_meeting", meeting))).isZero();
		assertThat(yenMo(null, () -> count("party_note", note))).isZero();
		assertThat(yenMo(null, () -> jdbc.sql("select count(*) from party_member where cell_id = ?").param(yenHoa)
			.query(Integer.class).single())).isZero();
		// The cell's scope sees the meeting, and only its member's own scope the note (not even the whole commune's).
		assertThat(yenMo(String.valueOf(yenHoa), () -> count("party_meeting", meeting))).isOne();
		assertThat(yenMo("*", () -> count("party_note", note))).isZero();
		// Writing without the scope is refused by PostgreSQL itself.
		assertThatThrownBy(() -> yenMo(null, () -> jdbc.sql("""
				insert into party_cell (unit_code, name, created_by) values ('14701', ?, 'x')""").param("Lọt " + tag).update()))
			.rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void theSecretaryManagesTheCellOnlyTheCommitteeGivesDuties() {
		assertThat(key(() -> f.organising.addMember(PartyFixture.MEMBER, yenHoa,
				new OrganisingParty.NewMember("yenmo.congnghe", "Lê Văn Tú", false, false)))).isEqualTo("party.error.secretaryOnly");
		assertThat(key(() -> f.organising.addMember(PartyFixture.SECRETARY, yenHoa,
				new OrganisingParty.NewMember("yenmo.congnghe", "Lê Văn Tú", true, false)))).isEqualTo("party.error.committeeOnly");
		assertThat(key(() -> f.organising.addMember(PartyFixture.SECRETARY, yenHoa,
				new OrganisingParty.NewMember("khong.co.ai", "Lê Văn Tú", false, false)))).isEqualTo("party.error.account");
		// the committee member is in another cell: a secretary cannot move him into theirs
		assertThat(key(() -> f.organising.addMember(PartyFixture.SECRETARY, yenHoa,
				new OrganisingParty.NewMember("yenmo.chutich", "Đinh Văn Hùng", false, false)))).isEqualTo("party.error.otherCell");
		assertThat(key(() -> f.organising.createCell(PartyFixture.SECRETARY, "Chi bộ mới " + tag))).isEqualTo("party.error.committeeOnly");
		assertThat(key(() -> f.organising.createCell(PartyFixture.COMMITTEE, PartyFixture.YEN_HOA.toUpperCase()))).isEqualTo("party.error.cellTwice");
		assertThat(key(() -> f.organising.setUp(PartyFixture.ADMIN, new OrganisingParty.SetUp("Chi bộ khác", "yenmo.admin", "Phạm Thị Hương"))))
			.isEqualTo("party.error.alreadySetUp");
		long meeting = f.meeting("Sinh hoạt có tài liệu " + tag);
		assertThat(key(() -> f.holding.addMaterial(PartyFixture.SECRETARY, meeting, "Ảnh", "không phải pdf".getBytes()))).isEqualTo("party.error.fileNotPdf");
		assertThat(key(() -> f.holding.addMaterial(PartyFixture.MEMBER, meeting, "Dự thảo", PartyFixture.pdf("x")))).isEqualTo("party.error.secretaryOnly");
	}

	@Test
	void theLibraryIsFoundWithoutDiacriticsStudyMarksCountOnceNotesStayPrivate() {
		var title = "Nghị quyết về chuyển đổi số trong Đảng bộ " + tag;
		long id = f.library.file(PartyFixture.COMMITTEE, new KeepingLibrary.Input("RESOLUTION", "12-NQ/ĐU", title, "2026-03-02",
				"Đẩy mạnh ứng dụng công nghệ số"), PartyFixture.pdf("Nghị quyết"));
		assertThat(f.library.search(PartyFixture.MEMBER, "chuyen doi so dang bo " + tag)).extracting(d -> d.id()).containsExactly(id);
		assertThat(f.library.search(PartyFixture.MEMBER, "12-nq/du " + tag)).extracting(d -> d.id()).containsExactly(id);
		assertThat(f.library.read(PartyFixture.MEMBER, id).pdf()).startsWith("%PDF-".getBytes());
		assertThat(key(() -> f.library.file(PartyFixture.SECRETARY, new KeepingLibrary.Input("DIRECTIVE", "1", "Không được", "2026-01-01", ""),
				PartyFixture.pdf("x")))).isEqualTo("party.error.committeeOnly");

		long study = f.studying.add(PartyFixture.SECRETARY, "Tài liệu học tập " + tag, false, PartyFixture.pdf("Học tập"));
		int unread = f.reading.home(PartyFixture.MEMBER).unread();
		assertThat(f.studying.markRead(PartyFixture.MEMBER, study)).isTrue();
		assertThat(f.studying.markRead(PartyFixture.MEMBER, study)).isFalse();
		assertThat(f.reading.home(PartyFixture.MEMBER).unread()).isEqualTo(unread - 1);
		assertThat(f.studying.page(PartyFixture.SECRETARY).materials()).filteredOn(s -> s.id() == study)
			.singleElement().satisfies(s -> {
				assertThat(s.readBy()).isOne();
				assertThat(s.readByMe()).isFalse();
			});

		long note = f.notes.write(PartyFixture.MEMBER, null, "Cần hỏi thêm về nghị quyết " + tag);
		assertThat(f.notes.mine(PartyFixture.MEMBER)).extracting(n -> n.id()).contains(note);
		assertThat(f.notes.mine(PartyFixture.COMMITTEE)).extracting(n -> n.id()).doesNotContain(note);
		assertThat(f.notes.mine(PartyFixture.SECRETARY)).extracting(n -> n.id()).doesNotContain(note);
	}

	private <T> T yenMo(String cells, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(PartyFixture.YEN_MO), () -> tx.execute(s -> {
			if (cells != null) {
				jdbc.sql("select set_config('app.party_cells', ?, true)").param(cells).query(String.class).single();
			}
			return work.get();
		}));
	}

	private int count(String table, long id) {
		return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Integer.class).single();
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
