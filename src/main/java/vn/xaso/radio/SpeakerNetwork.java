package vn.xaso.radio;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.internal.RadioMetrics;
import vn.xaso.radio.internal.Slots;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The loudspeaker network of a commune: speaker zones (one per village, or the commune centre),
 * receiver devices with their secret tokens, the device protocol (playlist, heartbeat, played) and
 * the operations figures. Management methods need the caller's scope to include the commune; the
 * device methods run in the device's own commune once its token is recognised.
 */
@Service
public class SpeakerNetwork {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Villages villages;
	private final Clock clock;
	private final RadioMetrics metrics;
	private final TransactionTemplate tx;
	private final Duration offlineAfter;
	private final Duration lookahead;

	SpeakerNetwork(PlatformTransactionManager transactions, JdbcClient jdbc, ApplicationEventPublisher events, Villages villages, Clock clock, RadioMetrics metrics,
			@Value("${xaso.radio.offline-after-minutes:10}") int offlineMinutes,
			@Value("${xaso.radio.lookahead-hours:26}") int lookaheadHours) {
		this.jdbc = jdbc;
		this.events = events;
		this.villages = villages;
		this.clock = clock;
		this.metrics = metrics;
		this.tx = new TransactionTemplate(transactions);
		this.offlineAfter = Duration.ofMinutes(offlineMinutes);
		this.lookahead = Duration.ofHours(lookaheadHours);
	}

	public record Zone(long id, String unitCode, @Nullable Long villageId, String name, List<String> slots, boolean active,
			int devices) {
	}

	public record Device(long id, String unitCode, long zoneId, String zoneName, String name, boolean active,
			@Nullable Instant lastHeartbeat, boolean online, @Nullable String lastStatus,
			@Nullable String lastPlayedTitle, @Nullable Instant lastPlayedAt) {
	}

	/** A newly registered device and its secret token, shown once. */
	public record Registered(long id, String token) {
	}

	/** A device recognised by its token. */
	public record DeviceRef(long id, String unitCode, long zoneId) {
	}

	public record PlaylistItem(long broadcastId, String title, String audioUrl, String contentType, long durationMs,
			String sha256, Instant playAt, boolean urgent, @Nullable Instant expiresAt) {
	}

	public record Play(long deviceId, String deviceName, String zoneName, long broadcastId, String title, Instant playedAt,
			long durationMs) {
	}

	public record VillageMinutes(long zoneId, String zoneName, long broadcasts, double minutes) {
	}

	public Duration offlineAfter() {
		return offlineAfter;
	}

	// ---------------------------------------------------------------- zones

	public List<Zone> zones(String unit) {
		return in(UnitScope.of(unit), () -> jdbc.sql("""
				select z.id, z.unit_code, z.village_id, z.name, array_to_string(z.slots, ','), z.active,
				       (select count(*) from radio_device d where d.zone_id = z.id and d.active)
				from radio_zone z where z.unit_code = :unit order by z.village_id nulls first, z.name""")
			.param("unit", unit)
			.query((rs, n) -> new Zone(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
					List.of(rs.getString(5).split(",")), rs.getBoolean(6), rs.getInt(7)))
			.list());
	}

	/**
	 * @param villageId the village the zone covers, or null for a zone of the commune centre
	 * @param slotsText daily times in Vietnam time, e.g. "06:00, 17:00"
	 */
	public long createZone(String actor, String unit, @Nullable Long villageId, String name, String slotsText) {
		requireScope(unit);
		var slots = Slots.parse(slotsText == null ? "" : slotsText).orElseThrow(() -> RadioException.of("slots", "radio.error.slots"));
		String zoneName = name == null ? "" : name.strip();
		if (villageId != null) {
			Village village = villages.list(unit).stream().filter(v -> v.id() == villageId && v.active()).findFirst()
				.orElseThrow(() -> RadioException.of("villageId", "radio.error.zoneVillage"));
			if (zoneName.isEmpty()) {
				zoneName = RadioException.vietnamese("radio.text.zoneName", village.fullName());
			}
		}
		if (zoneName.isEmpty() || zoneName.length() > 100) {
			throw RadioException.of("name", "radio.error.zoneName");
		}
		var finalName = zoneName;
		return in(UnitScope.of(unit), () -> {
			if (villageId != null && jdbc.sql("select count(*) from radio_zone where unit_code = :u and village_id = :v")
				.param("u", unit).param("v", villageId).query(Long.class).single() > 0) {
				throw RadioException.of("villageId", "radio.error.zoneTaken");
			}
			long id = jdbc.sql("""
					insert into radio_zone (unit_code, village_id, name, slots) values (:u, :v, :n, cast(:s as text[])) returning id""")
				.param("u", unit).param("v", villageId).param("n", finalName).param("s", "{" + String.join(",", slots) + "}")
				.query(Long.class).single();
			events.publishEvent(AuditEvent.of(unit, actor, "radio.zone.created").on("radio_zone", id)
				.change(null, finalName + " " + slots));
			return id;
		});
	}

