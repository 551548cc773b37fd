package vn.xaso.notify;

import java.util.concurrent.ThreadLocalRandom;

import vn.xaso.identity.Citizens;

/** Fresh citizens for the notify tests, so tests never share preferences. */
final class NotifyFixtures {

	private NotifyFixtures() {
	}

	/** A new citizen with a random demo-looking phone 0966xxxxxx. */
	static long newCitizen(Citizens citizens, String name) {
		var phone = "0966" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		return citizens.ensure(phone, name);
	}

	static String key(String what) {
		return what + "-" + java.util.UUID.randomUUID();
	}
}
