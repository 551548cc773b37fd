package vn.xaso.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.feedback.Feedback.Row;
import vn.xaso.feedback.FeedbackCategory;
import vn.xaso.feedback.FeedbackEvent;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.feedback.PublicReport;
import vn.xaso.platform.PersonalData;

/** Rows of the feedback tables as the module's value types; the public ones with personal data masked. */
final class ReportRows {

	private ReportRows() {
	}

	static FeedbackCategory category(ResultSet rs, int n) throws SQLException {
		return new FeedbackCategory(rs.getLong("id"), rs.getString("unit_code"), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getString("group_name"), rs.getString("keywords"), rs.getInt("sla_days"));
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("c_name"), rs.getString("status"),
				rs.getString("description"), rs.getString("handler"), rs.getObject("due_date", LocalDate.class),
				rs.getTimestamp("created_at").toInstant(), rs.getBoolean("anonymous"), rs.getString("merged_code"));
	}

	static FeedbackReport report(ResultSet rs, int n) throws SQLException {
		var category = new FeedbackCategory(rs.getLong("c_id"), rs.getString("c_unit"), rs.getString("c_code"), rs.getString("c_name"),
				rs.getString("c_description"), rs.getString("c_group"), rs.getString("c_keywords"), rs.getInt("c_sla"));
		Long citizen = rs.getObject("citizen_id", Long.class);
		Integer rating = rs.getInt("rating");
		if (rs.wasNull()) {
			rating = null;
		}
		return new FeedbackReport(rs.getLong("id"), rs.getString("unit_code"), rs.getString("code"), rs.getString("token"), category,
				rs.getString("description"), dbl(rs, "lat"), dbl(rs, "lon"), rs.getString("village_code"), rs.getString("address"),
				citizen, rs.getBoolean("anonymous"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"), rs.getString("status"),
				rs.getString("handler"), rs.getObject("due_date", LocalDate.class), rs.getString("answer"), instant(rs, "answered_at"),
				rs.getString("answered_by"), instant(rs, "closed_at"), rating, rs.getString("merged_code"), rs.getBoolean("photos_public"),
				rs.getString("media_url"), rs.getString("source"), instant(rs, "created_at"), instant(rs, "updated_at"),
				ids(rs.getString("photo_ids")));
	}

	static PublicReport publicReport(ResultSet rs, int n) throws SQLException {
		var r = report(rs, n);
		return new PublicReport(r.unitCode(), r.code(), r.category().code(), r.category().name(), PersonalData.maskAll(r.description()),
				r.lat(), r.lon(), r.villageCode(), PersonalData.maskAll(r.address()), r.status(), r.dueDate(),
				r.answer() == null ? null : PersonalData.maskAll(r.answer()), r.answeredAt(), r.closedAt(), r.mergedIntoCode(),
				r.createdAt(), r.updatedAt(), r.photosPublic() && !FeedbackReport.MERGED.equals(r.status()) ? r.photoIds() : List.of());
	}

	static FeedbackEvent event(ResultSet rs, int n) throws SQLException {
		return new FeedbackEvent(rs.getLong("id"), rs.getString("report_code"), rs.getTimestamp("at").toInstant(), rs.getString("kind"),
				rs.getString("actor"), rs.getBoolean("public"), rs.getString("status"), rs.getString("text"));
	}

	/** Hides who acted: "reporter" for a citizen, "commune" for an official. Texts are masked. */
	static FeedbackEvent publicEvent(ResultSet rs, int n) throws SQLException {
		var e = event(rs, n);
		var who = e.actor().startsWith("citizen:") || e.actor().equals("anonymous") || e.actor().equals("open311") ? "reporter" : "commune";
		return new FeedbackEvent(e.id(), e.reportCode(), e.at(), e.kind(), who, true, e.status(), PersonalData.maskAll(e.text()));
	}

	private static List<Long> ids(@Nullable String csv) {
		if (csv == null || csv.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
	}

	private static @Nullable Double dbl(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