	public void setSlots(String actor, String unit, long zoneId, String slotsText) {
		requireScope(unit);
		in(UnitScope.of(unit), () -> {
			var before = jdbc.sql("select array_to_string(slots, ',') from radio_zone where id = :id and unit_code = :u")
				.param("id", zoneId).param("u", unit).query(String.class).optional()
				.orElseThrow(() -> RadioException.of("zoneId", "radio.error.noZone"));
			var slots = Slots.parse(slotsText == null ? "" : slotsText).orElseThrow(() -> RadioException.of("slots", "radio.error.slots"));
			jdbc.sql("update radio_zone set slots = cast(:s as text[]) where id = :id")
				.param("s", "{" + String.join(",", slots) + "}").param("id", zoneId).update();
			events.publishEvent(AuditEvent.of(unit, actor, "radio.zone.slots").on("radio_zone", zoneId)
				.change(before, String.join(",", slots)));
			return null;
		});
	}

	// ---------------------------------------------------------------- devices

	public List<Device> devices(String unit) {
		var now = clock.instant();
		return in(UnitScope.of(unit), () -> jdbc.sql("""
				select d.id, d.unit_code, d.zone_id, z.name, d.name, d.active, d.last_heartbeat_at, d.last_status,
				       lp.title, lp.played_at
				from radio_device d join radio_zone z on z.id = d.zone_id
				left join lateral (select b.title, p.played_at from radio_play p join radio_broadcast b on b.id = p.broadcast_id
				                   where p.device_id = d.id order by p.played_at desc limit 1) lp on true
				where d.unit_code = :unit order by z.name, d.name""")
			.param("unit", unit)
			.query((rs, n) -> {
				var hb = rs.getTimestamp(7);
				var lp = rs.getTimestamp(10);
				var last = hb == null ? null : hb.toInstant();
				return new Device(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getBoolean(6), last, rs.getBoolean(6) && last != null && last.isAfter(now.minus(offlineAfter)),
						rs.getString(8), rs.getString(9), lp == null ? null : lp.toInstant());
			})
			.list());
	}

	/** Registers a receiver in a zone; the token is returned once and only its SHA-256 is stored. */
	public Registered registerDevice(String actor, String unit, long zoneId, String name) {
		return registerDevice(actor, unit, zoneId, name, newToken());
	}

	/** Registers a receiver with a token chosen by the caller (the demo's fixed tokens); at least 20 characters. */
	public Registered registerDevice(String actor, String unit, long zoneId, String name, String token) {
		requireScope(unit);
		if (token.length() < 20 || token.length() > 100) {
			throw RadioException.of("token", "radio.error.token");
		}
		var deviceName = name == null ? "" : name.strip();
		if (deviceName.isEmpty() || deviceName.length() > 100) {
			throw RadioException.of("name", "radio.error.deviceName");
		}
		return in(UnitScope.of(unit), () -> {
			zoneName(unit, zoneId);
			long id = jdbc.sql("insert into radio_device (unit_code, zone_id, name, token_hash) values (:u, :z, :n, :h) returning id")
				.param("u", unit).param("z", zoneId).param("n", deviceName).param("h", hash(token)).query(Long.class).single();
			events.publishEvent(AuditEvent.of(unit, actor, "radio.device.registered").on("radio_device", id)
				.change(null, deviceName));
			return new Registered(id, token);
		});
	}

