package vn.xaso.radio;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.internal.Voice;
import vn.xaso.radio.internal.AudioProbe;
import vn.xaso.radio.internal.RadioMetrics;
import vn.xaso.radio.internal.Slots;
import vn.xaso.units.Units;

/**
 * Broadcasts of a commune's loudspeakers. {@link #announce} normalises the text, queues it in the
 * zones' next daily slot (or now, ahead of the queue, when urgent) and synthesises the audio after
 * the transaction commits, on a background thread; the status goes {@code synthesising → ready}
 * (or {@code failed}). Recorded audio can be uploaded instead. The caller's tenancy scope must
 * include the commune.
 */
@Service
public class Broadcasts {

	private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

	public static final int MAX_TEXT = 5000;
	public static final int MAX_TITLE = 300;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Units units;
	private final Voice voice;
	private final Clock clock;
	private final int maxUploadMb;
	private final int maxAudioMinutes;
	private final RadioMetrics metrics;
	private final TransactionTemplate tx;
	private final TransactionTemplate read;

	Broadcasts(PlatformTransactionManager transactions, JdbcClient jdbc, ApplicationEventPublisher events, Units units, Voice voice, Clock clock,
			RadioMetrics metrics,
			@Value("${xaso.radio.max-upload-mb:20}") int maxUploadMb,
			@Value("${xaso.radio.max-audio-minutes:30}") int maxAudioMinutes) {
		this.jdbc = jdbc;
		this.events = events;
		this.units = units;
		this.voice = voice;
		this.clock = clock;
		this.maxUploadMb = maxUploadMb;
		this.maxAudioMinutes = maxAudioMinutes;
		this.metrics = metrics;
		this.tx = new TransactionTemplate(transactions);
		this.read = new TransactionTemplate(transactions);
		this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.read.setReadOnly(true);
	}

	/** Runs a read in its own transaction with the given scope (the scope is set when a transaction begins). */
	<T> T readAs(UnitScope scope, java.util.function.Supplier<T> work) {
		return Tenancy.callAs(scope, () -> read.execute(s -> work.get()));
	}

	/** A broadcast in lists: the replay page, the admin list. */
	public record Summary(long id, String unitCode, String title, String body, String status, boolean urgent,
			@Nullable Instant expiresAt, String source, Instant createdAt, @Nullable Duration duration,
			@Nullable String contentType, int zones, @Nullable String error) {

		public String audioUrl() {
			return "/radio/broadcasts/" + id + "/audio";
		}

		public boolean ready() {
			return "ready".equals(status);
		}
	}

	/** The stored audio of a broadcast. */
	public record Audio(byte[] bytes, String contentType, String sha256, Instant createdAt, Duration duration) {
	}

