package vn.xaso.meetings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.meetings.internal.HearingSpeakers;
import vn.xaso.meetings.internal.InvitingMembers;
import vn.xaso.meetings.internal.ReadingMeetings;
import vn.xaso.meetings.internal.RunningMeeting;
import vn.xaso.meetings.internal.SchedulingMeeting;
import vn.xaso.meetings.internal.TakingAttendance;
import vn.xaso.meetings.internal.Voting;
import vn.xaso.meetings.internal.WritingMinutes;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Meetings of Xã Yên Mô built through the use cases, with the demo officials as clerk, chair, secretary and members. */
public final class MeetingsFixture {

	public static final String YEN_MO = "14701";
	public static final OfficialPrincipal CLERK = official("yenmo.vanthu", "Vũ Thị Mai", Role.CLERK);
	public static final OfficialPrincipal CHAIR = official("yenmo.chutich", "Đinh Văn Hùng", Role.LEADER);
	public static final OfficialPrincipal SECRETARY = official("yenmo.tuphap", "Trần Văn Minh", Role.SPECIALIST);
	public static final OfficialPrincipal VILLAGE_HEAD = official("yenmo.truongthon", "Hoàng Văn Bình", Role.VILLAGE_HEAD);
	public static final OfficialPrincipal TEAM = official("yenmo.congnghe", "Lê Văn Tú", Role.COMMUNITY_TEAM);
	public static final OfficialPrincipal ONE_STOP = official("yenmo.motcua", "Nguyễn Thị Lan", Role.ONE_STOP);
	public static final OfficialPrincipal ADMIN = official("yenmo.admin", "Phạm Thị Hương", Role.ADMIN);

	final SchedulingMeeting scheduling;
	final InvitingMembers inviting;
	final TakingAttendance attendance;
	final RunningMeeting running;
	final Voting voting;
	final WritingMinutes minutes;
	final AssigningTasks tasks;
	final ReadingMeetings reading;
	final HearingSpeakers speakers;

	public MeetingsFixture(ApplicationContext context) {
		scheduling = context.getBean(SchedulingMeeting.class);
		inviting = context.getBean(InvitingMembers.class);
		attendance = context.getBean(TakingAttendance.class);
		running = context.getBean(RunningMeeting.class);
		voting = context.getBean(Voting.class);
		minutes = context.getBean(WritingMinutes.class);
		tasks = context.getBean(AssigningTasks.class);
		reading = context.getBean(ReadingMeetings.class);
		speakers = context.getBean(HearingSpeakers.class);
	}

	static OfficialPrincipal official(String username, String name, Role role) {
		return new OfficialPrincipal(0, username, name, YEN_MO, "Xã Yên Mô", Set.of(role), UnitScope.of(YEN_MO));
	}

	/** The secretary (yenmo.tuphap) has no personal signing identity in the demo: gives one, as an administrator would. */
	public static void secretarySignature(vn.xaso.signing.SigningIdentities identities) {
		yenMo(() -> {
			if (identities.list(YEN_MO).stream().noneMatch(i -> i.active() && SECRETARY.username().equals(i.officialUsername()))) {
				identities.generate(YEN_MO, ADMIN.username(), vn.xaso.signing.SigningIdentity.HolderKind.OFFICIAL, SECRETARY.fullName(),
						SECRETARY.username(), "UBND Xã Yên Mô", vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			}
			return null;
		});
	}

	public static <T> T yenMo(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), work::get);
	}

	/**
	 * A people's committee meeting with one agenda item, invitations sent — the Giấy mời drafted by the clerk, signed by
	 * the chair, released with its number by the clerk: chair, secretary, village head, team, one-stop (5 members).
	 */
	public long invited(String title) {
		return yenMo(() -> {
			long id = scheduling.schedule(CLERK, new SchedulingMeeting.Input("COMMITTEE", title, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
					"23:30", "Phòng họp UBND xã", CHAIR.username(), SECRETARY.username(),
					List.of(VILLAGE_HEAD.username(), TEAM.username(), ONE_STOP.username())));
			scheduling.addItem(CLERK, id, "Kế hoạch chuyển đổi số năm 2027", "Trần Văn Minh");
			send(id);
			return id;
		});
	}

	/** The Giấy mời through the documents module's path: drafted and submitted, signed by the chair, released by the clerk. */
	public String send(long meetingId) {
		return yenMo(() -> {
			inviting.prepare(CLERK, meetingId);
			inviting.approve(CHAIR, meetingId, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			return inviting.invite(CLERK, meetingId, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
		});
	}

	public long item(long meetingId) {
		return yenMo(() -> reading.page(CLERK, meetingId).items().getFirst().id());
	}

	/** Marks these members present (by the secretary) and opens the meeting. */
	public void open(long meetingId, OfficialPrincipal... present) {
		yenMo(() -> {
			for (var p : present) {
				attendance.mark(SECRETARY, meetingId, p.username(), true);
			}
			running.open(CHAIR, meetingId);
			return null;
		});
	}

	public long vote(long meetingId, String rule, boolean secret) {
		return yenMo(() -> voting.open(CHAIR, meetingId, item(meetingId),
				new Voting.Input("Thông qua kế hoạch chuyển đổi số năm 2027", secret ? "true" : null, rule, "")));
	}

	public void cast(OfficialPrincipal who, long meetingId, long voteId, int choice) {
		yenMo(() -> {
			voting.cast(who, meetingId, voteId, String.valueOf(choice));
			return null;
		});
	}

	public Vote.Result close(long meetingId, long voteId) {
		return yenMo(() -> voting.close(CHAIR, meetingId, voteId));
	}

	public Vote vote(long meetingId, long voteId) {
		return yenMo(() -> reading.page(CLERK, meetingId).votes().stream().filter(v -> v.id() == voteId).findFirst().orElseThrow());
	}

	/** A small real PDF of one page. */
	public static byte[] pdf(String text) {
		return vn.xaso.platform.render.HtmlPdf.render("<html><body><p>" + text + "</p></body></html>");
	}
}
