package vn.xaso.platform.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Signals between the replicas of one instance through PostgreSQL {@code LISTEN/NOTIFY} on one channel.
 * {@link #send} inside a transaction is delivered when it commits (never when it rolls back), to every
 * replica listening, the sender included. A replica that lost its listening connection cannot know what
 * it missed: when it is back, every handler receives {@link #EVERYTHING} ("forget all you cached").
 * <p>
 * The listener holds one connection of its own (outside the pool, same login) on a daemon thread.
 */
@Component
public class ReplicaSignals implements SmartLifecycle {

	/** The message a handler gets after a gap in listening: drop everything cached. */
	public static final String EVERYTHING = "*";

	static final String CHANNEL = "xaso_replica_signals";
	private static final Logger log = LoggerFactory.getLogger(ReplicaSignals.class);

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
	private volatile boolean running;
	private volatile boolean listening;
	private Thread listener;

	public ReplicaSignals(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** Calls {@code handler} with each message sent on {@code topic} (by any replica, this one too). */
	public void on(String topic, Consumer<String> handler) {
		checkTopic(topic);
		handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
	}

	/** Sends {@code message} on {@code topic}; in a transaction, delivered on commit. At most 7,000 bytes. */
	public void send(String topic, String message) {
		checkTopic(topic);
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, topic + ":" + message).query().listOfRows();
	}

	/** True while the listening connection is open (used by tests and start-up). */
	public boolean listening() {
		return listening;
	}

	@Override
	public void start() {
		running = true;
		listener = new Thread(this::listen, "xaso-replica-signals");
		listener.setDaemon(true);
		listener.start();
	}

	@Override
	public void stop() {
		running = false;
		var thread = listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(3_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		long backoff = 500;
		boolean missed = false;
		while (running) {
			try (var connection = connect()) {
				try (var statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				listening = true;
				backoff = 500;
				if (missed) {
					log.info("Replica signals: listening again; every cache is dropped");
					handlers.keySet().forEach(topic -> deliver(topic, EVERYTHING));
				}
				var pg = connection.unwrap(PGConnection.class);
				while (running) {
					var notifications = pg.getNotifications(1_000);
					if (notifications != null) {
						for (var n : notifications) {
							var payload = n.getParameter();
							int colon = payload.indexOf(':');
							if (colon > 0) {
								deliver(payload.substring(0, colon), payload.substring(colon + 1));
							}
						}
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (!running) {
					break;
				}
				if (listening || !missed) {
					log.warn("Replica signals: not listening ({}); retrying", e.getMessage());
				}
			}
			finally {
				listening = false;
			}
			missed = true;
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException e) {
				break;
			}
			backoff = Math.min(backoff * 2, 10_000);
		}
	}

	private void deliver(String topic, String message) {
		for (var handler : handlers.getOrDefault(topic, List.of())) {
			try {
				handler.accept(message);
			}
			catch (RuntimeException e) {
				log.warn("Replica signals: handler of {} failed", topic, e);
			}
		}
	}

	private Connection connect() throws SQLException {
		if (dataSource instanceof HikariDataSource hikari) {
			var connection = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
			connection.setAutoCommit(true);
			return connection;
		}
		return dataSource.getConnection();
	}

	private static void checkTopic(String topic) {
		if (!topic.matches("[a-z][a-z0-9.-]{0,40}")) {
			throw new IllegalArgumentException("Bad signal topic: " + topic);
		}
	}
}
