package vn.xaso.platform.db;

import java.nio.file.Path;

/** Started in a child JVM by the crash tests: starts the embedded database, says where, and waits to be killed. */
public final class EmbeddedDatabaseChild {

	public static void main(String[] args) throws Exception {
		var db = EmbeddedDatabase.start(Path.of(args[0]), 0);
		System.out.println("READY " + db.port() + " " + db.pid());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}
}