	/** Issues a new token (the old one stops working at once). */
	public String resetToken(String actor, String unit, long deviceId) {
		requireScope(unit);
		var token = newToken();
		in(UnitScope.of(unit), () -> {
			int n = jdbc.sql("update radio_device set token_hash = :h, active = true where id = :id and unit_code = :u")
				.param("h", hash(token)).param("id", deviceId).param("u", unit).update();
			if (n == 0) {
				throw RadioException.of("deviceId", "radio.error.noDevice");
			}
			events.publishEvent(AuditEvent.of(unit, actor, "radio.device.token-reset").on("radio_device", deviceId));
			return null;
		});
		return token;
	}

	public void deactivateDevice(String actor, String unit, long deviceId) {
		requireScope(unit);
		in(UnitScope.of(unit), () -> {
			int n = jdbc.sql("update radio_device set active = false where id = :id and unit_code = :u")
				.param("id", deviceId).param("u", unit).update();
			if (n == 0) {
				throw RadioException.of("deviceId", "radio.error.noDevice");
			}
			events.publishEvent(AuditEvent.of(unit, actor, "radio.device.deactivated").on("radio_device", deviceId));
			return null;
		});
	}

	private String zoneName(String unit, long zoneId) {
		return jdbc.sql("select name from radio_zone where id = :id and unit_code = :u").param("id", zoneId).param("u", unit)
			.query(String.class).optional().orElseThrow(() -> RadioException.of("zoneId", "radio.error.communeZone"));
	}

	// ---------------------------------------------------------------- device protocol

