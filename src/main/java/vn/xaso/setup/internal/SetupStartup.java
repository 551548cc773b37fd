package vn.xaso.setup.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Accounts;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.setup.FirstRunSetup;

/**
 * Decides at start whether the first-run setup is needed: not with the demo data, not once finished,
 * not when an administrator already exists. When it is, prints the one-time setup address to the
 * console and closes everything else until the wizard finishes.
 */
@Component
@Order(20)
public class SetupStartup implements ApplicationRunner, FirstRunSetup {

	private final Environment env;
	private final Accounts accounts;
	private final SetupStore store;
	private final SetupTokens tokens;
	private final AtomicBoolean inProgress = new AtomicBoolean(false);
	private final AtomicReference<String> address = new AtomicReference<>("");
	private volatile long nextCheck = System.nanoTime();

	SetupStartup(Environment env, Accounts accounts, SetupStore store, SetupTokens tokens) {
		this.env = env;
		this.accounts = accounts;
		this.store = store;
		this.tokens = tokens;
	}

	@Override
	public void run(ApplicationArguments args) {
		var command = System.getProperty("xaso.command", "serve");
		if (!command.equals("serve") || env.getProperty("xaso.demo.load", Boolean.class, false)) {
			return;
		}
		if (!needed()) {
			return;
		}
		var token = tokens.current();
		address.set("/setup/" + token);
		inProgress.set(true);
		var port = env.getProperty("local.server.port", "8080");
		var base = env.getProperty("XASO_PUBLIC_URL", "http://localhost:" + port);
		System.out.println("""

				  ============================================================
				  XaSo chưa được cài đặt. Mở địa chỉ sau để cài đặt (chỉ dùng một lần):
				  First-run setup address (one use only):

				    %s/setup/%s

				  (Mã cũng được lưu trong %s, chỉ người chạy dịch vụ đọc được.)
				  ============================================================
				""".formatted(base, token, tokens.file().toAbsolutePath()));
	}

	/** A setup already started and not finished (it resumes), or none yet and no administrator anywhere. */
	public boolean needed() {
		var state = store.find();
		if (state.isPresent()) {
			return !state.get().completed();
		}
		return !Tenancy.callAs(UnitScope.systemWide(), accounts::administratorExists);
	}

	/**
	 * While in progress, the shared setup row is read again at most every 2 seconds: behind a load balancer
	 * the wizard may be finished on another replica, and this one must then open too.
	 */
	@Override
	public boolean inProgress() {
		if (!inProgress.get()) {
			return false;
		}
		long now = System.nanoTime();
		if (now - nextCheck >= 0) {
			nextCheck = now + 2_000_000_000L;
			try {
				if (store.find().map(SetupState::completed).orElse(false)) {
					finished();
				}
			}
			catch (org.springframework.dao.DataAccessException e) {
				// The database is away: stay closed; DatabaseUnavailableFilter answers the rest.
			}
		}
		return inProgress.get();
	}

	/** The setup finished: open the rest of the application. */
	public void finished() {
		inProgress.set(false);
		tokens.forget();
	}
}
