package vn.xaso.notify.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.notify.Channel;
import vn.xaso.platform.Json;

/**
 * The {@code notify_delivery} table: rows are inserted in the caller's transaction, claimed by a
 * sender ('sending' with a lease), then marked sent, queued again with a back-off, failed or
 * skipped. Callers handle transactions and tenancy.
 */
@Component
public class Outbox {

	/** Attempts before a delivery is given up. */
	public static final int MAX_ATTEMPTS = 6;
	/** Back-off after the first failure; doubled after each further one (1, 2, 4, 8, 16 minutes). */
	public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
	/** How long a claimed row belongs to its sender; after that it is taken again. */
	public static final Duration LEASE = Duration.ofMinutes(5);

	private static final JsonMapper JSON = Json.MAPPER;

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One row to write: {@code skipReason} non-null makes it 'skipped' at once. */
	public record Target(Channel channel, String recipientKey, @Nullable Long citizenId, @Nullable String address, String masked,
			@Nullable String skipReason) {
	}

	public record Content(String template, Map<String, String> params, String subject, String body, String shortText,
			@Nullable String link, boolean announcement) {
	}

	/** Inserts rows; an existing (unit, dedupe key, recipient, channel) is left alone. Returns the ids of new queued rows. */
	public List<Long> insert(String unitCode, String dedupeKey, Content content, List<Target> targets) {
		var ids = new ArrayList<Long>();
		var params = JSON.writeValueAsString(content.params());
		for (var t : targets) {
			var id = jdbc.sql("""
					insert into notify_delivery (unit_code, dedupe_key, channel, recipient_key, citizen_id, address, recipient_masked,
					  template, params, announcement, subject, body, short_text, link, status, last_error)
					values (:unit, :key, :channel, :rkey, :citizen, :address, :masked, :template, cast(:params as jsonb), :announcement,
					  :subject, :body, :short, :link, :status, :error)
					on conflict on constraint notify_delivery_once do nothing
					returning id""")
				.param("unit", unitCode).param("key", dedupeKey).param("channel", t.channel().name()).param("rkey", t.recipientKey())
				.param("citizen", t.citizenId()).param("address", t.skipReason() == null ? t.address() : null).param("masked", t.masked())
				.param("template", content.template()).param("params", params).param("announcement", content.announcement())
				.param("subject", content.subject()).param("body", content.body()).param("short", content.shortText())
				.param("link", content.link()).param("status", t.skipReason() == null ? "queued" : "skipped")
				.param("error", t.skipReason())
				.query(Long.class).optional();
			if (id.isPresent() && t.skipReason() == null) {
				ids.add(id.get());
			}
		}
		return ids;
	}

	/**
	 * Claims due rows (queued and due, or 'sending' whose lease ran out): marks them 'sending',
	 * counts the attempt and sets the lease. {@code ids} null means any due row. Skips rows another
	 * sender has locked.
	 */
	public List<ChannelAdapter.Delivery> claim(@Nullable List<Long> ids, Instant now, int limit) {
		var only = ids == null ? "" : " and id = any(:ids)";
		var spec = jdbc.sql("""
				update notify_delivery set status = 'sending', attempts = attempts + 1, next_attempt_at = :lease, updated_at = :now
				where id in (select id from notify_delivery
				             where status in ('queued', 'sending') and next_attempt_at <= :now""" + only + """
				             order by next_attempt_at, id limit :limit for update skip locked)
				returning id, unit_code, channel, address, template, params::text, subject, body, short_text, link, attempts""")
			.param("lease", ts(now.plus(LEASE))).param("now", ts(now)).param("limit", limit);
		if (ids != null) {
			spec = spec.param("ids", ids.toArray(Long[]::new));
		}
		return spec.query((rs, n) -> new ChannelAdapter.Delivery(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), params(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10), rs.getInt(11))).list();
	}

	public void sent(long id, Instant now) {
		jdbc.sql("""
				update notify_delivery set status = 'sent', last_error = null, sent_at = :now, updated_at = :now
				where id = :id and status = 'sending'""")
			.param("now", ts(now)).param("id", id).update();
	}

	/** After a failed attempt: queued again with back-off, or failed when it is hopeless or the last attempt. */
	public String failed(long id, int attempt, String error, boolean retry, Instant now) {
		boolean again = retry && attempt < MAX_ATTEMPTS;
		var next = again ? now.plus(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20))) : now;
		jdbc.sql("""
				update notify_delivery set status = :status, last_error = :error, next_attempt_at = :next, updated_at = :now
				where id = :id and status = 'sending'""")
			.param("status", again ? "queued" : "failed").param("error", cut(error, 500)).param("next", ts(next))
			.param("now", ts(now)).param("id", id).update();
		return again ? "queued" : "failed";
	}

	/** The rows of these dedupe keys of one unit, by key, in the order they were written. */
	public Map<String, List<vn.xaso.notify.Delivery>> states(String unitCode, java.util.Collection<String> dedupeKeys) {
		var result = new java.util.LinkedHashMap<String, List<vn.xaso.notify.Delivery>>();
		jdbc.sql("""
				select dedupe_key, channel, status, recipient_masked, attempts, last_error, sent_at, updated_at from notify_delivery
				where unit_code = :unit and dedupe_key = any(:keys) order by id""")
			.param("unit", unitCode).param("keys", dedupeKeys.toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new vn.xaso.notify.Delivery(
						Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
						instant(rs.getTimestamp(7)), rs.getTimestamp(8).toInstant()));
			});
		return result;
	}

	public void skipped(long id, String reason, Instant now) {
		jdbc.sql("update notify_delivery set status = 'skipped', last_error = ?, updated_at = ? where id = ? and status = 'sending'")
			.params(cut(reason, 500), ts(now), id).update();
	}

	static Map<String, String> params(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		return JSON.readValue(json, new TypeReference<Map<String, String>>() {
		});
	}

	static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	static String reason(Throwable e) {
		Throwable t = e;
		var text = new StringBuilder();
		while (t != null && text.length() < 400) {
			if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
				text.append(text.isEmpty() ? "" : " — ").append(t.getMessage());
			}
			t = t.getCause() == t ? null : t.getCause();
		}
		var s = text.isEmpty() ? e.getClass().getSimpleName() : text.toString().replaceAll("\\s+", " ");
		return cut(s, 500);
	}

	static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
