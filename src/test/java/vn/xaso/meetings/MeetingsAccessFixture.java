package vn.xaso.meetings;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.security.AccessControlFixture;

/**
 * A closed meeting of Yên Mô for the rules in meetings.tsv: an item with a PDF, a speaker's ended turn, a closed vote, an archived named team,
 * minutes signed by the chair, a task of the village head already done, and the village head's check-in token — every
 * step on them is refused, so the harness changes nothing.
 */
public class MeetingsAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var f = new MeetingsFixture(context);
		long id = f.invited("Họp kiểm soát truy cập " + System.nanoTime() % 100000);
		long item = f.item(id);
		var jdbc = context.getBean(JdbcClient.class);
		var tx = context.getBean(TransactionTemplate.class);
		return MeetingsFixture.yenMo(() -> {
			long file = f.scheduling.addFile(MeetingsFixture.CLERK, id, item, "Dự thảo kế hoạch", MeetingsFixture.pdf("Dự thảo"));
			f.open(id, MeetingsFixture.CHAIR, MeetingsFixture.SECRETARY, MeetingsFixture.VILLAGE_HEAD, MeetingsFixture.TEAM);
			f.speakers.request(MeetingsFixture.VILLAGE_HEAD, id, item);
			f.speakers.next(MeetingsFixture.CHAIR, id, item);
			long speaker = f.speakers.of(MeetingsFixture.CLERK, id).getFirst().id();
			f.speakers.end(MeetingsFixture.CHAIR, id, speaker, "Đề nghị hỗ trợ thêm điện thoại cho hộ nghèo");
			long vote = f.vote(id, "SIMPLE", false);
			f.cast(MeetingsFixture.CHAIR, id, vote, 0);
			f.close(id, vote);
			long task = f.tasks.assign(MeetingsFixture.CHAIR, id, item, new AssigningTasks.Input("yenmo.truongthon", "Rà soát danh sách hộ", "5"));
			f.tasks.progress(MeetingsFixture.VILLAGE_HEAD, task, "Ảnh hiện trường", TasksTests.jpeg(40, 30));
			long photo = f.tasks.task(MeetingsFixture.VILLAGE_HEAD, task).progress().getFirst().id();
			f.tasks.done(MeetingsFixture.VILLAGE_HEAD, task, null);
			f.running.close(MeetingsFixture.CHAIR, id);
			f.minutes.draft(MeetingsFixture.CLERK, id);
			f.minutes.sign(MeetingsFixture.CHAIR, id, DemoData.SIGNING_PASSWORD.toCharArray());
			String token = tx.execute(s -> jdbc.sql("select checkin_token from meeting_invitee where meeting_id = ? and username = 'yenmo.truongthon'")
				.param(id).query(String.class).single());
			// an archived named team: changing its members or archiving it again is refused, so nothing changes
			var teams = context.getBean(vn.xaso.meetings.internal.ManagingTeams.class);
			long team = teams.create(MeetingsFixture.CLERK, "Tổ rà soát " + Long.toString(System.nanoTime(), 36), java.util.List.of("yenmo.truongthon"));
			teams.archive(MeetingsFixture.CLERK, team);
			String display = tx.execute(s -> jdbc.sql("select display_token from meeting where id = ?").param(id).query(String.class).single());
			return Map.of("{yenmo.meetingDisplay}", MeetingsFixture.YEN_MO + "/" + display, "{yenmo.meeting}", String.valueOf(id), "{yenmo.meetingItem}", String.valueOf(item), "{yenmo.meetingFile}",
					String.valueOf(file), "{yenmo.meetingVote}", String.valueOf(vote), "{yenmo.meetingTask}", String.valueOf(task),
					"{yenmo.meetingToken}", token, "{yenmo.meetingSpeaker}", String.valueOf(speaker), "{yenmo.meetingTaskPhoto}", String.valueOf(photo),
					"{yenmo.meetingTeam}", String.valueOf(team));
		});
	}
}