	/** The active device holding this token, if any. */
	public Optional<DeviceRef> authenticate(@Nullable String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		var h = hash(token);
		return in(UnitScope.systemWide(), () -> jdbc.sql("select id, unit_code, zone_id from radio_device where token_hash = :h and active")
			.param("h", h).query((rs, n) -> new DeviceRef(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional());
	}

	/**
	 * What the device should play: ready broadcasts queued for its zone within the look-ahead window,
	 * not expired, not cancelled and not yet reported played by this device; urgent ones first, then by
	 * time. The device plays an item when its {@code playAt} has come and its {@code expiresAt} has not.
	 */
	public List<PlaylistItem> playlist(DeviceRef device) {
		var now = clock.instant();
		return in(UnitScope.of(device.unitCode()), () -> jdbc.sql("""
				select b.id, b.title, a.content_type, a.duration_ms, a.sha256, q.play_at, b.urgent, b.expires_at
				from radio_queue q join radio_broadcast b on b.id = q.broadcast_id join radio_audio a on a.broadcast_id = b.id
				where q.zone_id = :zone and b.status = 'ready' and q.play_at <= :horizon
				  and (b.expires_at is null or b.expires_at > greatest(:now, q.play_at))
				  and not exists (select 1 from radio_play p where p.device_id = :device and p.broadcast_id = b.id)
				order by b.urgent desc, q.play_at, b.id limit 50""")
			.param("zone", device.zoneId()).param("device", device.id())
			.param("now", Timestamp.from(now)).param("horizon", Timestamp.from(now.plus(lookahead)))
			.query((rs, n) -> {
				var exp = rs.getTimestamp(8);
				return new PlaylistItem(rs.getLong(1), rs.getString(2), "/radio/broadcasts/" + rs.getLong(1) + "/audio",
						rs.getString(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7),
						exp == null ? null : exp.toInstant());
			})
			.list());
	}

	public void heartbeat(DeviceRef device, @Nullable String status) {
		var s = status == null ? null : status.strip();
		if (s != null && s.length() > 200) {
			throw RadioException.of("status", "radio.error.status");
		}
		in(UnitScope.of(device.unitCode()), () -> jdbc.sql(
				"update radio_device set last_heartbeat_at = :now, last_status = :s where id = :id")
			.param("now", Timestamp.from(clock.instant())).param("s", s == null || s.isEmpty() ? null : s)
			.param("id", device.id()).update());
	}

	/**
	 * Records that the device played a broadcast. Refused when the broadcast is not queued for the
	 * device's zone, when it had expired at that time, or when the time or length is not plausible.
	 * Reporting the same play twice is harmless.
	 */
	public void played(DeviceRef device, long broadcastId, Instant playedAt, long durationMs) {
		var now = clock.instant();
		if (playedAt.isAfter(now.plus(Duration.ofMinutes(5))) || playedAt.isBefore(now.minus(Duration.ofDays(7)))) {
			throw RadioException.of("playedAt", "radio.error.playedAt");
		}
		if (durationMs < 0 || durationMs > Duration.ofHours(2).toMillis()) {
			throw RadioException.of("durationMs", "radio.error.duration");
		}
		in(UnitScope.of(device.unitCode()), () -> {
			var expires = jdbc.sql("""
					select b.expires_at from radio_queue q join radio_broadcast b on b.id = q.broadcast_id
					where q.zone_id = :zone and q.broadcast_id = :b and b.status = 'ready'""")
				.param("zone", device.zoneId()).param("b", broadcastId)
				.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional()
				.orElseThrow(() -> RadioException.of("broadcastId", "radio.error.notQueued"));
			if (expires.isPresent() && !playedAt.isBefore(expires.get())) {
				throw RadioException.of("playedAt", "radio.error.expired");
			}
			metrics.lockZone(device.zoneId());
			var playId = jdbc.sql("""
					insert into radio_play (unit_code, device_id, broadcast_id, zone_id, played_at, duration_ms)
					values (:u, :d, :b, :z, :at, :ms) on conflict (device_id, broadcast_id) do nothing returning id""")
				.param("u", device.unitCode()).param("d", device.id()).param("b", broadcastId).param("z", device.zoneId())
				.param("at", Timestamp.from(playedAt)).param("ms", (int) durationMs).query(Long.class).optional();
			if (playId.isPresent()) {
				metrics.played(playId.get());
				events.publishEvent(AuditEvent.of(device.unitCode(), "device:" + device.id(), "radio.broadcast.played")
					.on("radio_broadcast", broadcastId).change(null, durationMs + " ms"));
			}
			return null;
		});
	}

	// ---------------------------------------------------------------- operations figures

	public List<Play> recentPlays(String unit, int limit) {
		return in(UnitScope.of(unit), () -> jdbc.sql("""
				select d.id, d.name, z.name, b.id, b.title, p.played_at, p.duration_ms
				from radio_play p join radio_device d on d.id = p.device_id join radio_zone z on z.id = p.zone_id
				join radio_broadcast b on b.id = p.broadcast_id
				where p.unit_code = :u order by p.played_at desc, p.id desc limit :limit""")
			.param("u", unit).param("limit", limit)
			.query((rs, n) -> new Play(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getTimestamp(6).toInstant(), rs.getInt(7)))
			.list());
	}

	/**
	 * Minutes broadcast per zone (village) between two dates (Vietnam time, both included): each
	 * broadcast counts once per zone however many receivers of the zone played it.
	 */
	public List<VillageMinutes> minutesPerVillage(String unit, LocalDate from, LocalDate to) {
		var start = Timestamp.from(from.atStartOfDay(Slots.VIETNAM).toInstant());
		var end = Timestamp.from(to.plusDays(1).atStartOfDay(Slots.VIETNAM).toInstant());
		return in(UnitScope.of(unit), () -> jdbc.sql("""
				select z.id, z.name, count(x.broadcast_id), coalesce(sum(x.ms), 0)
				from radio_zone z left join (
				  select zone_id, broadcast_id, max(duration_ms) ms from radio_play
				  where unit_code = :u and played_at >= :start and played_at < :end group by zone_id, broadcast_id) x on x.zone_id = z.id
				where z.unit_code = :u group by z.id, z.name order by z.name""")
			.param("u", unit).param("start", start).param("end", end)
			.query((rs, n) -> new VillageMinutes(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4) / 60000.0))
			.list());
	}

	// ---------------------------------------------------------------- helpers

	private <T> T in(UnitScope scope, java.util.function.Supplier<T> work) {
		return Tenancy.callAs(scope, () -> tx.execute(s -> work.get()));
	}

	private static void requireScope(String unit) {
		if (!Tenancy.current().sees(unit)) {
			throw new AccessDeniedException(RadioException.vietnamese("radio.error.notYourUnit"));
		}
	}

	static String newToken() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "xrd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return Broadcasts.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
