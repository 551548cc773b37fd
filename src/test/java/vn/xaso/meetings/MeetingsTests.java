package vn.xaso.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.meetings.MeetingsFixture.CHAIR;
import static vn.xaso.meetings.MeetingsFixture.CLERK;
import static vn.xaso.meetings.MeetingsFixture.ONE_STOP;
import static vn.xaso.meetings.MeetingsFixture.SECRETARY;
import static vn.xaso.meetings.MeetingsFixture.TEAM;
import static vn.xaso.meetings.MeetingsFixture.VILLAGE_HEAD;
import static vn.xaso.meetings.MeetingsFixture.yenMo;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.meetings.internal.HearingSpeakers;
import vn.xaso.notify.Notifications;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SoftHsmToken;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The meetings use cases on the real database, documents, notify and signing: the invitation (a Giấy mời drafted in
 * the documents register, a message per invitee), one ballot per member and none after closing, the quorum and the
 * two-thirds rule counted on all members, secret ballots without voters, frozen results, agenda PDFs checked by content,
 * minutes signed by the secretary and the chair that pdfsig accepts, and a task done once.
 */
@XasoIntegrationTest
class MeetingsTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MessageSource messages;

	MeetingsFixture f() {
		return new MeetingsFixture(context);
	}

	@BeforeAll
	static void secretarySignature(@Autowired SigningIdentities identities) {
		MeetingsFixture.secretarySignature(identities);
	}

	private String refusal(Runnable action) {
		try {
			action.run();
		}
		catch (MeetingsException e) {
			return messages.getMessage(e.key(), e.args(), VI);
		}
		throw new AssertionError("not refused");
	}

	private static java.util.Map<String, Integer> sizes(java.util.Map<String, ? extends List<?>> deliveries) {
		var sizes = new java.util.TreeMap<String, Integer>();
		deliveries.forEach((key, list) -> sizes.put(key, list.size()));
		return sizes;
	}

	private int ballots(long voteId) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from meeting_ballot where vote_id = ?").param(voteId).query(Integer.class).single()));
	}

	@Test
	void theInvitationIsAGiayMoiNumberedAndSignedThroughTheRegisterBeforeAnyoneIsTold(@Autowired Documents documents,
			@Autowired Notifications notifications) {
		var f = f();
		long id = yenMo(() -> f.scheduling.schedule(CLERK, new vn.xaso.meetings.internal.SchedulingMeeting.Input("COMMITTEE",
				"Họp UBND tháng 12", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "23:30", "Phòng họp UBND xã",
				CHAIR.username(), SECRETARY.username(), List.of(VILLAGE_HEAD.username(), TEAM.username(), ONE_STOP.username()))));
		var clerk = Actor.of(CLERK);
		var password = DemoData.SIGNING_PASSWORD.toCharArray();
		assertThat(refusal(() -> yenMo(() -> f.inviting.prepare(CLERK, id)))).contains("ít nhất một nội dung họp");
		yenMo(() -> f.scheduling.addItem(CLERK, id, "Kế hoạch chuyển đổi số năm 2027", "Trần Văn Minh"));
		long documentId = yenMo(() -> f.inviting.prepare(CLERK, id));
		var keys = List.of(CHAIR, SECRETARY, VILLAGE_HEAD, TEAM, ONE_STOP).stream().map(p -> "meeting-" + id + "-invite-" + p.username()).toList();
		// drafted and submitted to the leader: not numbered, nobody told, and it cannot be released unsigned
		var submitted = yenMo(() -> documents.find(clerk, documentId).orElseThrow());
		assertThat(submitted.type()).isEqualTo(DocumentType.GIAY_MOI);
		assertThat(submitted.status()).isEqualTo(vn.xaso.documents.Document.SUBMITTED);
		assertThat(submitted.summary()).contains("Họp UBND tháng 12");
		assertThat(submitted.body()).contains("Phòng họp UBND xã").contains("Kế hoạch chuyển đổi số năm 2027");
		assertThat(refusal(() -> yenMo(() -> f.inviting.invite(CLERK, id, password)))).contains("chưa được lãnh đạo ký");
		assertThat(refusal(() -> yenMo(() -> f.inviting.prepare(CLERK, id)))).contains("đã được lập");
		// only a leader signs, with their own password
		assertThat(refusal(() -> yenMo(() -> {
			f.inviting.approve(CLERK, id, password);
			return null;
		}))).contains("Chỉ lãnh đạo");
		assertThat(refusal(() -> yenMo(() -> {
			f.inviting.approve(CHAIR, id, "sai-mat-khau".toCharArray());
			return null;
		}))).startsWith("Chưa xong bước này của giấy mời");
		assertThat(yenMo(() -> documents.find(clerk, documentId).orElseThrow()).status()).isEqualTo(vn.xaso.documents.Document.SUBMITTED);
		yenMo(() -> {
			f.inviting.approve(CHAIR, id, password);
			return null;
		});
		assertThat(yenMo(() -> notifications.deliveries(MeetingsFixture.YEN_MO, keys))).isEmpty();
		// only the clerk releases it with its number; then the meeting is invited and every invitee told
		assertThat(refusal(() -> yenMo(() -> f.inviting.invite(CHAIR, id, password)))).contains("Chỉ văn thư");
		var number = yenMo(() -> f.inviting.invite(CLERK, id, password));
		var released = yenMo(() -> documents.find(clerk, documentId).orElseThrow());
		assertThat(released.status()).isEqualTo(vn.xaso.documents.Document.RELEASED);
		assertThat(number).isEqualTo(released.numberSymbol()).matches("[0-9]+/GM-.+");
		assertThat(yenMo(() -> documents.signatures(clerk, documentId)).orElseThrow().leaderSignedBy()).isEqualTo("Đinh Văn Hùng");
		var page = yenMo(() -> f.reading.page(VILLAGE_HEAD, id));
		assertThat(page.meeting().status()).isEqualTo(Meeting.Status.INVITED);
		assertThat(page.meeting().invitationNumber()).isEqualTo(number);
		assertThat(page.invitees()).extracting(Meeting.Invitee::username)
			.containsExactlyInAnyOrder("yenmo.chutich", "yenmo.tuphap", "yenmo.truongthon", "yenmo.congnghe", "yenmo.motcua");
		var told = yenMo(() -> notifications.deliveries(MeetingsFixture.YEN_MO, keys));
		assertThat(told.keySet()).containsExactlyInAnyOrderElementsOf(keys);
		var perPerson = sizes(told);
		// told once: a second sending is refused and queues nothing more
		assertThat(refusal(() -> yenMo(() -> f.inviting.invite(CLERK, id, password)))).contains("đã được gửi");
		assertThat(sizes(yenMo(() -> notifications.deliveries(MeetingsFixture.YEN_MO, keys)))).isEqualTo(perPerson).doesNotContainValue(0);
		// only organisers prepare meetings
		assertThatThrownBy(() -> yenMo(() -> f.scheduling.addItem(VILLAGE_HEAD, id, "Việc khác", "Ai đó")))
			.isInstanceOf(MeetingsException.class).extracting("key").isEqualTo("meetings.error.organiserOnly");
		// an official who is not invited does not see it
		assertThatThrownBy(() -> yenMo(() -> f.reading.page(MeetingsFixture.ADMIN, id))).isInstanceOf(MeetingsException.class)
			.extracting("key").isEqualTo("meetings.error.noMeeting");
	}

	@Test
	void aMemberVotesOnceAndNothingIsCountedAfterTheVoteClosed() {
		var f = f();
		long id = f.invited("Họp biểu quyết một lần");
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, TEAM);
		long vote = f.vote(id, "SIMPLE", false);
		f.cast(VILLAGE_HEAD, id, vote, 0);
		assertThat(refusal(() -> f.cast(VILLAGE_HEAD, id, vote, 1))).contains("mỗi thành viên chỉ có một phiếu");
		assertThat(ballots(vote)).isEqualTo(1);
		// a member not checked in cannot vote
		assertThat(refusal(() -> f.cast(ONE_STOP, id, vote, 0))).contains("điểm danh");
		f.cast(CHAIR, id, vote, 0);
		f.cast(TEAM, id, vote, 0);
		assertThat(f.close(id, vote)).isEqualTo(Vote.Result.PASSED);
		assertThat(refusal(() -> f.cast(SECRETARY, id, vote, 0))).isEqualTo("Biểu quyết này đã kết thúc, không nhận thêm phiếu.");
		assertThat(refusal(() -> f.close(id, vote))).contains("đã kết thúc");
		assertThat(ballots(vote)).isEqualTo(3);
		var closed = f.vote(id, vote);
		assertThat(closed.counts()).containsExactly(3, 0, 0);
		assertThat(closed.present()).isEqualTo(4);
		// frozen: the application login may not change or remove a ballot
		assertThatThrownBy(() -> yenMo(() -> tx.execute(s -> jdbc.sql("update meeting_ballot set choice = 1 where vote_id = ?").param(vote).update())))
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> yenMo(() -> tx.execute(s -> jdbc.sql("delete from meeting_voter where vote_id = ?").param(vote).update())))
			.rootCause().hasMessageContaining("permission denied");
		// audited with the counts
		String audit = yenMo(() -> tx.execute(s -> jdbc.sql("select after_summary from audit_entry where action = 'meetings.vote.closed' and object_id = ?")
			.param(String.valueOf(vote)).query(String.class).single()));
		assertThat(audit).contains("Tán thành 3").contains("present 4/5").contains("PASSED");
	}

	@Test
	void twoThirdsAndQuorumAreCountedOnAllMembers() {
		var f = f();
		// 5 members: a people's committee meeting needs 4 present (two thirds); two thirds of 5 in favour is 4
		long thin = f.invited("Họp thiếu người");
		f.open(thin, CHAIR, SECRETARY, VILLAGE_HEAD);
		long noQuorum = f.vote(thin, "SIMPLE", false);
		for (var m : List.of(CHAIR, SECRETARY, VILLAGE_HEAD)) {
			f.cast(m, thin, noQuorum, 0);
		}
		assertThat(f.close(thin, noQuorum)).as("3 of 5 present, 4 needed").isEqualTo(Vote.Result.NO_QUORUM);

		long full = f.invited("Họp đủ người");
		f.open(full, CHAIR, SECRETARY, VILLAGE_HEAD, TEAM);
		long twoThirds = f.vote(full, "TWO_THIRDS", false);
		for (var m : List.of(CHAIR, SECRETARY, VILLAGE_HEAD)) {
			f.cast(m, full, twoThirds, 0);
		}
		f.cast(TEAM, full, twoThirds, 1);
		assertThat(f.close(full, twoThirds)).as("3 of 5 in favour: more than half, less than two thirds").isEqualTo(Vote.Result.FAILED);
		long simple = f.vote(full, "SIMPLE", false);
		for (var m : List.of(CHAIR, SECRETARY, VILLAGE_HEAD)) {
			f.cast(m, full, simple, 0);
		}
		assertThat(f.close(full, simple)).as("3 of 5: more than half").isEqualTo(Vote.Result.PASSED);
		long all = f.vote(full, "TWO_THIRDS", true);
		for (var m : List.of(CHAIR, SECRETARY, VILLAGE_HEAD, TEAM)) {
			f.cast(m, full, all, 0);
		}
		assertThat(f.close(full, all)).as("4 of 5 in favour").isEqualTo(Vote.Result.PASSED);
		// a secret ballot keeps no voter
		int named = yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from meeting_ballot where vote_id = ? and username is not null")
			.param(all).query(Integer.class).single()));
		assertThat(named).isZero();
		// the meeting cannot close while a vote is open
		long open = f.vote(full, "SIMPLE", false);
		assertThat(refusal(() -> yenMo(() -> {
			f.running.close(CHAIR, full);
			return null;
		}))).contains("Còn biểu quyết chưa kết thúc");
		f.close(full, open);
	}

	@Test
	void agendaFilesAreCheckedByContent() {
		var f = f();
		long id = f.invited("Họp có tài liệu");
		long item = f.item(id);
		assertThat(refusal(() -> yenMo(() -> f.scheduling.addFile(CLERK, id, item, "Ảnh", "GIF89a not a pdf".getBytes())))).contains("không phải PDF");
		assertThat(refusal(() -> yenMo(() -> f.scheduling.addFile(CLERK, id, item, "Hỏng", "%PDF-1.7 broken".getBytes())))).contains("hỏng");
		long file = yenMo(() -> f.scheduling.addFile(CLERK, id, item, "Dự thảo kế hoạch", MeetingsFixture.pdf("Dự thảo")));
		var read = yenMo(() -> f.reading.file(VILLAGE_HEAD, id, file));
		assertThat(new String(read.pdf(), 0, 5)).isEqualTo("%PDF-");
		assertThat(yenMo(() -> f.reading.page(VILLAGE_HEAD, id)).items().getFirst().files()).extracting(Meeting.File::pages).containsExactly(1);
	}

	@Test
	void minutesAreSignedBySecretaryAndChairAndPdfsigAcceptsBoth(@Autowired Notifications notifications) throws Exception {
		var f = f();
		long id = f.invited("Họp có biên bản");
		long item = f.item(id);
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, TEAM);
		long vote = f.vote(id, "TWO_THIRDS", false);
		for (var m : List.of(CHAIR, SECRETARY, VILLAGE_HEAD, TEAM)) {
			f.cast(m, id, vote, 0);
		}
		f.close(id, vote);
		assertThat(refusal(() -> yenMo(() -> {
			f.minutes.draft(SECRETARY, id);
			return null;
		}))).contains("sau khi cuộc họp kết thúc");
		yenMo(() -> {
			f.running.conclude(CHAIR, id, item, "Thông qua kế hoạch; giao trưởng thôn rà soát danh sách hộ.");
			f.tasks.assign(CHAIR, id, item, new AssigningTasks.Input("yenmo.truongthon", "Rà soát danh sách hộ chưa có điện thoại thông minh", "5"));
			f.running.close(CHAIR, id);
			f.minutes.draft(SECRETARY, id);
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.minutes.sign(VILLAGE_HEAD, id, DemoData.SIGNING_PASSWORD.toCharArray());
			return null;
		}))).contains("Chỉ người chủ trì và thư ký");
		// the secretary adds her own text before signing; nobody else edits the minutes
		assertThat(refusal(() -> yenMo(() -> {
			f.minutes.edit(CHAIR, id, "Ý kiến khác");
			return null;
		}))).contains("Chỉ thư ký");
		yenMo(() -> {
			f.minutes.edit(SECRETARY, id, "Ông Hoàng Văn Bình đề nghị hỗ trợ thêm điện thoại cho hộ nghèo.\nCác thành viên thống nhất.");
			return null;
		});
		var keys = List.of(CHAIR, SECRETARY, VILLAGE_HEAD, TEAM, ONE_STOP).stream().map(p -> "meeting-" + id + "-minutes-" + p.username()).toList();
		assertThat(refusal(() -> yenMo(() -> {
			f.minutes.sign(CHAIR, id, "sai-mat-khau".toCharArray());
			return null;
		}))).startsWith("Chưa ký được");
		yenMo(() -> {
			f.minutes.sign(SECRETARY, id, DemoData.SIGNING_PASSWORD.toCharArray());
			f.minutes.sign(CHAIR, id, DemoData.SIGNING_PASSWORD.toCharArray());
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.minutes.draft(SECRETARY, id);
			return null;
		}))).contains("đã được ký");
		assertThat(refusal(() -> yenMo(() -> {
			f.minutes.edit(SECRETARY, id, "Sửa sau khi ký");
			return null;
		}))).contains("đã được ký");
		// signed by both: every invitee is sent the minutes, once
		assertThat(yenMo(() -> notifications.deliveries(MeetingsFixture.YEN_MO, keys)).keySet()).containsExactlyInAnyOrderElementsOf(keys);
		assertThat(yenMo(() -> f.minutes.state(id)).orElseThrow().publishedAt()).isNotNull();
		var pdf = yenMo(() -> f.minutes.pdf(VILLAGE_HEAD, id)).orElseThrow();
		var text = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf));
		assertThat(text).contains("BIÊN BẢN").contains("Họp có biên bản").contains("Hoàng Văn Bình: có mặt").contains("Nguyễn Thị Lan: vắng mặt")
			.contains("Thông qua kế hoạch; giao trưởng thôn").contains("Kết quả: thông qua").contains("Rà soát danh sách hộ")
			.contains("III. Nội dung khác").contains("đề nghị hỗ trợ thêm điện thoại cho hộ nghèo");
		var check = SoftHsmToken.pdfsig(pdf);
		assertThat(check).contains("Signature #1").contains("Signature #2").doesNotContain("Digest Mismatch");
		assertThat(check.split("Signature is Valid", -1)).hasSize(3);
		assertThat(yenMo(() -> f.minutes.state(id)).orElseThrow()).extracting("chairSigned", "secretarySigned").containsExactly(true, true);
	}

	@Test
	void theVillageHeadReportsATaskDoneOnce() {
		var f = f();
		long id = f.invited("Họp giao việc");
		long item = f.item(id);
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, TEAM);
		assertThat(refusal(() -> yenMo(() -> f.tasks.assign(CHAIR, id, item, new AssigningTasks.Input("yenmo.truongthon", "Việc", "0")))))
			.contains("ngày làm việc");
		long task = yenMo(() -> f.tasks.assign(CHAIR, id, item, new AssigningTasks.Input("yenmo.truongthon", "Vận động hộ dân cài VNeID", "3")));
		var mine = yenMo(() -> f.tasks.mine(VILLAGE_HEAD)).stream().filter(t -> t.id() == task).findFirst().orElseThrow();
		assertThat(mine.done()).isFalse();
		assertThat(mine.deadline()).isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		assertThat(refusal(() -> yenMo(() -> {
			f.tasks.done(TEAM, task, null);
			return null;
		}))).contains("Không tìm thấy việc");
		// progress from the phone: the assignee's own task only, a real note, shown on the task's page
		assertThat(refusal(() -> yenMo(() -> {
			f.tasks.progress(TEAM, task, "Đã làm một nửa");
			return null;
		}))).contains("Không tìm thấy việc");
		assertThat(refusal(() -> yenMo(() -> {
			f.tasks.progress(VILLAGE_HEAD, task, " x ");
			return null;
		}))).contains("Hãy ghi tiến độ");
		yenMo(() -> {
			f.tasks.progress(VILLAGE_HEAD, task, "Đã vận động 5 hộ ở xóm Đông");
			return null;
		});
		assertThat(yenMo(() -> f.tasks.task(VILLAGE_HEAD, task)).progress()).extracting(AssigningTasks.Progress::note)
			.containsExactly("Đã vận động 5 hộ ở xóm Đông");
		assertThatThrownBy(() -> yenMo(() -> f.tasks.task(TEAM, task))).isInstanceOf(MeetingsException.class).extracting("key").isEqualTo("meetings.error.noTask");
		yenMo(() -> {
			f.tasks.done(VILLAGE_HEAD, task, "Đã vận động 12 hộ");
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.tasks.progress(VILLAGE_HEAD, task, "Thêm 2 hộ");
			return null;
		}))).contains("đã được báo xong");
		assertThat(refusal(() -> yenMo(() -> {
			f.tasks.done(VILLAGE_HEAD, task, null);
			return null;
		}))).contains("đã được báo xong");
		assertThat(yenMo(() -> context.getBean(Meetings.class).openTasks(MeetingsFixture.YEN_MO, "yenmo.truongthon")))
			.noneMatch(t -> t.id() == task);
	}

	@Test
	void theLeadersOverviewShowsOverdueTasksPerPerson() {
		var f = f();
		long id = f.invited("Họp giao việc quá hạn");
		long item = f.item(id);
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, TEAM);
		long task = yenMo(() -> f.tasks.assign(CHAIR, id, item, new AssigningTasks.Input("yenmo.truongthon", "Báo cáo số hộ có điện thoại", "2")));
		var before = yenMo(() -> f.tasks.overview(CHAIR));
		assertThat(before.overdue()).noneMatch(t -> t.id() == task);
		// the deadline passed (as if two weeks went by)
		yenMo(() -> tx.execute(s -> jdbc.sql("update meeting_task set deadline = deadline - 30 where id = ?").param(task).update()));
		var overview = yenMo(() -> f.tasks.overview(CHAIR));
		assertThat(overview.overdue()).anyMatch(t -> t.id() == task && t.assignee().equals("yenmo.truongthon"));
		var head = overview.people().stream().filter(p -> p.username().equals("yenmo.truongthon")).findFirst().orElseThrow();
		assertThat(head.fullName()).isEqualTo("Hoàng Văn Bình");
		assertThat(head.overdue()).isPositive().isLessThanOrEqualTo(head.open());
		assertThat(yenMo(() -> f.tasks.task(VILLAGE_HEAD, task)).task().overdue(overview.today())).isTrue();
		// per village: the village head's tasks count for his village, not for the commune's officials
		var village = overview.villages().stream().filter(v -> v.village() != null && v.overdue() > 0).toList();
		assertThat(village).as("a village with an overdue task").isNotEmpty();
		assertThat(overview.villages().stream().mapToInt(AssigningTasks.VillageLoad::open).sum())
			.isEqualTo(overview.people().stream().mapToInt(AssigningTasks.PersonLoad::open).sum());
		// only organisers see everyone's tasks
		assertThatThrownBy(() -> yenMo(() -> f.tasks.overview(VILLAGE_HEAD))).isInstanceOf(MeetingsException.class).extracting("key").isEqualTo("meetings.error.organiserOnly");
		// reported done late: no longer overdue, counted as done late
		yenMo(() -> {
			f.tasks.done(VILLAGE_HEAD, task, "Đã báo cáo");
			return null;
		});
		var after = yenMo(() -> f.tasks.overview(CHAIR));
		assertThat(after.overdue()).noneMatch(t -> t.id() == task);
		assertThat(after.people().stream().filter(p -> p.username().equals("yenmo.truongthon")).findFirst().orElseThrow().doneLate()).isPositive();
		yenMo(() -> {
			f.running.close(CHAIR, id);
			return null;
		});
	}

	@Test
	void speakersTakeTheFloorInTurnAndTheirOpinionsGoIntoTheMinutes() throws Exception {
		var f = f();
		long id = f.invited("Họp có phát biểu");
		long item = f.item(id);
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD, TEAM);
		assertThat(refusal(() -> yenMo(() -> {
			f.speakers.request(ONE_STOP, id, item);
			return null;
		}))).contains("điểm danh");
		yenMo(() -> {
			f.speakers.request(VILLAGE_HEAD, id, item);
			f.speakers.request(TEAM, id, item);
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.speakers.request(VILLAGE_HEAD, id, item);
			return null;
		}))).contains("đã có tên");
		// only whoever runs the meeting gives the floor, to the first in line, one speaker at a time
		assertThat(refusal(() -> yenMo(() -> {
			f.speakers.next(TEAM, id, item);
			return null;
		}))).contains("Chỉ người chủ trì");
		yenMo(() -> {
			f.speakers.next(CHAIR, id, item);
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.speakers.next(CHAIR, id, item);
			return null;
		}))).contains("Đang có người phát biểu");
		var line = yenMo(() -> f.speakers.of(CLERK, id));
		assertThat(line).extracting(HearingSpeakers.Speaker::username, HearingSpeakers.Speaker::turn).containsExactly(
				org.assertj.core.groups.Tuple.tuple("yenmo.truongthon", HearingSpeakers.Turn.SPEAKING),
				org.assertj.core.groups.Tuple.tuple("yenmo.congnghe", HearingSpeakers.Turn.WAITING));
		var speaking = line.getFirst();
		assertThat(speaking.endsAt()).isEqualTo(speaking.startedAt().plusSeconds(180));
		assertThat(speaking.secondsLeft(speaking.startedAt().plusSeconds(60))).isEqualTo(120);
		assertThat(refusal(() -> yenMo(() -> {
			f.speakers.end(CHAIR, id, line.get(1).id(), "Chưa nói");
			return null;
		}))).contains("không đang phát biểu");
		yenMo(() -> {
			f.speakers.end(SECRETARY, id, speaking.id(), "Đề nghị xã hỗ trợ điện thoại cho 6 hộ nghèo.");
			f.speakers.next(CHAIR, id, item);
			f.speakers.end(CHAIR, id, line.get(1).id(), null);
			f.running.close(CHAIR, id);
			f.minutes.draft(SECRETARY, id);
			return null;
		});
		assertThat(yenMo(() -> f.speakers.of(CLERK, id))).extracting(HearingSpeakers.Speaker::turn).containsOnly(HearingSpeakers.Turn.DONE);
		var pdf = yenMo(() -> f.minutes.pdf(CLERK, id)).orElseThrow();
		var text = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf));
		assertThat(text.replaceAll("\\s+", " ")).contains("Ý kiến của Hoàng Văn Bình: Đề nghị xã hỗ trợ điện thoại cho 6 hộ nghèo.")
			.doesNotContain("Ý kiến của Lê Văn Tú");
		// closed: nobody asks to speak any more
		assertThat(refusal(() -> yenMo(() -> {
			f.speakers.request(TEAM, id, item);
			return null;
		}))).contains("không ở trạng thái đang họp");
	}

	@Test
	void aDelegateVotesOnceInTheInviteesSeatRecordedByTheSecretaryAndTheInviteeCannotVoteToo() {
		var f = f();
		long id = f.invited("Họp UBND có người dự thay " + Long.toString(System.nanoTime(), 36));
		yenMo(() -> {
			f.inviting.reply(TEAM, id, new vn.xaso.meetings.internal.InvitingMembers.Reply("DELEGATE", null, "Nguyễn Văn Dự", "Phó tổ công nghệ"));
			f.attendance.mark(SECRETARY, id, TEAM.username(), true, true);
			return null;
		});
		f.open(id, CHAIR, SECRETARY, VILLAGE_HEAD);
		long vote = f.vote(id, "SIMPLE", false);
		// the invitee whose seat the delegate holds cannot vote; an official not checked in by a delegate is no seat for one
		assertThat(refusal(() -> f.cast(TEAM, id, vote, 0))).contains("người dự thay biểu quyết thay anh/chị");
		assertThat(refusal(() -> yenMo(() -> {
			f.voting.castForDelegate(SECRETARY, id, vote, VILLAGE_HEAD.username(), "0");
			return null;
		}))).isEqualTo("Chọn một thành viên đã được điểm danh qua người dự thay.");
		assertThat(refusal(() -> yenMo(() -> {
			f.voting.castForDelegate(VILLAGE_HEAD, id, vote, TEAM.username(), "0");
			return null;
		}))).as("only whoever runs the meeting records it").isNotBlank();
		assertThat(ballots(vote)).isZero();
		yenMo(() -> {
			f.voting.castForDelegate(SECRETARY, id, vote, TEAM.username(), "1");
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.voting.castForDelegate(CHAIR, id, vote, TEAM.username(), "0");
			return null;
		}))).isEqualTo("Người dự thay Nguyễn Văn Dự đã biểu quyết thay Lê Văn Tú; mỗi thành viên chỉ có một phiếu.");
		assertThat(refusal(() -> f.cast(TEAM, id, vote, 0))).contains("người dự thay biểu quyết thay anh/chị");
		assertThat(ballots(vote)).isEqualTo(1);
		f.cast(CHAIR, id, vote, 0);
		f.cast(SECRETARY, id, vote, 0);
		f.cast(VILLAGE_HEAD, id, vote, 0);
		f.close(id, vote);
		var closed = f.vote(id, vote);
		assertThat(closed.counts()).containsExactly(3, 1, 0);
		assertThat(closed.present()).isEqualTo(4);
		assertThat(refusal(() -> yenMo(() -> {
			f.voting.castForDelegate(SECRETARY, id, vote, TEAM.username(), "0");
			return null;
		}))).isEqualTo("Biểu quyết này đã kết thúc, không nhận thêm phiếu.");
		assertThat(ballots(vote)).isEqualTo(4);
		assertThat((int) yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from audit_entry where action = 'meetings.vote.delegateBallot' and object_id = ?")
			.param(String.valueOf(vote)).query(Integer.class).single()))).isEqualTo(1);
	}
}
