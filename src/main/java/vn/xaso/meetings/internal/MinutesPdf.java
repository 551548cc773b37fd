package vn.xaso.meetings.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.Vote;
import vn.xaso.platform.render.HtmlPdf;
import vn.xaso.platform.render.Markup;
import vn.xaso.signing.SignatureAppearance;

/**
 * The minutes (biên bản) drafted from the record: time, place, chair and secretary, remote rooms, who was present and
 * who absent with their reasons, the quorum, each agenda item with its presenter, votes (counts, rule, result) and
 * conclusion, the tasks given; the last page holds the secretary's and the chair's signature places, where
 * {@link #SECRETARY_BOX} and {@link #CHAIR_BOX} put their signatures. An administrative paper: Vietnamese whatever the
 * reader's language.
 */
@Component
class MinutesPdf {

	/** The signature places on the last page (A4, PDF points from the lower-left corner), under the column headings. */
	static final SignatureAppearance.Box SECRETARY_BOX = new SignatureAppearance.Box(99, 625, 198, 90);
	static final SignatureAppearance.Box CHAIR_BOX = new SignatureAppearance.Box(325, 625, 198, 90);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd 'tháng' MM 'năm' yyyy");

	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final VoteTable votes;
	private final TaskTable tasks;

	MinutesPdf(MeetingTable meetings, InviteeTable invitees, ItemTable items, VoteTable votes, TaskTable tasks) {
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.votes = votes;
		this.tasks = tasks;
	}

