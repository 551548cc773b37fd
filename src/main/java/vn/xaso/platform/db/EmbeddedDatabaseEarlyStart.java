package vn.xaso.platform.db;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on its own thread as soon as the configuration is read, while Spring builds the
 * application context: the first bean that needs the database comes several seconds later (class loading and
 * scanning on the main thread), so {@code initdb} and the server's start (1–2 s on a fresh folder, about half a
 * second on a restart) no longer add to the time to healthy. {@link DatabaseConfiguration} takes the server started
 * here when the settings are the same, and starts one itself otherwise (tests build their contexts without
 * {@code main}, so they never see this listener). Registered by {@code XasoApplication.main}.
 */
@org.springframework.modulith.NamedInterface("db-early-start") // used by XasoApplication.main
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final AtomicReference<@Nullable Pending> PENDING = new AtomicReference<>();

	record Pending(Path dataDir, int port, boolean durable, CompletableFuture<EmbeddedDatabase> server) {

		boolean matches(Path otherDir, int otherPort, boolean otherDurable) {
			return dataDir.equals(normal(otherDir)) && port == otherPort && durable == otherDurable;
		}
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		var env = event.getEnvironment();
		if (!env.getProperty("xaso.db.url", "").isBlank()) {
			return; // an external PostgreSQL: nothing to start
		}
		begin(dataDir(env), port(env), durable(env));
	}

	/** After the configuration files and the command line are read (they set the data folder and the port). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static Path dataDir(Environment env) {
		return Path.of(env.getProperty("xaso.data-dir", "./data"));
	}

	static int port(Environment env) {
		return env.getProperty("xaso.db.embedded-port", Integer.class, 0);
	}

	static boolean durable(Environment env) {
		return env.getProperty("xaso.db.durable", Boolean.class, true);
	}

	/** Starts the server for these settings on a thread of its own (once per process). */
	static void begin(Path dataDir, int port, boolean durable) {
		var pending = new Pending(normal(dataDir), port, durable, new CompletableFuture<>());
		if (!PENDING.compareAndSet(null, pending)) {
			return;
		}
		var thread = new Thread(() -> {
			try {
				pending.server().complete(EmbeddedDatabase.start(dataDir, port, durable));
			}
			catch (Throwable e) {
				pending.server().completeExceptionally(e);
			}
		}, "embedded-postgres-start");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * The server started early for these settings, once it accepts connections; {@code null} when none was started
	 * (or for other settings: that one is stopped). A start that failed throws its error here, as a start on the
	 * main thread would.
	 */
	static @Nullable EmbeddedDatabase take(Path dataDir, int port, boolean durable) {
		var pending = PENDING.getAndSet(null);
		if (pending == null) {
			return null;
		}
		if (!pending.matches(dataDir, port, durable)) {
			pending.server().thenAccept(EmbeddedDatabase::close);
			return null;
		}
		try {
			return pending.server().join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}

	private static Path normal(Path dir) {
		return dir.toAbsolutePath().normalize();
	}
}
