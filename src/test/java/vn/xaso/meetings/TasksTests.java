package vn.xaso.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.meetings.MeetingsFixture.CHAIR;
import static vn.xaso.meetings.MeetingsFixture.CLERK;
import static vn.xaso.meetings.MeetingsFixture.ONE_STOP;
import static vn.xaso.meetings.MeetingsFixture.TEAM;
import static vn.xaso.meetings.MeetingsFixture.VILLAGE_HEAD;
import static vn.xaso.meetings.MeetingsFixture.yenMo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.demo.DemoData;
import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.meetings.internal.DirectingTasks;
import vn.xaso.meetings.internal.TaskReminders;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Tasks given directly (issue 19): a leader gives a task to a team with a deadline in working days, a priority and a
 * document of the register; "my tasks" puts high priority first; only the assignee and the organisers read a task;
 * progress with a photo checked by its content; the reminders go once each; the leader's list filters by priority and
 * overdue; over HTTP the form shows the dates and a double submit makes one task.
 */
@XasoIntegrationTest
class TasksTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	WorkingCalendar calendar;

	@LocalServerPort
	int port;

	private DirectingTasks directing() {
		return context.getBean(DirectingTasks.class);
	}

	private AssigningTasks tasks() {
		return context.getBean(AssigningTasks.class);
	}

	private static String unique(String text) {
		return text + " " + Long.toString(System.nanoTime(), 36);
	}

	private static String key(Runnable action) {
		try {
			action.run();
		}
		catch (MeetingsException e) {
			return e.key();
		}
		throw new AssertionError("not refused");
	}

	private <T> T sql(java.util.function.Function<JdbcClient, T> work) {
		return yenMo(() -> tx.execute(s -> work.apply(jdbc)));
	}

	private int count(String query, Object... params) {
		return sql(j -> j.sql(query).params(params).query(Integer.class).single());
	}

	private int notices(String dedupeKey) {
		return sql(j -> j.sql("select count(*) from notify_delivery where dedupe_key = ?").param(dedupeKey).query(Integer.class).single());
	}

	@Test
	void aLeaderGivesATaskToATeamAndMyTasksPutsHighPriorityFirst() {
		var d = directing();
		var title = unique("Rà soát hộ chưa có VNeID");
		var team = List.of("yenmo.truongthon", "yenmo.congnghe");
		// refusals change nothing
		assertThat(key(() -> yenMo(() -> d.give(VILLAGE_HEAD, new DirectingTasks.Input(title, null, team, "3", "HIGH", null)))))
			.isEqualTo("meetings.error.organiserOnly");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, team, "0", "HIGH", null)))))
			.isEqualTo("meetings.error.workingDays");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, team, "3", "URGENT", null)))))
			.isEqualTo("meetings.error.priority");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, List.of(), "3", "HIGH", null)))))
			.isEqualTo("meetings.error.assignees");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, List.of("nga-an.nobody"), "3", "HIGH", null)))))
			.isEqualTo("meetings.error.assignee");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, team, "3", "HIGH", "999999999")))))
			.isEqualTo("meetings.error.taskDocument");
		assertThat(count("select count(*) from meeting_task where text = ?", title)).isZero();

		var document = yenMo(() -> d.choices(CHAIR)).documents().stream().findFirst().map(c -> String.valueOf(c.id())).orElse(null);
		long first = yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, "Mỗi thôn báo số hộ trước thứ Sáu", team, "3", "HIGH", document)));
		var page = yenMo(() -> tasks().task(VILLAGE_HEAD, first));
		assertThat(page.task().deadline()).isEqualTo(calendar.addWorkingDays(page.today(), 3));
		assertThat(page.task().priority()).isEqualTo("HIGH");
		assertThat(page.task().fromMeeting()).isFalse();
		assertThat(page.task().details()).isEqualTo("Mỗi thôn báo số hộ trước thứ Sáu");
		assertThat(page.teammates()).containsExactly("Lê Văn Tú");
		assertThat(page.mine()).isTrue();
		if (document != null) {
			assertThat(page.task().documentId()).isEqualTo(Long.parseLong(document));
		}
		long second = yenMo(() -> tasks().mine(TEAM)).stream().filter(t -> t.text().equals(title)).findFirst().orElseThrow().id();
		assertThat(yenMo(() -> tasks().task(TEAM, second)).task().teamId()).isEqualTo(first);
		assertThat(notices("meeting-task-" + first)).isEqualTo(1);
		assertThat(notices("meeting-task-" + second)).isEqualTo(1);

		// a low-priority task due sooner still comes after the high one
		var low = unique("Dọn vệ sinh nhà văn hóa");
		long lowId = yenMo(() -> d.give(CLERK, new DirectingTasks.Input(low, null, List.of("yenmo.truongthon"), "1", "LOW", null)));
		var mine = yenMo(() -> tasks().mine(VILLAGE_HEAD)).stream().map(MeetingTask::id).toList();
		assertThat(mine.indexOf(first)).isNotNegative().isLessThan(mine.indexOf(lowId));

		// who reads a task: its assignee and the organisers; another official of the commune gets "not found"
		assertThat(yenMo(() -> tasks().task(CLERK, first)).mine()).isFalse();
		assertThat(key(() -> yenMo(() -> tasks().task(ONE_STOP, first)))).isEqualTo("meetings.error.noTask");
		assertThat(key(() -> yenMo(() -> tasks().task(TEAM, first)))).as("a teammate reads their own task, not this one")
			.isEqualTo("meetings.error.noTask");
		assertThat(key(() -> yenMo(() -> {
			tasks().progress(CHAIR, first, "Chủ tịch báo thay");
			return null;
		}))).isEqualTo("meetings.error.noTask");

		// the leader's list: by priority, and overdue only
		var high = yenMo(() -> d.list(CHAIR, "HIGH", false)).tasks().stream().map(MeetingTask::id).toList();
		assertThat(high).contains(first, second).doesNotContain(lowId);
		sql(j -> j.sql("update meeting_task set deadline = deadline - 40 where id = ?").param(lowId).update());
		var overdue = yenMo(() -> d.list(CHAIR, null, true));
		assertThat(overdue.tasks()).extracting(MeetingTask::id).contains(lowId).doesNotContain(first);
		assertThat(overdue.tasks()).allMatch(t -> t.overdue(overdue.today()));
		assertThat(key(() -> yenMo(() -> d.list(VILLAGE_HEAD, null, false)))).isEqualTo("meetings.error.organiserOnly");

		// what the overview's per-person and per-village counts link: one person's tasks, one village's officials' tasks
		var ofHead = yenMo(() -> d.list(CHAIR, null, false, "yenmo.truongthon", null));
		assertThat(ofHead.tasks()).extracting(MeetingTask::id).contains(first, lowId).doesNotContain(second);
		assertThat(ofHead.tasks()).allMatch(t -> t.assignee().equals("yenmo.truongthon"));
		assertThat(ofHead.about()).isEqualTo("Hoàng Văn Bình");
		var officials = yenMo(() -> d.choices(CHAIR)).officials();
		var headVillage = officials.stream().filter(o -> o.username().equals("yenmo.truongthon")).findFirst().orElseThrow().villageCode();
		assertThat(headVillage).as("the demo village head serves a village").isNotNull();
		var serving = officials.stream().filter(o -> headVillage.equals(o.villageCode())).map(o -> o.username()).toList();
		var ofVillage = yenMo(() -> d.list(CHAIR, null, false, null, headVillage));
		assertThat(ofVillage.tasks()).extracting(MeetingTask::id).contains(first);
		assertThat(ofVillage.tasks()).allMatch(t -> serving.contains(t.assignee()));
		var ofCommune = yenMo(() -> d.list(CHAIR, null, true, null, DirectingTasks.COMMUNE));
		assertThat(ofCommune.tasks()).extracting(MeetingTask::id).doesNotContain(first, lowId);
		assertThat(ofCommune.tasks()).allMatch(t -> t.overdue(ofCommune.today()));
		assertThat(yenMo(() -> d.list(CHAIR, null, false, "nobody.here", null)).tasks()).isEmpty();
		assertThat(yenMo(() -> tasks().overview(CHAIR)).villages()).extracting(AssigningTasks.VillageLoad::filter).contains(headVillage);
	}

	@Test
	void remindersGoOnceTheWorkingDayBeforeAndOnceWhenOverdue() {
		var d = directing();
		var reminders = context.getBean(TaskReminders.class);
		var day = calendar.addWorkingDays(calendar.today(), 0); // a working day
		long due = yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(unique("Nộp báo cáo tháng"), null, List.of("yenmo.truongthon"), "5", "NORMAL", null)));
		long late = yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(unique("Kiểm tra loa thôn"), null, List.of("yenmo.truongthon"), "5", "NORMAL", null)));
		long later = yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(unique("Tổng hợp ý kiến"), null, List.of("yenmo.truongthon"), "5", "NORMAL", null)));
		sql(j -> j.sql("update meeting_task set deadline = ? where id = ?").params(java.sql.Date.valueOf(calendar.addWorkingDays(day, 1)), due).update());
		sql(j -> j.sql("update meeting_task set deadline = ? where id = ?").params(java.sql.Date.valueOf(day.minusDays(2)), late).update());
		reminders.remindOn(day);
		reminders.remindOn(day);
		assertThat(notices("meeting-task-" + due + "-due")).isEqualTo(1);
		assertThat(notices("meeting-task-" + due + "-overdue")).isZero();
		assertThat(notices("meeting-task-" + late + "-overdue")).isEqualTo(1);
		assertThat(notices("meeting-task-" + late + "-overdue-giver")).as("the chairman who gave it, once").isEqualTo(1);
		assertThat(notices("meeting-task-" + due + "-overdue-giver")).isZero();
		assertThat(notices("meeting-task-" + later + "-due") + notices("meeting-task-" + later + "-overdue")).as("not due yet").isZero();
		assertThat(count("select count(*) from meeting_task where id in (?, ?) and (reminded_due_at is not null or reminded_overdue_at is not null)",
				due, late)).isEqualTo(2);
		// the day after the deadline the due task is overdue: its second (and last) reminder
		reminders.remindOn(calendar.addWorkingDays(day, 1).plusDays(1));
		reminders.remindOn(calendar.addWorkingDays(day, 1).plusDays(1));
		assertThat(notices("meeting-task-" + due + "-overdue")).isEqualTo(1);
		assertThat(notices("meeting-task-" + late + "-overdue")).isEqualTo(1);
		// a task done is not reminded
		yenMo(() -> {
			tasks().done(VILLAGE_HEAD, later, null);
			return null;
		});
		assertThat(notices("meeting-task-" + later + "-done-giver")).as("the chairman told it is done, once").isEqualTo(1);
		assertThat(key(() -> yenMo(() -> {
			tasks().done(VILLAGE_HEAD, later, null);
			return null;
		}))).isEqualTo("meetings.error.taskDone");
		assertThat(notices("meeting-task-" + later + "-done-giver")).isEqualTo(1);
		reminders.remindOn(day.plusDays(60));
		assertThat(notices("meeting-task-" + later + "-overdue")).isZero();
		assertThat(notices("meeting-task-" + due + "-overdue-giver")).isEqualTo(1);
	}

	@Test
	void aConclusionOfSignedMinutesBecomesADirectTaskLinkedToItsMeetingAndNeverTwiceByAccident() {
		var f = new MeetingsFixture(context);
		var title = unique("Họp giao ban chuyển đổi số");
		long meeting = f.invited(title);
		f.open(meeting, CHAIR, MeetingsFixture.SECRETARY, VILLAGE_HEAD, TEAM);
		long item = f.item(meeting);
		var conclusion = unique("Các thôn rà soát hộ chưa có tài khoản định danh");
		yenMo(() -> {
			context.getBean(vn.xaso.meetings.internal.RunningMeeting.class).conclude(CHAIR, meeting, item, conclusion);
			return null;
		});
		var d = directing();
		var task = unique("Rà soát định danh thôn Đông");
		// the minutes are not signed yet: not offered, refused
		assertThat(yenMo(() -> d.choices(CHAIR)).conclusions()).noneMatch(c -> c.itemId() == item);
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(task, null, List.of("yenmo.truongthon"), "3", "NORMAL", null,
				String.valueOf(item), false))))).isEqualTo("meetings.error.taskConclusion");
		sql(j -> j.sql("insert into meeting_minutes (meeting_id, unit_code, pdf, drafted_by, chair_signed_at, secretary_signed_at)"
				+ " values (?, ?, ?, 'yenmo.tuphap', now(), now())").params(meeting, MeetingsFixture.YEN_MO, MeetingsFixture.pdf("Biên bản")).update());
		var offered = yenMo(() -> d.choices(CLERK)).conclusions().stream().filter(c -> c.itemId() == item).findFirst().orElseThrow();
		assertThat(offered.meeting()).isEqualTo(title);
		assertThat(offered.text()).isEqualTo(conclusion);
		assertThat(offered.tasked()).isFalse();
		long id = yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(task, null, List.of("yenmo.truongthon"), "3", "HIGH", null,
				String.valueOf(item), false)));
		var page = yenMo(() -> tasks().task(VILLAGE_HEAD, id));
		assertThat(page.task().fromMeeting()).isTrue();
		assertThat(page.task().meetingId()).isEqualTo(meeting);
		assertThat(page.task().meetingTitle()).isEqualTo(title);
		assertThat(page.task().priority()).isEqualTo("HIGH");
		// the form now says so; a second task from it needs the box ticked
		assertThat(yenMo(() -> d.choices(CHAIR)).conclusions()).filteredOn(c -> c.itemId() == item).singleElement()
			.matches(DirectingTasks.ConclusionChoice::tasked);
		var again = unique("Rà soát định danh thôn Tây");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(again, null, List.of("yenmo.congnghe"), "3", "NORMAL", null,
				String.valueOf(item), false))))).isEqualTo("meetings.error.conclusionTasked");
		assertThat(count("select count(*) from meeting_task where text = ?", again)).isZero();
		yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(again, null, List.of("yenmo.congnghe"), "3", "NORMAL", null, String.valueOf(item), true)));
		assertThat(count("select count(*) from meeting_task where item_id = ?", item)).isEqualTo(2);
		// over HTTP: the form lists it marked, the task page links the meeting
		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		assertThat(clerk.get("/meetings/tasks/new").body()).contains(conclusion).contains("(đã giao việc)");
		assertThat(clerk.get("/meetings/tasks/" + id).body()).contains("href=\"/meetings/" + meeting + "\"");
	}

	@Test
	void aNamedTeamGetsOneTaskEveryMemberSeesAndReportsOnAndTheOverviewFiltersByIt() {
		var teams = context.getBean(vn.xaso.meetings.internal.ManagingTeams.class);
		var d = directing();
		var name = unique("Ban chỉ đạo chuyển đổi số");
		var members = List.of("yenmo.truongthon", "yenmo.congnghe");
		assertThat(key(() -> yenMo(() -> teams.create(VILLAGE_HEAD, name, members)))).isEqualTo("meetings.error.organiserOnly");
		assertThat(key(() -> yenMo(() -> teams.create(CHAIR, name, List.of())))).isEqualTo("meetings.error.teamMembers");
		assertThat(key(() -> yenMo(() -> teams.create(CHAIR, "x", members)))).isEqualTo("meetings.error.teamName");
		assertThat(key(() -> yenMo(() -> teams.create(CHAIR, name, List.of("nobody.here"))))).isEqualTo("meetings.error.assignee");
		assertThat(count("select count(*) from meeting_team where name = ?", name)).isZero();
		long team = yenMo(() -> teams.create(CHAIR, name, members));
		assertThat(key(() -> yenMo(() -> teams.create(CLERK, " " + name + " ", members)))).isEqualTo("meetings.error.teamExists");
		assertThat(yenMo(() -> d.choices(CLERK)).teams()).filteredOn(t -> t.id() == team).singleElement()
			.satisfies(t -> assertThat(t.members()).containsExactlyInAnyOrder("Hoàng Văn Bình", "Lê Văn Tú"));

		var title = unique("Hướng dẫn người dân cài VNeID");
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, List.of("yenmo.motcua"), "5", "NORMAL", null, null, false,
				String.valueOf(team)))))).isEqualTo("meetings.error.teamOrPeople");
		long id = yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(title, null, List.of(), "5", "NORMAL", null, null, false, String.valueOf(team))));
		assertThat(count("select count(*) from meeting_task where text = ?", title)).as("one task for the team").isEqualTo(1);
		assertThat(notices("meeting-task-" + id + "-yenmo.truongthon")).isEqualTo(1);
		assertThat(notices("meeting-task-" + id + "-yenmo.congnghe")).isEqualTo(1);
		assertThat(yenMo(() -> tasks().mine(VILLAGE_HEAD))).extracting(MeetingTask::id).contains(id);
		assertThat(yenMo(() -> tasks().mine(TEAM))).extracting(MeetingTask::id).contains(id);
		assertThat(key(() -> yenMo(() -> tasks().task(ONE_STOP, id)))).isEqualTo("meetings.error.noTask");

		// one progress line for the team, with who reported; done once by any member
		yenMo(() -> {
			tasks().progress(VILLAGE_HEAD, id, "Đã hướng dẫn 20 hộ thôn Đông");
			return null;
		});
		var page = yenMo(() -> tasks().task(TEAM, id));
		assertThat(page.mine()).isTrue();
		assertThat(page.teammates()).containsExactlyInAnyOrder("Hoàng Văn Bình", "Lê Văn Tú");
		assertThat(page.progress()).singleElement().satisfies(p -> assertThat(p.by()).isEqualTo("Hoàng Văn Bình"));
		yenMo(() -> {
			tasks().done(TEAM, id, null);
			return null;
		});
		assertThat(key(() -> yenMo(() -> {
			tasks().done(VILLAGE_HEAD, id, null);
			return null;
		}))).isEqualTo("meetings.error.taskDone");
		assertThat(notices("meeting-task-" + id + "-done-giver")).isEqualTo(1);

		// the overview filters by the team
		var ofTeam = yenMo(() -> d.list(CHAIR, null, false, "team:" + team, null));
		assertThat(ofTeam.tasks()).extracting(MeetingTask::id).containsExactly(id);
		assertThat(ofTeam.about()).isEqualTo(name);

		// members changed: who left no longer sees the team's tasks; archived: no new task, no change
		yenMo(() -> {
			teams.members(CLERK, team, List.of("yenmo.truongthon"));
			return null;
		});
		assertThat(yenMo(() -> tasks().mine(TEAM))).extracting(MeetingTask::id).doesNotContain(id);
		yenMo(() -> {
			teams.archive(CHAIR, team);
			return null;
		});
		assertThat(yenMo(() -> d.choices(CHAIR)).teams()).noneMatch(t -> t.id() == team);
		assertThat(key(() -> yenMo(() -> d.give(CHAIR, new DirectingTasks.Input(unique("Việc mới"), null, List.of(), "5", "NORMAL", null, null, false,
				String.valueOf(team)))))).isEqualTo("meetings.error.taskTeam");
		assertThat(key(() -> yenMo(() -> {
			teams.members(CLERK, team, members);
			return null;
		}))).isEqualTo("meetings.error.teamArchived");
		assertThat(yenMo(() -> tasks().mine(VILLAGE_HEAD))).extracting(MeetingTask::id).contains(id);

		// over HTTP: a double submit of the team form makes one team; the pages list it
		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		assertThat(clerk.get("/meetings/teams").body()).contains(name).contains("Đã lưu trữ");
		var other = unique("Tổ công nghệ số thôn Đông");
		var body = Map.of("name", other, "members", "yenmo.congnghe");
		var one = clerk.post("/meetings/teams", body);
		var two = clerk.post("/meetings/teams", body);
		assertThat(one.statusCode()).isEqualTo(302);
		assertThat(two.headers().firstValue("Location")).isEqualTo(one.headers().firstValue("Location"));
		assertThat(count("select count(*) from meeting_team where name = ?", other)).isEqualTo(1);
		assertThat(clerk.get(one.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body()).contains(other).contains("Lê Văn Tú");
		assertThat(clerk.get("/meetings/tasks/new").body()).contains(other);
		assertThat(new WebSession(port).signInOfficial("yenmo.truongthon", DemoData.PASSWORD).get("/meetings/teams").statusCode()).isEqualTo(403);
	}

	@Test
	void progressWithAPhotoCheckedByItsContent() {
		long id = yenMo(() -> directing().give(CHAIR, new DirectingTasks.Input(unique("Sửa đường ống nước"), null, List.of("yenmo.truongthon"), "2", "HIGH", null)));
		assertThat(key(() -> yenMo(() -> {
			tasks().progress(VILLAGE_HEAD, id, "Ảnh hiện trường", "không phải ảnh".getBytes());
			return null;
		}))).isEqualTo("meetings.error.photoKind");
		assertThat(yenMo(() -> tasks().task(VILLAGE_HEAD, id)).progress()).isEmpty();
		yenMo(() -> {
			tasks().progress(VILLAGE_HEAD, id, "Đã thay xong đoạn ống", jpeg(2400, 1200));
			return null;
		});
		var progress = yenMo(() -> tasks().task(CHAIR, id)).progress();
		assertThat(progress).singleElement().matches(AssigningTasks.Progress::photo);
		long pid = progress.getFirst().id();
		var full = image(yenMo(() -> tasks().photo(CHAIR, id, pid, false)));
		assertThat(Math.max(full.getWidth(), full.getHeight())).as("re-encoded at most 1600 px").isEqualTo(1600);
		assertThat(image(yenMo(() -> tasks().photo(VILLAGE_HEAD, id, pid, true))).getWidth()).isLessThanOrEqualTo(320);
		assertThat(key(() -> yenMo(() -> tasks().photo(ONE_STOP, id, pid, true)))).isEqualTo("meetings.error.noTask");
	}

	@Test
	void theFormShowsTheDatesAndADoubleSubmitGivesOneTask() {
		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		var form = clerk.get("/meetings/tasks/new").body();
		assertThat(form).contains("Giao việc").contains("3 ngày làm việc: hạn "
				+ calendar.addWorkingDays(calendar.today(), 3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		var bad = clerk.post("/meetings/tasks", Map.of("title", "x", "assignees", "yenmo.truongthon", "workingDays", "3"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Việc cần làm cần từ 3 đến 1.000 ký tự.");
		var title = unique("Treo băng rôn tuyên truyền");
		clerk.get("/meetings/tasks/new");
		var body = Map.of("title", title, "assignees", "yenmo.truongthon", "workingDays", "4", "priority", "HIGH");
		var one = clerk.post("/meetings/tasks", body);
		var two = clerk.post("/meetings/tasks", body);
		assertThat(one.statusCode()).isEqualTo(302);
		assertThat(two.headers().firstValue("Location")).isEqualTo(one.headers().firstValue("Location"));
		assertThat(count("select count(*) from meeting_task where text = ?", title)).isEqualTo(1);
		var head = new WebSession(port).signInOfficial("yenmo.truongthon", DemoData.PASSWORD);
		assertThat(head.get("/meetings/tasks").body()).contains(title).contains("Ưu tiên cao");
		assertThat(clerk.get("/meetings/tasks/overview?priority=HIGH").body()).contains(title);
		assertThat(clerk.get("/meetings/tasks/overview?priority=LOW").body()).doesNotContain(title);
		assertThat(clerk.get("/meetings/tasks/overview").body()).contains("href=\"/meetings/tasks/overview?assignee=yenmo.truongthon#all-tasks\"")
			.contains("/meetings/tasks/overview?village=");
		assertThat(clerk.get("/meetings/tasks/overview?assignee=yenmo.truongthon").body()).contains(title).contains("Việc của: Hoàng Văn Bình");
		assertThat(clerk.get("/meetings/tasks/overview?assignee=yenmo.congnghe").body()).doesNotContain(title);
		assertThat(head.get("/meetings/tasks/new").statusCode()).isEqualTo(403);
	}

	@Test
	void tasksDoneOnTimeAndLateFeedTheCommuneAndProvinceCountersAsTheTablesRecountThem() {
		var metrics = List.of(vn.xaso.meetings.internal.TaskMetrics.DONE, vn.xaso.meetings.internal.TaskMetrics.DONE_ON_TIME);
		var facts = context.getBean(vn.xaso.insights.internal.Facts.class);
		var source = context.getBean(vn.xaso.meetings.internal.TaskMetrics.class);
		var units = context.getBean(vn.xaso.units.Units.class);
		var province = units.tree().provinceOf(MeetingsFixture.YEN_MO);
		var communes = units.communesOf(province);
		long onTime = yenMo(() -> directing().give(CHAIR, new DirectingTasks.Input(unique("Báo cáo đúng hạn"), null, List.of("yenmo.truongthon"), "3", "NORMAL", null)));
		long late = yenMo(() -> directing().give(CHAIR, new DirectingTasks.Input(unique("Báo cáo trễ hạn"), null, List.of("yenmo.truongthon"), "3", "NORMAL", null)));
		sql(j -> j.sql("update meeting_task set deadline = deadline - 40 where id = ?").param(late).update());
		var day = java.time.LocalDate.now(vn.xaso.platform.metrics.MetricEvent.VIETNAM);
		var recountBefore = recount(source, day, List.of(MeetingsFixture.YEN_MO));
		yenMo(() -> {
			tasks().done(VILLAGE_HEAD, onTime, null);
			tasks().done(VILLAGE_HEAD, late, "Xong muộn");
			return null;
		});
		var recountAfter = recount(source, day, List.of(MeetingsFixture.YEN_MO));
		assertThat(recountAfter.getOrDefault(metrics.get(0), 0L) - recountBefore.getOrDefault(metrics.get(0), 0L)).isGreaterThanOrEqualTo(2);
		assertThat(recountAfter.getOrDefault(metrics.get(1), 0L) - recountBefore.getOrDefault(metrics.get(1), 0L)).isGreaterThanOrEqualTo(1);
		// the kept counters (applied asynchronously) equal the recount, for the commune and rolled up to its province
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
			var table = recount(source, day, List.of(MeetingsFixture.YEN_MO));
			var kept = vn.xaso.platform.tenancy.Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.systemWide(),
					() -> facts.sums(List.of(MeetingsFixture.YEN_MO), metrics, day, day));
			for (var m : metrics) {
				assertThat(kept.getOrDefault(m, 0L)).as("Yên Mô " + m).isEqualTo(table.getOrDefault(m, 0L));
			}
			var provinceTable = recount(source, day, communes);
			var rolled = vn.xaso.platform.tenancy.Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.systemWide(),
					() -> facts.rollups(List.of(province), metrics, day, day)).getOrDefault(province, Map.of());
			for (var m : metrics) {
				assertThat(rolled.getOrDefault(m, 0L)).as("the province " + m).isEqualTo(provinceTable.getOrDefault(m, 0L));
			}
		});
	}

	private java.util.Map<String, Long> recount(vn.xaso.meetings.internal.TaskMetrics source, java.time.LocalDate day,
			java.util.Collection<String> communes) {
		var sums = new java.util.TreeMap<String, Long>();
		vn.xaso.platform.tenancy.Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.systemWide(),
				() -> tx.execute(s -> source.recount(day, day))).stream()
			.filter(c -> communes.contains(c.unitCode()))
			.forEach(c -> sums.merge(c.metric(), c.value(), Long::sum));
		return sums;
	}

	/** A JPEG of the given size in pixels. */
	static byte[] jpeg(int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.ORANGE);
		g.fillRect(0, 0, width / 2, height / 2);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static BufferedImage image(byte[] jpeg) {
		try {
			return ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