	byte[] render(Meeting m, Instant now) {
		var people = invitees.list(m.id());
		var quorum = MeetingRecord.quorum(m.kind(), people.size(), (int) people.stream().filter(Meeting.Invitee::present).count());
		var h = new StringBuilder(8000);
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>Biên bản</title><style>")
			.append("@page { size: A4; margin: 20mm 20mm 20mm 30mm; }")
			.append("body { font-family: '").append(HtmlPdf.FONT).append("'; font-size: 13pt; line-height: 1.3; }")
			.append("table.head, table.sign { width: 100%; border-collapse: collapse; } td { vertical-align: top; }")
			.append(".c { text-align: center; } .b { font-weight: bold; } .i { font-style: italic; }")
			.append("h1 { font-size: 14pt; text-align: center; margin: 14pt 0 4pt 0; } h2 { font-size: 13pt; margin: 10pt 0 4pt 0; }")
			.append("table.votes { border-collapse: collapse; margin: 4pt 0; } table.votes td, table.votes th { border: 0.5pt solid #000; padding: 2pt 6pt; }")
			.append(".page { page-break-before: always; } .space { height: 40mm; }")
			.append("</style></head><body>");
		h.append("<table class=\"head\"><tr><td class=\"c b\" style=\"width:40%\">").append(esc(m.kind() == Meeting.Kind.PARTY ? "ĐẢNG ỦY" : "ỦY BAN NHÂN DÂN"))
			.append("</td><td class=\"c\"><div class=\"b\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class=\"b\">Độc lập - Tự do - Hạnh phúc</div></td></tr></table>");
		h.append("<h1>BIÊN BẢN</h1><div class=\"c b\">").append(esc(m.title())).append("</div>");
		h.append("<p>Thời gian: ").append(esc(WHEN.format(m.startsAt().atZone(MeetingWork.VIETNAM)))).append(".<br/>Địa điểm: ")
			.append(esc(m.place())).append(".</p>");
		var rooms = meetings.rooms(m.id());
		if (!rooms.isEmpty()) {
			h.append("<p>Điểm cầu trực tuyến: ");
			h.append(esc(String.join("; ", rooms.stream().map(r -> r.name() + " (" + r.videoUrl() + ")").toList()))).append(".</p>");
		}
		h.append("<p>Chủ trì: ").append(esc(m.chairName())).append(". Thư ký: ").append(esc(m.secretaryName())).append(".</p>");
		h.append("<h2>I. Thành phần</h2><p>Có mặt ").append(quorum.present()).append('/').append(quorum.members())
			.append(" thành viên (cần ít nhất ").append(quorum.needed()).append(": ").append(quorum.met() ? "đủ" : "không đủ")
			.append(" số lượng để tiến hành).</p><ul>");
		for (var p : people) {
			h.append("<li>").append(esc(p.fullName())).append(": ").append(p.present() ? "có mặt" : "vắng mặt");
			if (!p.present() && p.absentReason() != null) {
				h.append(" (lý do: ").append(esc(p.absentReason())).append(')');
			}
			h.append("</li>");
		}
		h.append("</ul><h2>II. Nội dung</h2>");
		var allVotes = votes.ofMeeting(m.id());
		var allTasks = tasks.ofMeeting(m.id());
		for (var item : items.list(m.id())) {
			h.append("<p class=\"b\">").append(item.position()).append(". ").append(esc(item.title())).append("</p>");
			h.append("<p>Trình bày: ").append(esc(item.presenter())).append(".</p>");
			for (var v : allVotes.stream().filter(v -> v.itemId() == item.id()).toList()) {
				vote(h, v);
			}
			h.append("<p>Kết luận: ").append(item.conclusion() == null ? "<span class=\"i\">(chưa ghi)</span>" : esc(item.conclusion()))
				.append("</p>");
			for (var t : allTasks.stream().filter(t -> t.itemId() == item.id()).toList()) {
				h.append("<p>Giao việc: ").append(esc(t.assigneeName())).append(" — ").append(esc(t.text())).append(" (hạn ")
					.append(t.deadline().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).append(").</p>");
			}
		}
		h.append("<p class=\"i\">Biên bản lập lúc ").append(esc(WHEN.format(now.atZone(MeetingWork.VIETNAM)))).append(".</p>");
		h.append("<div class=\"page\"><table class=\"sign\"><tr><td class=\"c\" style=\"width:50%\"><div class=\"b\">THƯ KÝ</div>")
			.append("<div class=\"i\">(Ký, ghi rõ họ tên)</div></td><td class=\"c\"><div class=\"b\">CHỦ TỌA</div>")
			.append("<div class=\"i\">(Ký, ghi rõ họ tên)</div></td></tr><tr><td><div class=\"space\"></div></td><td></td></tr>")
			.append("<tr><td class=\"c b\">").append(esc(m.secretaryName())).append("</td><td class=\"c b\">").append(esc(m.chairName()))
			.append("</td></tr></table></div>");
		h.append("</body></html>");
		return HtmlPdf.render(h.toString(), "XaSo");
	}

	private static void vote(StringBuilder h, Vote v) {
		h.append("<p>Biểu quyết").append(v.secret() ? " kín" : " công khai").append(": ").append(esc(v.question())).append(" (")
			.append(v.rule() == Vote.Rule.TWO_THIRDS ? "cần ít nhất hai phần ba" : "cần quá nửa").append(" tổng số ").append(v.members())
			.append(" thành viên).</p>");
		if (v.open()) {
			h.append("<p class=\"i\">Chưa kết thúc.</p>");
			return;
		}
		h.append("<table class=\"votes\"><tr>");
		List<String> options = v.options();
		for (var o : options) {
			h.append("<th>").append(esc(o)).append("</th>");
		}
		h.append("</tr><tr>");
		for (var c : v.counts()) {
			h.append("<td class=\"c\">").append(c).append("</td>");
		}
		h.append("</tr></table><p>Có mặt khi biểu quyết: ").append(v.present()).append('/').append(v.members()).append(". Kết quả: ")
			.append(v.result() == null ? "" : switch (v.result()) {
				case PASSED -> "thông qua";
				case FAILED -> "không thông qua";
				case NO_QUORUM -> "không đủ số thành viên có mặt, không có giá trị";
			}).append(".</p>");
	}

	private static String esc(String s) {
		return Markup.escape(s);
	}
}
