package vn.xaso.notify.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.notify.Channel;
import vn.xaso.platform.VietnameseText;

/** Reading the delivery log of a commune: filters, paging; recipients only masked. */
@Component
public class DeliveryLog {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Entry(long id, String unitCode, String dedupeKey, Channel channel, String recipientMasked, String template,
			boolean announcement, String subject, String status, int attempts, @Nullable String lastError, Instant createdAt,
			Instant updatedAt, @Nullable Instant sentAt, Instant nextAttemptAt) {
	}

	public record Filter(@Nullable String status, @Nullable Channel channel, @Nullable String text, @Nullable LocalDate from,
			@Nullable LocalDate to) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}
	}

	public record Page(List<Entry> entries, long total) {
	}

	private static final String COLUMNS = """
			id, unit_code, dedupe_key, channel, recipient_masked, template, announcement, subject, status, attempts, last_error,
			created_at, updated_at, sent_at, next_attempt_at""";

	private static Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), Channel.valueOf(rs.getString(4)), rs.getString(5),
				rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
				rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(), Outbox.instant(rs.getTimestamp(14)),
				rs.getTimestamp(15).toInstant());
	}

	@Transactional(readOnly = true)
	public Page search(String unitCode, Filter filter, int offset, int limit) {
		var where = new StringBuilder("unit_code = :unit");
		var params = new java.util.LinkedHashMap<String, Object>();
		params.put("unit", unitCode);
		if (filter.status() != null) {
			where.append(" and status = :status");
			params.put("status", filter.status());
		}
		if (filter.channel() != null) {
			where.append(" and channel = :channel");
			params.put("channel", filter.channel().name());
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			where.append(" and (xaso_fold(subject) like :text or xaso_fold(template) like :text or xaso_fold(dedupe_key) like :text)");
			params.put("text", "%" + fold(filter.text()) + "%");
		}
		if (filter.from() != null) {
			where.append(" and created_at >= :from");
			params.put("from", Outbox.ts(filter.from().atStartOfDay(VIETNAM).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and created_at < :to");
			params.put("to", Outbox.ts(filter.to().plusDays(1).atStartOfDay(VIETNAM).toInstant()));
		}
		long total = jdbc.sql("select count(*) from notify_delivery where " + where).params(params).query(Long.class).single();
		params.put("limit", limit);
		params.put("offset", offset);
		var entries = jdbc.sql("select " + COLUMNS + " from notify_delivery where " + where
				+ " order by created_at desc, id desc limit :limit offset :offset").params(params).query(DeliveryLog::row).list();
		return new Page(entries, total);
	}

	/** Every row of one notice or announcement (by dedupe key), oldest first. */
	@Transactional(readOnly = true)
	public List<Entry> byKey(String unitCode, String dedupeKey) {
		return new ArrayList<>(jdbc.sql("select " + COLUMNS + " from notify_delivery where unit_code = ? and dedupe_key = ? order by id")
			.params(unitCode, dedupeKey).query(DeliveryLog::row).list());
	}

	/** Escapes LIKE wildcards and folds like {@code xaso_fold}: lower case without diacritics. */
	static String fold(String text) {
		var plain = VietnameseText.fold(text.strip()).toLowerCase(java.util.Locale.ROOT);
		return plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