	/**
	 * Normalises and synthesises the text (may finish asynchronously), schedules it to the zones of the
	 * given villages (empty = every zone of the commune) in the next daily slots, or at the front of the
	 * queue when urgent. Returns the broadcast id.
	 *
	 * @throws RadioException invalid input (field and Vietnamese message)
	 * @throws AccessDeniedException the caller's scope does not include the commune
	 */
	@Transactional
	public long announce(Announcement announcement) {
		var id = insert(announcement, "synthesising", null);
		var unit = announcement.unitCode();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				voice.later(() -> synthesise(unit, id));
			}
		});
		return id;
	}

	/**
	 * Like {@link #announce} but with recorded audio (MP3, Ogg Opus/Vorbis or WAV, checked by content)
	 * instead of synthesis; the text stays as the written version.
	 */
	@Transactional
	public long announceRecorded(Announcement announcement, byte[] audio) {
		if (audio.length == 0) {
			throw RadioException.of("audio", "radio.error.audioMissing");
		}
		if (audio.length > maxUploadMb * 1024L * 1024L) {
			throw RadioException.of("audio", "radio.error.audioLarge", String.valueOf(maxUploadMb));
		}
		var probe = AudioProbe.probe(audio).orElseThrow(() -> RadioException.of("audio", "radio.error.audioKind"));
		if (probe.durationMs() > maxAudioMinutes * 60_000L) {
			throw RadioException.of("audio", "radio.error.audioLong", String.valueOf(maxAudioMinutes));
		}
		var id = insert(announcement, "ready", "recorded");
		storeAudio(announcement.unitCode(), id, audio, probe.contentType(), probe.durationMs());
		return id;
	}

	private long insert(Announcement a, String status, @Nullable String engineName) {
		var unit = a.unitCode() == null ? "" : a.unitCode().strip();
		if (!units.isCommune(unit)) {
			throw RadioException.of("unitCode", "radio.error.unit", unit);
		}
		if (!Tenancy.current().sees(unit)) {
			throw new AccessDeniedException(RadioException.vietnamese("radio.error.notYourUnit"));
		}
		var title = a.title() == null ? "" : a.title().strip();
		if (title.isEmpty() || title.length() > MAX_TITLE) {
			throw RadioException.of("title", "radio.error.title", String.valueOf(MAX_TITLE));
		}
		var text = a.text() == null ? "" : a.text().strip();
		if (text.isEmpty() || text.length() > MAX_TEXT) {
			throw RadioException.of("text", "radio.error.text", String.valueOf(MAX_TEXT));
		}
		var source = a.source() == null ? "" : a.source().strip();
		if (source.isEmpty() || source.length() > 100) {
			throw RadioException.of("source", "radio.error.source");
		}
		var now = clock.instant();
		if (a.expiresAt() != null && !a.expiresAt().isAfter(now)) {
			throw RadioException.of("expiresAt", "radio.error.expiresPast");
		}
		record Zone(long id, List<String> slots) {
		}
		var zones = jdbc.sql("""
				select id, array_to_string(slots, ',') slots, village_id from radio_zone
				where unit_code = :unit and active order by id""")
			.param("unit", unit)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3) })
			.list();
		var known = zones.stream().filter(z -> z[2] != null).map(z -> (Long) z[2]).toList();
		for (var v : a.villageIds()) {
			if (!known.contains(v)) {
				throw RadioException.of("villageIds", "radio.error.villageWithoutZone", String.valueOf(v));
			}
		}
		var chosen = zones.stream()
			.filter(z -> a.villageIds().isEmpty() || (z[2] != null && a.villageIds().contains((Long) z[2])))
			.map(z -> new Zone((Long) z[0], List.of(((String) z[1]).split(","))))
			.toList();
		var spoken = engineName == null ? spokenText(unit, title, text) : null;
		var actor = actor();
		long id = jdbc.sql("""
				insert into radio_broadcast (unit_code, title, body, spoken_text, source, urgent, expires_at, status, engine, created_by, created_at)
				values (:unit, :title, :body, :spoken, :source, :urgent, :expires, :status, :engine, :actor, :now) returning id""")
			.param("unit", unit).param("title", title).param("body", text).param("spoken", spoken)
			.param("source", source).param("urgent", a.urgent())
			.param("expires", a.expiresAt() == null ? null : Timestamp.from(a.expiresAt()))
			.param("status", status).param("engine", engineName).param("actor", actor).param("now", Timestamp.from(now))
			.query(Long.class).single();
		int queued = 0;
		for (var z : chosen) {
			var playAt = a.urgent() ? now : Slots.next(z.slots(), now);
			if (a.expiresAt() != null && !playAt.isBefore(a.expiresAt())) {
				continue; // would only play after it expired
			}
			jdbc.sql("insert into radio_queue (unit_code, broadcast_id, zone_id, play_at) values (:unit, :b, :z, :at)")
				.param("unit", unit).param("b", id).param("z", z.id()).param("at", Timestamp.from(playAt)).update();
			queued++;
		}
		metrics.broadcastCreated(unit, now);
		events.publishEvent(AuditEvent.of(unit, actor, "radio.broadcast.created").on("radio_broadcast", id)
			.change(null, RadioException.vietnamese(a.urgent() ? "radio.text.broadcastCreatedUrgent" : "radio.text.broadcastCreated",
					String.valueOf(queued), source, title)));
		return id;
	}

	/** Runs the synthesis of a broadcast now, on the calling thread (the background task and tests use it). */
	public void synthesise(String unitCode, long id) {
		Tenancy.runAs(UnitScope.of(unitCode), () -> {
			try {
				synthesiseInScope(unitCode, id);
			}
			catch (RuntimeException e) {
				log.warn("Radio broadcast {} failed: {}", id, e.getMessage());
				tx.executeWithoutResult(s -> {
					jdbc.sql("update radio_broadcast set status = 'failed', error = :e where id = :id and status = 'synthesising'")
						.param("e", String.valueOf(e.getMessage())).param("id", id).update();
					events.publishEvent(AuditEvent.of(unitCode, "system", "radio.broadcast.failed").on("radio_broadcast", id)
						.change("synthesising", "failed: " + e.getMessage()));
				});
			}
		});
	}

	/** Reads the text in one short transaction, runs the engine and encoder outside any, stores in another. */
	private void synthesiseInScope(String unitCode, long id) {
		var spoken = tx.execute(s -> jdbc.sql("select spoken_text from radio_broadcast where id = :id and status = 'synthesising'")
			.param("id", id).query(String.class).optional());
		if (spoken == null || spoken.isEmpty()) {
			return;
		}
		// what is served, with the encoded file's own length (encoders add a few milliseconds of padding)
		var audio = voice.narrate(spoken.get());
		var finalBytes = audio.bytes();
		var finalType = audio.contentType();
		var finalMs = audio.durationMs();
		tx.executeWithoutResult(s -> {
			// a second worker (the resume job) may have finished first: the first audio stays
			if (storeAudio(unitCode, id, finalBytes, finalType, finalMs) == 0) {
				return;
			}
			jdbc.sql("update radio_broadcast set status = 'ready', engine = :engine, error = null where id = :id and status = 'synthesising'")
				.param("engine", voice.engineName()).param("id", id).update();
			events.publishEvent(AuditEvent.of(unitCode, "system", "radio.broadcast.synthesised").on("radio_broadcast", id)
				.change("synthesising", "ready " + finalMs + " ms " + finalType));
		});
	}

	private int storeAudio(String unit, long id, byte[] bytes, String type, long ms) {
		return jdbc.sql("""
				insert into radio_audio (broadcast_id, unit_code, content_type, duration_ms, sha256, bytes)
				values (:id, :unit, :type, :ms, :sha, :bytes) on conflict (broadcast_id) do nothing""")
			.param("id", id).param("unit", unit).param("type", type).param("ms", (int) ms)
			.param("sha", sha256(bytes)).param("bytes", bytes).update();
	}

	/** Picks up broadcasts whose synthesis was lost (a restart): every minute, those waiting more than two minutes. */
	@Scheduled(fixedDelayString = "${xaso.radio.retry-ms:60000}", initialDelayString = "${xaso.radio.retry-ms:60000}")
	@SchedulerLock(name = "radio.resume-lost", lockAtLeastFor = "${xaso.radio.retry-ms:60000}", lockAtMostFor = "PT30M")
	void resumeLost() {
		var cutoff = Timestamp.from(clock.instant().minus(Duration.ofMinutes(2)));
		var lost = readAs(UnitScope.systemWide(), () -> jdbc.sql(
				"select id, unit_code from radio_broadcast where status = 'synthesising' and created_at < :cutoff order by id limit 20")
			.param("cutoff", cutoff).query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).list());
		for (var row : lost) {
			voice.later(() -> synthesise((String) row[1], (Long) row[0]));
		}
	}

	/** A broadcast of any commune (broadcasts are public announcements), with status and audio availability. */
	public Optional<BroadcastInfo> find(long broadcastId) {
		return summary(broadcastId).map(s -> new BroadcastInfo(s.id(), s.unitCode(), s.title(), s.status(),
				s.ready() ? s.audioUrl() : null, s.duration()));
	}

	public Optional<Summary> summary(long broadcastId) {
		return readAs(UnitScope.systemWide(), () -> jdbc.sql(SUMMARY + " where b.id = :id")
			.param("id", broadcastId).query(Broadcasts::summaryRow).optional());
	}

	/** The latest broadcasts of a commune, newest first (public: for replays). */
	public List<Summary> recent(String communeCode, boolean readyOnly, int limit, int offset) {
		return readAs(UnitScope.of(communeCode), () -> jdbc.sql(SUMMARY + " where b.unit_code = :unit"
				+ (readyOnly ? " and b.status = 'ready'" : "") + " order by b.id desc limit :limit offset :offset")
			.param("unit", communeCode).param("limit", limit).param("offset", offset)
			.query(Broadcasts::summaryRow).list());
	}

	public long count(String communeCode, boolean readyOnly) {
		return readAs(UnitScope.of(communeCode), () -> jdbc.sql("select count(*) from radio_broadcast where unit_code = :unit"
				+ (readyOnly ? " and status = 'ready'" : "")).param("unit", communeCode).query(Long.class).single());
	}

	/** The audio of a broadcast of any commune. */
	public Optional<Audio> audio(long broadcastId) {
		return readAs(UnitScope.systemWide(), () -> jdbc.sql("""
				select bytes, content_type, sha256, created_at, duration_ms from radio_audio where broadcast_id = :id""")
			.param("id", broadcastId)
			.query((rs, n) -> new Audio(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					Duration.ofMillis(rs.getInt(5))))
			.optional());
	}

	/** Stops a broadcast from playing (it stays in the list, marked cancelled). */
	@Transactional
	public void cancel(String unitCode, long id) {
		if (!Tenancy.current().sees(unitCode)) {
			throw new AccessDeniedException(RadioException.vietnamese("radio.error.notYourUnit"));
		}
		var before = jdbc.sql("select status from radio_broadcast where id = :id and unit_code = :unit")
			.param("id", id).param("unit", unitCode).query(String.class).optional()
			.orElseThrow(() -> RadioException.of("id", "radio.error.noBroadcast"));
		if ("cancelled".equals(before)) {
			return;
		}
		jdbc.sql("update radio_broadcast set status = 'cancelled' where id = :id").param("id", id).update();
		events.publishEvent(AuditEvent.of(unitCode, actor(), "radio.broadcast.cancelled").on("radio_broadcast", id)
			.change(before, "cancelled"));
	}

	/** The text the engine read (or will read) for a broadcast; empty for recorded audio. */
	public Optional<String> spokenTextOf(long broadcastId) {
		return readAs(UnitScope.systemWide(), () -> jdbc.sql("select spoken_text from radio_broadcast where id = :id")
			.param("id", broadcastId).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o));
	}

	/** What the engine reads for a bulletin (the preview on the compose page): the commune's list, then the national rules. */
	public String spokenText(String unit, String title, String text) {
		return voice.spoken(unit, title) + ". " + voice.spoken(unit, text);
	}

	private static final String SUMMARY = """
			select b.id, b.unit_code, b.title, b.body, b.status, b.urgent, b.expires_at, b.source, b.created_at,
			       a.duration_ms, a.content_type, (select count(*) from radio_queue q where q.broadcast_id = b.id) zones, b.error
			from radio_broadcast b left join radio_audio a on a.broadcast_id = b.id""";

	private static Summary summaryRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		var expires = rs.getTimestamp(7);
		var ms = rs.getObject(10);
		return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getBoolean(6), expires == null ? null : expires.toInstant(), rs.getString(8),
				rs.getTimestamp(9).toInstant(), ms == null ? null : Duration.ofMillis(((Number) ms).longValue()),
				rs.getString(11), rs.getInt(12), rs.getString(13));
	}

	static String actor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null || "anonymousUser".equals(auth.getName()) ? "system" : auth.getName();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
