package vn.xaso.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.PersonalData;
import vn.xaso.platform.Refusal;

/**
 * Appends to and verifies the per-unit hash chains. {@link #record} joins the caller's
 * transaction, so an entry exists exactly when the change it describes was committed; the
 * caller's unit scope must include the entry's unit (row-level security checks it).
 */
@Service
public class AuditLog {

	public static final String SYSTEM_UNIT = "SYSTEM";
	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	public AuditEntry record(AuditEvent event) {
		return recordAll(List.of(event)).get(0);
	}

	/**
	 * Appends entries of one unit in order, in two statements whatever their number: the chain's head is taken (row
	 * lock until commit) and read in one upsert, then the entries are inserted and the head moved in one. Callers that
	 * also hold other busy rows call this last, right before their commit, so the unit's head is held shortly.
	 */
	@Transactional
	public List<AuditEntry> recordAll(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		var unit = events.get(0).unitCode();
		if (events.stream().anyMatch(e -> !e.unitCode().equals(unit))) {
			throw new IllegalArgumentException("recordAll appends to one unit's chain");
		}
		var head = jdbc.sql("""
				insert into audit_chain_head (unit_code, seq, hash) values (?, 0, ?)
				on conflict (unit_code) do update set seq = audit_chain_head.seq
				returning seq, hash""")
			.params(unit, GENESIS)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long seq = (long) head[0];
		var prev = (String) head[1];
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int n = events.size();
		var entries = new java.util.ArrayList<AuditEntry>(n);
		var seqs = new Long[n];
		String[] actors = new String[n], actions = new String[n], types = new String[n], ids = new String[n], befores = new String[n],
				afters = new String[n], prevs = new String[n], hashes = new String[n];
		for (int i = 0; i < n; i++) {
			var event = events.get(i);
			seq++;
			var before = mask(event.before());
			var after = mask(event.after());
			var hash = hash(unit, seq, at, event.actor(), event.action(), event.objectType(), event.objectId(), before, after, prev);
			seqs[i] = seq;
			actors[i] = event.actor();
			actions[i] = event.action();
			types[i] = event.objectType();
			ids[i] = event.objectId();
			befores[i] = before;
			afters[i] = after;
			prevs[i] = prev;
			hashes[i] = hash;
			entries.add(new AuditEntry(0, unit, seq, at, event.actor(), event.action(), event.objectType(), event.objectId(), before,
					after, prev, hash));
			prev = hash;
		}
		var newIds = jdbc.sql("""
				with e as (
				  insert into audit_entry (unit_code, seq, at, actor, action, object_type, object_id, before_summary, after_summary,
				                           prev_hash, hash)
				  select ?, x.seq, ?, x.actor, x.action, x.object_type, x.object_id, x.before_summary, x.after_summary, x.prev_hash, x.hash
				  from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				       as x(seq, actor, action, object_type, object_id, before_summary, after_summary, prev_hash, hash)
				  order by x.seq
				  returning id, seq),
				h as (update audit_chain_head set seq = ?, hash = ? where unit_code = ?)
				select id from e order by seq""")
			.params(unit, Timestamp.from(at), seqs, actors, actions, types, ids, befores, afters, prevs, hashes, seq, prev, unit)
			.query(Long.class)
			.list();
		var out = new java.util.ArrayList<AuditEntry>(n);
		for (int i = 0; i < n; i++) {
			var e = entries.get(i);
			out.add(new AuditEntry(newIds.get(i), e.unitCode(), e.seq(), e.at(), e.actor(), e.action(), e.objectType(), e.objectId(),
					e.before(), e.after(), e.prevHash(), e.hash()));
		}
		return out;
	}

