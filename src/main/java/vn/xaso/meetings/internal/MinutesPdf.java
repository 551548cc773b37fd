package vn.xaso.meetings.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.Vote;
import vn.xaso.platform.render.HtmlPdf;
import vn.xaso.platform.render.Markup;
import vn.xaso.signing.SignatureAppearance;

/**
 * The minutes (biên bản) drafted from the record: time, place, chair and secretary, remote rooms, who was present and
 * who absent with their reasons, the quorum, each agenda item with its presenter, the opinions of its speakers, votes
 * (counts, rule, result) and conclusion, the tasks given, the secretary's own text; the last page holds the secretary's and the chair's signature places, where
 * {@link #SECRETARY_BOX} and {@link #CHAIR_BOX} put their signatures. An administrative paper: Vietnamese whatever the
 * reader's language.
 */
@Component
class MinutesPdf {

	/** The signature places on the last page (A4, PDF points from the lower-left corner), under the column headings. */
	static final SignatureAppearance.Box SECRETARY_BOX = new SignatureAppearance.Box(99, 625, 198, 90);
	static final SignatureAppearance.Box CHAIR_BOX = new SignatureAppearance.Box(325, 625, 198, 90);

	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final VoteTable votes;
	private final TaskTable tasks;
	private final SpeakerTable speakers;
	private final PaperTexts texts;

	MinutesPdf(MeetingTable meetings, InviteeTable invitees, ItemTable items, VoteTable votes, TaskTable tasks, SpeakerTable speakers,
			PaperTexts texts) {
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.votes = votes;
		this.tasks = tasks;
		this.speakers = speakers;
		this.texts = texts;
	}

	/** The Vietnamese text of a minutes key, escaped for the HTML. */
	private String t(String key, Object... args) {
		return esc(texts.vi("meetings.pdf." + key, args));
	}

	/** A draft of the minutes: the PDF and its content as plain text (which the secretary may rewrite). */
	record Draft(byte[] pdf, String body) {
	}

	/** The minutes of {@code m} as its record stands, with the secretary's own text ({@code notes}, may be null). */
	Draft render(Meeting m, @Nullable String notes, Instant now) {
		var content = content(m);
		return new Draft(page(m, content, notes, now), plain(content));
	}

