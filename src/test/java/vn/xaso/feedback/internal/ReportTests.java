package vn.xaso.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.xaso.feedback.FeedbackAnswered;
import vn.xaso.feedback.FeedbackCategory;
import vn.xaso.feedback.FeedbackClosed;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackMerged;
import vn.xaso.feedback.FeedbackReopened;
import vn.xaso.feedback.FeedbackReport;

/** The feedback workflow as the {@link Report} aggregate guards it, without Spring or a database. */
class ReportTests {

	static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	static FeedbackReport report(String status, @Nullable String answer, @Nullable Instant answeredAt, @Nullable String mergedInto) {
		var category = new FeedbackCategory(1, "14701", "GT-DUONG", "Giao thông", "", "giao-thong", "", 10);
		return new FeedbackReport(7, "14701", "PA-14701-000007", "t", category, "Ổ gà trước cổng trường", null, null, null, "thôn Đông",
				null, true, null, null, null, status, null, LocalDate.of(2026, 12, 10), answer, answeredAt, null, null, null, mergedInto,
				false, null, "web", NOW, NOW, List.of());
	}

	@Test
	void answeringRegistersTheEventAndAPublicEntry() {
		var r = Report.of(report(FeedbackReport.IN_PROGRESS, null, null, null), "yenmo.tuphap");
		r.answer("Xã đã vá ổ gà.");
		assertThat(r.events()).containsExactly(new FeedbackAnswered("14701", 7, "PA-14701-000007"));
		assertThat(r.entries()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo("answered");
			assertThat(e.isPublic()).isTrue();
			assertThat(e.status()).isEqualTo(FeedbackReport.ANSWERED);
		});
	}

	@Test
	void refusesToAnswerAMergedReportAndNamesTheKeptOne() {
		var r = Report.of(report(FeedbackReport.MERGED, null, null, "PA-14701-000003"), "yenmo.tuphap");
		assertThatThrownBy(() -> r.answer("Xã đã vá ổ gà."))
			.isInstanceOf(FeedbackException.class).hasMessageContaining("PA-14701-000003");
		assertThat(r.events()).isEmpty();
		assertThat(r.entries()).isEmpty();
	}

	@Test
	void closingWithoutAnAnswerNeedsAReason() {
		var open = Report.of(report(FeedbackReport.NEW, null, null, null), "yenmo.chutich");
		assertThatThrownBy(() -> open.close("ngắn")).isInstanceOf(FeedbackException.class).hasMessageContaining("lý do đóng");
		open.close("Việc này thuộc thẩm quyền của huyện.");
		assertThat(open.events()).containsExactly(new FeedbackClosed("14701", 7, "PA-14701-000007"));

		var closed = Report.of(report(FeedbackReport.CLOSED, "Đã xử lý", NOW, null), "yenmo.chutich");
		assertThatThrownBy(() -> closed.close("")).hasMessageContaining("đã đóng");
	}

	@Test
	void assigningIsOnlyForOpenReports() {
		var answered = Report.of(report(FeedbackReport.ANSWERED, "Đã xử lý", NOW, null), "yenmo.chutich");
		assertThatThrownBy(() -> answered.assign("yenmo.tuphap")).isInstanceOf(FeedbackException.class);
		var fresh = Report.of(report(FeedbackReport.NEW, null, null, null), "yenmo.chutich");
		fresh.assign("yenmo.tuphap");
		assertThat(fresh.entries()).extracting(Report.Entry::kind).containsExactly("assigned", "assigned-to");
		assertThat(fresh.entries()).extracting(Report.Entry::isPublic).containsExactly(true, false);
	}

	@Test
	void mergingTwiceIsRefused() {
		var kept = report(FeedbackReport.NEW, null, null, null);
		var merged = Report.of(report(FeedbackReport.MERGED, null, null, "PA-14701-000003"), "yenmo.tuphap");
		assertThatThrownBy(() -> merged.mergeInto(kept)).hasMessageContaining("đã được gộp rồi");
		assertThatThrownBy(() -> Report.mayKeep(report(FeedbackReport.NEW, null, null, null), 7)).hasMessageContaining("chính nó");
		var dup = Report.of(report(FeedbackReport.NEW, null, null, null), "yenmo.tuphap");
		var other = new FeedbackReport(9, "14701", "PA-14701-000009", "t", kept.category(), "", null, null, null, "", null, true, null,
				null, null, FeedbackReport.IN_PROGRESS, null, kept.dueDate(), null, null, null, null, null, null, false, null, "web", NOW, NOW,
				List.of());
		dup.mergeInto(other);
		assertThat(dup.events()).containsExactly(new FeedbackMerged("14701", 7, "PA-14701-000007", "PA-14701-000009"));
		assertThat(dup.entries()).extracting(Report.Entry::reportId).containsExactly(7L, 9L);
	}

	@Test
	void theReporterRatesAndReopensOnlyAnsweredReportsWithinTheWindow() {
		var open = Report.of(report(FeedbackReport.IN_PROGRESS, null, null, null), "citizen:1");
		assertThatThrownBy(() -> open.rate(5)).hasMessageContaining("đã trả lời");
		var answered = Report.of(report(FeedbackReport.ANSWERED, "Đã xử lý", NOW.minus(Duration.ofDays(8)), null), "citizen:1");
		assertThatThrownBy(() -> answered.rate(6)).hasMessageContaining("1 đến 5");
		assertThatThrownBy(() -> answered.reopen("Ổ gà lại xuất hiện sau mưa.", NOW, 7, LocalDate.of(2026, 12, 15)))
			.hasMessageContaining("Đã quá 7 ngày");
		var recent = Report.of(report(FeedbackReport.ANSWERED, "Đã xử lý", NOW.minus(Duration.ofDays(2)), null), "citizen:1");
		recent.reopen("Ổ gà lại xuất hiện sau mưa.", NOW, 7, LocalDate.of(2026, 12, 15));
		assertThat(recent.events()).containsExactly(new FeedbackReopened("14701", 7, "PA-14701-000007", LocalDate.of(2026, 12, 15)));
	}
}