	/** Walks one unit's chain from the start and names the first entry that does not match. */
	@Transactional(readOnly = true)
	public ChainVerification verify(String unitCode) {
		var state = new Object() {
			long expectedSeq = 1;
			String prev = GENESIS;
			long checked = 0;
			@Nullable Long brokenSeq;
			@Nullable Long brokenId;
			@Nullable String reason;
		};
		jdbc.sql("""
				select id, unit_code, seq, at, actor, action, object_type, object_id, before_summary,
				       after_summary, prev_hash, hash
				from audit_entry where unit_code = ? order by seq""")
			.param(unitCode)
			.query(rs -> {
				if (state.brokenSeq != null) {
					return;
				}
				var e = map(rs);
				state.checked++;
				String problem = null;
				if (e.seq() != state.expectedSeq) {
					problem = said("audit.text.missingRow", String.valueOf(state.expectedSeq), String.valueOf(e.seq()));
				}
				else if (!e.prevHash().equals(state.prev)) {
					problem = said("audit.text.notChained");
				}
				else if (!e.hash().equals(hash(e.unitCode(), e.seq(), e.at(), e.actor(), e.action(), e.objectType(),
						e.objectId(), e.before(), e.after(), e.prevHash()))) {
					problem = said("audit.text.altered");
				}
				if (problem != null) {
					state.brokenSeq = e.seq();
					state.brokenId = e.id();
					state.reason = problem;
				}
				state.expectedSeq = e.seq() + 1;
				state.prev = e.hash();
			});
		if (state.brokenSeq == null) {
			var head = jdbc.sql("select seq, hash from audit_chain_head where unit_code = ?")
				.param(unitCode)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.optional();
			if (head.isPresent() && ((long) head.get()[0] != state.expectedSeq - 1 || !head.get()[1].equals(state.prev))) {
				state.brokenSeq = state.expectedSeq;
				state.reason = said("audit.text.deleted", String.valueOf(state.expectedSeq - 1));
			}
		}
		return new ChainVerification(unitCode, state.checked, state.brokenSeq, state.brokenId, state.reason);
	}

	/** Why a chain is broken, in Vietnamese (the audit bundle): the reason is printed by the command line and kept. */
	private static String said(String key, Object... args) {
		return Refusal.bundleText("i18n/audit", key, args);
	}

	/** Units that have a chain, among those the caller may see. */
	@Transactional(readOnly = true)
	public List<String> chains() {
		return jdbc.sql("select unit_code from audit_chain_head order by unit_code").query(String.class).list();
	}

	@Transactional(readOnly = true)
	public AuditPage search(AuditQuery query) {
		var where = new StringBuilder(" where unit_code = :unit");
		if (query.action() != null) {
			where.append(" and action like :action");
		}
		if (query.actor() != null) {
			where.append(" and actor = :actor");
		}
		if (query.from() != null) {
			where.append(" and at >= :from");
		}
		if (query.to() != null) {
			where.append(" and at < :to");
		}
		var select = jdbc.sql("select count(*) from audit_entry" + where);
		var list = jdbc.sql("""
				select id, unit_code, seq, at, actor, action, object_type, object_id, before_summary,
				       after_summary, prev_hash, hash from audit_entry""" + where
				+ " order by seq desc limit :limit offset :offset");
		select = bind(select, query);
		list = bind(list, query).param("limit", query.size()).param("offset", query.page() * query.size());
		var total = select.query(Long.class).single();
		return new AuditPage(list.query((rs, n) -> map(rs)).list(), total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery q) {
		spec = spec.param("unit", q.unitCode());
		if (q.action() != null) {
			spec = spec.param("action", vn.xaso.platform.SqlLike.escape(q.action()) + "%");
		}
		if (q.actor() != null) {
			spec = spec.param("actor", q.actor());
		}
		if (q.from() != null) {
			spec = spec.param("from", Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			spec = spec.param("to", Timestamp.from(q.to()));
		}
		return spec;
	}

	private static AuditEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("seq"),
				rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_summary"),
				rs.getString("after_summary"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static @Nullable String mask(@Nullable String summary) {
		return summary == null ? null : PersonalData.maskAll(summary);
	}

	static String hash(String unit, long seq, Instant at, String actor, String action, @Nullable String objectType,
			@Nullable String objectId, @Nullable String before, @Nullable String after, String prev) {
		var canonical = String.join("\u001f", unit, Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(),
				actor, action, nz(objectType), nz(objectId), nz(before), nz(after), prev);
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String nz(@Nullable String s) {
		return s == null ? "\u0000" : s;
	}

	/** Filters for the audit viewer; {@code action} matches as a prefix. */
	public record AuditQuery(String unitCode, @Nullable String action, @Nullable String actor, @Nullable Instant from,
			@Nullable Instant to, int page, int size) {
	}

	public record AuditPage(List<AuditEntry> entries, long total) {
	}
}