	/** The minutes with the content as the secretary rewrote it (one paragraph per line), and their own text. */
	byte[] rewritten(Meeting m, String body, @Nullable String notes, Instant now) {
		var h = new StringBuilder(body.length() + 200);
		body.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> h.append("<p>").append(esc(l)).append("</p>"));
		return page(m, h.toString(), notes, now);
	}

	/** Plain text of the content: a line per paragraph, list item, heading or table row. */
	static String plain(String html) {
		var text = html.replaceAll("</(p|li|h2|tr)>|<br/>", "\n").replaceAll("</t[dh]>", " ").replaceAll("<[^>]+>", "")
			.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
		return String.join("\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
	}

	private byte[] page(Meeting m, String content, @Nullable String notes, Instant now) {
		var h = new StringBuilder(8000 + content.length());
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>").append(t("docTitle")).append("</title><style>")
			.append("@page { size: A4; margin: 20mm 20mm 20mm 30mm; }")
			.append("body { font-family: '").append(HtmlPdf.FONT).append("'; font-size: 13pt; line-height: 1.3; }")
			.append("table.head, table.sign { width: 100%; border-collapse: collapse; } td { vertical-align: top; }")
			.append(".c { text-align: center; } .b { font-weight: bold; } .i { font-style: italic; }")
			.append("h1 { font-size: 14pt; text-align: center; margin: 14pt 0 4pt 0; } h2 { font-size: 13pt; margin: 10pt 0 4pt 0; }")
			.append("table.votes { border-collapse: collapse; margin: 4pt 0; } table.votes td, table.votes th { border: 0.5pt solid #000; padding: 2pt 6pt; }")
			.append(".page { page-break-before: always; } .space { height: 40mm; }")
			.append("</style></head><body>");
		h.append("<table class=\"head\"><tr><td class=\"c b\" style=\"width:40%\">").append(t("agency." + m.kind().name()))
			.append("</td><td class=\"c\"><div class=\"b\">").append(t("nation")).append("</div><div class=\"b\">").append(t("motto"))
			.append("</div></td></tr></table>");
		h.append("<h1>").append(t("heading")).append("</h1><div class=\"c b\">").append(esc(m.title())).append("</div>");
		h.append(content);
		if (notes != null) {
			h.append("<h2>").append(t("notes")).append("</h2>");
			notes.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> h.append("<p>").append(esc(l)).append("</p>"));
		}
		h.append("<p class=\"i\">").append(t("madeAt", texts.longWhen(now))).append("</p>");
		h.append("<div class=\"page\"><table class=\"sign\"><tr><td class=\"c\" style=\"width:50%\"><div class=\"b\">").append(t("secretary"))
			.append("</div><div class=\"i\">").append(t("signHint")).append("</div></td><td class=\"c\"><div class=\"b\">").append(t("chair"))
			.append("</div><div class=\"i\">").append(t("signHint")).append("</div></td></tr><tr><td><div class=\"space\"></div></td><td></td></tr>")
			.append("<tr><td class=\"c b\">").append(esc(m.secretaryName())).append("</td><td class=\"c b\">").append(esc(m.chairName()))
			.append("</td></tr></table></div>");
		h.append("</body></html>");
		return HtmlPdf.render(h.toString(), "XaSo");
	}

	private String content(Meeting m) {
		var people = invitees.list(m.id());
		var quorum = MeetingRecord.quorum(m.kind(), people.size(), (int) people.stream().filter(Meeting.Invitee::present).count());
		var h = new StringBuilder(8000);
		h.append("<p>").append(t("time", texts.longWhen(m.startsAt()))).append("<br/>").append(t("place", m.place())).append("</p>");
		var rooms = meetings.rooms(m.id());
		if (!rooms.isEmpty()) {
			h.append("<p>").append(t("rooms", String.join("; ", rooms.stream().map(r -> r.name() + " (" + r.videoUrl() + ")").toList())))
				.append("</p>");
		}
		h.append("<p>").append(t("chairSecretary", m.chairName(), m.secretaryName())).append("</p>");
		h.append("<h2>").append(t("members")).append("</h2><p>")
			.append(t(quorum.met() ? "quorum.met" : "quorum.notMet", String.valueOf(quorum.present()), String.valueOf(quorum.members()),
					String.valueOf(quorum.needed())))
			.append("</p><ul>");
		for (var p : people) {
			h.append("<li>").append(p.byDelegate() ? t("presentDelegate", p.fullName(), p.delegateName(), p.delegatePosition())
					: p.present() ? t("present", p.fullName())
					: p.absentReason() == null ? t("absent", p.fullName()) : t("absentWhy", p.fullName(), p.absentReason())).append("</li>");
		}
		h.append("</ul><h2>").append(t("content")).append("</h2>");
		var allVotes = votes.ofMeeting(m.id());
		var allTasks = tasks.ofMeeting(m.id());
		var opinions = speakers.ofMeeting(m.id()).stream().filter(x -> x.opinion() != null).toList();
		for (var item : items.list(m.id())) {
			h.append("<p class=\"b\">").append(item.position()).append(". ").append(esc(item.title())).append("</p>");
			h.append("<p>").append(t("presenter", item.presenter())).append("</p>");
			for (var said : opinions.stream().filter(x -> x.itemId() == item.id()).toList()) {
				h.append("<p>").append(t("opinion", said.fullName(), said.opinion())).append("</p>");
			}
			for (var v : allVotes.stream().filter(v -> v.itemId() == item.id()).toList()) {
				vote(h, v);
			}
			h.append("<p>").append(t("conclusion")).append(' ')
				.append(item.conclusion() == null ? "<span class=\"i\">" + t("noConclusion") + "</span>" : esc(item.conclusion())).append("</p>");
			for (var task : allTasks.stream().filter(x -> x.itemId() == item.id()).toList()) {
				h.append("<p>").append(t("task", task.assigneeName(), task.text(), PaperTexts.day(task.deadline()))).append("</p>");
			}
		}
		return h.toString();
	}

	private void vote(StringBuilder h, Vote v) {
		h.append("<p>").append(t(v.secret() ? "vote.secret" : "vote.open", v.question())).append(" (")
			.append(t("rule." + v.rule().name(), String.valueOf(v.members()))).append(").</p>");
		if (v.open()) {
			h.append("<p class=\"i\">").append(t("vote.notClosed")).append("</p>");
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
		h.append("</tr></table><p>").append(t("vote.result", String.valueOf(v.present()), String.valueOf(v.members()),
				v.result() == null ? "" : texts.vi("meetings.pdf.result." + v.result().name()))).append("</p>");
	}

	private static String esc(String s) {
		return Markup.escape(s);
	}
}
