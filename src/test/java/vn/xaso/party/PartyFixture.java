package vn.xaso.party;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.party.internal.HoldingCellMeetings;
import vn.xaso.party.internal.KeepingLibrary;
import vn.xaso.party.internal.KeepingNotes;
import vn.xaso.party.internal.OrganisingParty;
import vn.xaso.party.internal.ReadingParty;
import vn.xaso.party.internal.Studying;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The party organisation of Xã Yên Mô, built once per test run through the use cases (whichever test class comes
 * first): the administrator registers the chairman (yenmo.chutich) as the first committee member in the office cell;
 * he creates the cell of thôn Yên Hòa with the village head (yenmo.truongthon) as its secretary, who adds the justice
 * officer (yenmo.tuphap) and a citizen member in the village ({@link #CITIZEN_PHONE}). The administrator is no member.
 */
public final class PartyFixture {

	public static final String YEN_MO = "14701";
	public static final String CITIZEN_PHONE = "0977190019";
	public static final String YEN_HOA = "Chi bộ thôn Yên Hòa";
	public static final OfficialPrincipal ADMIN = official("yenmo.admin", "Phạm Thị Hương", Role.ADMIN);
	public static final PartyCaller COMMITTEE = PartyCaller.official(YEN_MO, "yenmo.chutich");
	public static final PartyCaller SECRETARY = PartyCaller.official(YEN_MO, "yenmo.truongthon");
	public static final PartyCaller MEMBER = PartyCaller.official(YEN_MO, "yenmo.tuphap");
	public static final PartyCaller NOT_MEMBER = PartyCaller.official(YEN_MO, "yenmo.admin");

	final OrganisingParty organising;
	final HoldingCellMeetings holding;
	final ReadingParty reading;
	final KeepingLibrary library;
	final Studying studying;
	final KeepingNotes notes;
	final PartyMembership membership;

	public PartyFixture(ApplicationContext context) {
		organising = context.getBean(OrganisingParty.class);
		holding = context.getBean(HoldingCellMeetings.class);
		reading = context.getBean(ReadingParty.class);
		library = context.getBean(KeepingLibrary.class);
		studying = context.getBean(Studying.class);
		notes = context.getBean(KeepingNotes.class);
		membership = context.getBean(PartyMembership.class);
	}

	static OfficialPrincipal official(String username, String name, Role role) {
		return new OfficialPrincipal(0, username, name, YEN_MO, "Xã Yên Mô", Set.of(role), UnitScope.of(YEN_MO));
	}

	/** The Yên Hòa cell's id, the organisation built first if this run has none yet. */
	public long yenHoa() {
		synchronized (PartyFixture.class) {
			var built = membership.of(SECRETARY);
			if (built.isPresent()) {
				return built.get().cellId();
			}
			if (organising.awaitingSetUp(ADMIN)) {
				organising.setUp(ADMIN, new OrganisingParty.SetUp("Chi bộ Cơ quan UBND xã", "yenmo.chutich", "Đinh Văn Hùng"));
			}
			long id = organising.createCell(COMMITTEE, YEN_HOA);
			organising.addMember(COMMITTEE, id, new OrganisingParty.NewMember("yenmo.truongthon", "Hoàng Văn Bình", true, false));
			organising.addMember(SECRETARY, id, new OrganisingParty.NewMember("yenmo.tuphap", "Trần Văn Minh", false, false));
			organising.addMember(SECRETARY, id, new OrganisingParty.NewMember(CITIZEN_PHONE, "Bùi Thị Nụ", false, false));
			return id;
		}
	}

	/** A monthly meeting of the Yên Hòa cell, scheduled by its secretary for tomorrow evening. */
	public long meeting(String title) {
		long c = yenHoa();
		return holding.schedule(SECRETARY, c, new HoldingCellMeetings.Input("MONTHLY", title,
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString(), "19:30", "Nhà văn hóa thôn Yên Hòa",
				"1. Kiểm điểm nghị quyết tháng.\n2. Phân công đảng viên phụ trách hộ."));
	}

	/** Whether the official member has marked the study material of that title read. */
	public boolean studyReadBy(String username, String title) {
		return studying.page(PartyCaller.official(YEN_MO, username)).materials().stream().filter(s -> s.title().equals(title))
			.anyMatch(s -> s.readByMe());
	}

	/** A small real PDF of one page. */
	public static byte[] pdf(String text) {
		return vn.xaso.platform.render.HtmlPdf.render("<html><body><p>" + text + "</p></body></html>");
	}
}
