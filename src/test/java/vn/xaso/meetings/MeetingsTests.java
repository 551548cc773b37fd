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
import vn.xaso.notify.Notifications;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
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
		// The secretary (yenmo.tuphap) has no personal signing identity in the demo: give one, as an administrator would.
		yenMo(() -> {
			if (identities.list(MeetingsFixture.YEN_MO).stream().noneMatch(i -> i.active() && "yenmo.tuphap".equals(i.officialUsername()))) {
				identities.generate(MeetingsFixture.YEN_MO, "yenmo.admin", SigningIdentity.HolderKind.OFFICIAL, "Trần Văn Minh", "yenmo.tuphap",
						"UBND Xã Yên Mô", DemoData.SIGNING_PASSWORD.toCharArray());
			}
			return null;
		});
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

	private int ballots(long voteId) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from meeting_ballot where vote_id = ?").param(voteId).query(Integer.class).single()));
	}

	@Test
	void invitationsAreAGiayMoiDraftInTheRegisterAndAMessageToEveryInvitee(@Autowired Documents documents,
			@Autowired Notifications notifications) {
		var f = f();
		long id = f.invited("Họp UBND tháng 12");
		var page = yenMo(() -> f.reading.page(CLERK, id));
		assertThat(page.meeting().status()).isEqualTo(Meeting.Status.INVITED);
		assertThat(page.invitees()).extracting(Meeting.Invitee::username)
			.containsExactlyInAnyOrder("yenmo.chutich", "yenmo.tuphap", "yenmo.truongthon", "yenmo.congnghe", "yenmo.motcua");
		var clerk = Actor.of(CLERK);
		var document = yenMo(() -> documents.find(clerk, page.meeting().invitationDocumentId()).orElseThrow());
		assertThat(document.type()).isEqualTo(DocumentType.GIAY_MOI);
		assertThat(document.summary()).contains("Họp UBND tháng 12");
		assertThat(document.body()).contains("Phòng họp UBND xã").contains("Kế hoạch chuyển đổi số năm 2027");
		var keys = page.invitees().stream().map(i -> "meeting-" + id + "-invite-" + i.username()).toList();
		assertThat(yenMo(() -> notifications.deliveries(MeetingsFixture.YEN_MO, keys)).keySet()).containsExactlyInAnyOrderElementsOf(keys);
		// invited once: a second invitation is refused and drafts nothing more
		assertThat(refusal(() -> yenMo(() -> f.inviting.invite(CLERK, id)))).contains("đã được gửi");
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
	void minutesAreSignedBySecretaryAndChairAndPdfsigAcceptsBoth() throws Exception {
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
		var pdf = yenMo(() -> f.minutes.pdf(VILLAGE_HEAD, id)).orElseThrow();
		var text = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf));
		assertThat(text).contains("BIÊN BẢN").contains("Họp có biên bản").contains("Hoàng Văn Bình: có mặt").contains("Nguyễn Thị Lan: vắng mặt")
			.contains("Thông qua kế hoạch; giao trưởng thôn").contains("Kết quả: thông qua").contains("Rà soát danh sách hộ");
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
		yenMo(() -> {
			f.tasks.done(VILLAGE_HEAD, task, "Đã vận động 12 hộ");
			return null;
		});
		assertThat(refusal(() -> yenMo(() -> {
			f.tasks.done(VILLAGE_HEAD, task, null);
			return null;
		}))).contains("đã được báo xong");
		assertThat(yenMo(() -> context.getBean(Meetings.class).openTasks(MeetingsFixture.YEN_MO, "yenmo.truongthon")))
			.noneMatch(t -> t.id() == task);
	}
}
