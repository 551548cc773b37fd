package vn.xaso.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/**
 * The SQL statements this thread sends to PostgreSQL while open, seen in the PostgreSQL JDBC driver's own protocol
 * log ({@code FE=> Parse / Bind / Execute} at FINEST): each Execute is one statement the server runs, its text taken
 * from the Parse of the statement it binds (a statement the driver prepared on that connection before the count began
 * shows as "prepared" with its Bind line, parameters included). Transaction control (BEGIN, COMMIT, ROLLBACK) is listed apart. Nothing in the application
 * changes: the driver's logger is turned up for the time of the count and back afterwards. Each statement is paired
 * with the backend's answer ({@code <=BE CommandStatus}), which tells transaction control apart.
 *
 * <pre>
 * try (var sql = SqlStatements.count()) {
 *     ...
 *     assertThat(sql.statements()).hasSizeLessThanOrEqualTo(15);
 * }
 * </pre>
 */
public final class SqlStatements implements AutoCloseable {

	private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
	private static final Pattern PARSE = Pattern.compile("(?s)\\s*FE=> Parse\\(stmt=([^,]*),query=\"(.*)\",oids=.*");
	private static final Pattern BIND = Pattern.compile("(?s)\\s*FE=> Bind\\(stmt=([^,]*),.*");
	private static final Pattern SIMPLE = Pattern.compile("(?s)\\s*FE=> SimpleQuery\\(query=\"(.*)\"\\).*");

	private final long thread = Thread.currentThread().threadId();
	private final Level levelBefore;
	private final boolean parentsBefore;
	private final Map<String, String> prepared = new HashMap<>();
	private final List<String> sent = new ArrayList<>();
	/** The backend's answer to each statement sent, in order: its command tag (INSERT 0 1, COMMIT…), EMPTY or ERROR. */
	private final List<String> answers = new ArrayList<>();
	private final Handler handler;
	private String bound = "";

	private SqlStatements() {
		var formatter = new SimpleFormatter();
		handler = new Handler() {
			@Override
			public void publish(LogRecord record) {
				if (record.getLongThreadID() == thread) {
					seen(formatter.formatMessage(record));
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		handler.setLevel(Level.ALL);
		levelBefore = DRIVER.getLevel();
		parentsBefore = DRIVER.getUseParentHandlers();
		DRIVER.setUseParentHandlers(false);
		DRIVER.addHandler(handler);
		DRIVER.setLevel(Level.FINEST);
	}

	/** Starts counting this thread's statements. */
	public static SqlStatements count() {
		return new SqlStatements();
	}

	private synchronized void seen(String message) {
		var parse = PARSE.matcher(message);
		if (parse.matches()) {
			prepared.put(parse.group(1), parse.group(2).replace("\\\"", "\""));
			return;
		}
		var bind = BIND.matcher(message);
		if (bind.matches()) {
			// A statement the driver prepared on this connection before the count began: its parameters are all there is.
			bound = prepared.getOrDefault(bind.group(1), "prepared " + message.strip());
			return;
		}
		var simple = SIMPLE.matcher(message);
		if (simple.matches()) {
			sent.add(simple.group(1));
			return;
		}
		var m = message.strip();
		if (m.startsWith("FE=> Execute(")) {
			sent.add(bound);
		}
		else if (m.startsWith("<=BE CommandStatus(") && m.endsWith(")")) {
			answers.add(m.substring("<=BE CommandStatus(".length(), m.length() - 1));
		}
		else if (m.startsWith("<=BE EmptyQuery")) {
			answers.add("EMPTY");
		}
		else if (m.startsWith("<=BE ErrorMessage")) {
			answers.add("ERROR");
		}
	}

	/** Every statement run, transaction control included, in order. */
	public synchronized List<String> all() {
		return List.copyOf(sent);
	}

	/**
	 * The statements run, without transaction control and the pool's empty connection checks — told by the backend's
	 * answer (its command tag), so also for a statement whose text the driver prepared before the count began.
	 */
	public synchronized List<String> statements() {
		var out = new ArrayList<String>();
		for (int i = 0; i < sent.size(); i++) {
			var sql = sent.get(i);
			var answer = i < answers.size() ? answers.get(i) : "";
			if (!control(answer) && !control(sql) && !sql.isBlank() && !answer.equals("EMPTY")) {
				out.add(sql);
			}
		}
		return out;
	}

	private static boolean control(String sqlOrTag) {
		var s = sqlOrTag.strip().toUpperCase(Locale.ROOT);
		return s.equals("BEGIN") || s.equals("COMMIT") || s.equals("ROLLBACK") || s.startsWith("SAVEPOINT") || s.startsWith("RELEASE");
	}

	/** One line per statement, numbered, shortened: for a failing assertion's message. */
	public String listing() {
		var out = new StringBuilder();
		List<String> sql;
		List<String> tags;
		synchronized (this) {
			sql = List.copyOf(sent);
			tags = List.copyOf(answers);
		}
		for (int i = 0; i < sql.size(); i++) {
			var line = sql.get(i).replaceAll("\\s+", " ").strip();
			out.append(String.format("%n%2d. [%s] %s", i + 1, i < tags.size() ? tags.get(i) : "?",
					line.length() > 160 ? line.substring(0, 160) + "…" : line));
		}
		return out.toString();
	}

	@Override
	public void close() {
		DRIVER.setLevel(levelBefore);
		DRIVER.removeHandler(handler);
		DRIVER.setUseParentHandlers(parentsBefore);
	}
}
