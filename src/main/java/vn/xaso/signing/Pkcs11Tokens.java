package vn.xaso.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.signing.internal.Certificates;

/**
 * What a PKCS#11 library (a USB token's driver, an HSM client) reports, for an administrator choosing the
 * organisation's signing token: the known libraries present on this machine, the initialised tokens in its
 * slots with their labels, and the keys (with their certificates) on one token.
 *
 * <p>Slots and labels come from the JDK's PKCS#11 wrapper (the jar's manifest exports
 * {@code jdk.crypto.cryptoki/sun.security.pkcs11.wrapper}; tests get the same flag from Surefire). The PIN is used to
 * read the key list and is not kept.
 */
public final class Pkcs11Tokens {

	/** Where the usual PKCS#11 libraries are installed on Debian/Ubuntu (SoftHSM, OpenSC, SafeNet, YubiKey, bit4id). */
	static final List<String> KNOWN = List.of("/usr/lib/softhsm/libsofthsm2.so",
			"/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
			"/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so", "/usr/lib/libeTPkcs11.so",
			"/usr/lib/x86_64-linux-gnu/libykcs11.so", "/usr/lib/libbit4xpki.so", "/usr/local/lib/libsofthsm2.so");

	private static final long CKF_TOKEN_INITIALIZED = 0x400L;
	private static final long CKF_OS_LOCKING_OK = 0x2L;

	/**
	 * The libraries a token may be opened with ({@code xaso.signing.pkcs11-libraries}; empty → {@link #KNOWN}, the
	 * vendors' usual system paths). Loading a library runs its code, so every path is checked against this list
	 * before anything is loaded: a typed path in setup, an official's token, a stored identity being unlocked.
	 */
	private static volatile List<String> allowed = KNOWN;

	/** A token in a slot, as the library reports it. */
	public record Token(long slot, String label) {
	}

	/** A token plugged into this server, in an allowed library; {@link #value()} names it in a form. */
	public record Plugged(String library, long slot, String label) {

		public String value() {
			return library + "|" + slot;
		}
	}

	/** A key on the token with its certificate. */
	public record TokenKey(String alias, String subject, Instant notAfter, X509Certificate certificate) {
	}

	private Pkcs11Tokens() {
	}

	/** Sets the installation's allow-list (the signing module's configuration does, from {@code xaso.signing.pkcs11-libraries}). */
	public static void allow(List<String> libraries) {
		var list = libraries.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
		allowed = list.isEmpty() ? KNOWN : list;
	}

	/** The libraries a token may be opened with on this installation. */
	public static List<String> allowedLibraries() {
		return allowed;
	}

	/** The allowed libraries that exist on this machine, each file once (Debian links /usr/lib/softhsm/… to the multiarch folder). */
	public static List<String> knownLibraries() {
		var seen = new java.util.HashSet<Path>();
		var found = new ArrayList<String>();
		for (var library : allowed) {
			var path = Path.of(library);
			try {
				if (Files.isRegularFile(path) && seen.add(path.toRealPath())) {
					found.add(library);
				}
			}
			catch (java.io.IOException e) {
				// gone between the two checks: not offered
			}
		}
		return found;
	}

	/** The initialised tokens of every allowed library present on this machine (a library that cannot be read lists none). */
	public static List<Plugged> plugged() {
		var found = new ArrayList<Plugged>();
		for (var library : knownLibraries()) {
			try {
				for (var token : tokens(Path.of(library))) {
					found.add(new Plugged(library, token.slot(), token.label()));
				}
			}
			catch (SigningException e) {
				// nothing plugged in, or not a PKCS#11 library after all: no token to offer from it
			}
		}
		return found;
	}

	/** Checks a typed or chosen library path: allowed on this installation, absolute, an existing file. */
	public static Path library(@Nullable String path) {
		var text = path == null ? "" : path.strip();
		if (text.isEmpty()) {
			throw SigningException.of("signing.error.libraryMissing");
		}
		Path library;
		try {
			library = Path.of(text);
		}
		catch (RuntimeException e) {
			throw SigningException.of("signing.error.libraryInvalid");
		}
		if (!library.isAbsolute() || !Files.isRegularFile(library) || !Files.isReadable(library)) {
			throw SigningException.of("signing.error.libraryNotFound", text);
		}
		requireAllowed(library);
		return library.normalize(); // as the allow-list compares it: "/a/./lib.so" and "/a/lib.so" are one library, stored once
	}

	/** Refuses a library that is not on the allow-list, before it is loaded. */
	static void requireAllowed(Path library) {
		var path = library.toAbsolutePath().normalize().toString();
		if (!library.isAbsolute() || !allowed.contains(path)) {
			throw SigningException.of("signing.error.libraryNotAllowed", library.toString());
		}
	}

	/** The initialised tokens the library reports, in slot order. */
	public static List<Token> tokens(Path library) {
		requireAllowed(library);
		try {
			var pkcs11 = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
			var module = module(library);
			var slots = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
			var tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
			var found = new ArrayList<Token>();
			for (long slot : slots) {
				var info = tokenInfo.invoke(module, slot);
				long flags = info.getClass().getField("flags").getLong(info);
				if ((flags & CKF_TOKEN_INITIALIZED) == 0) {
					continue;
				}
				found.add(new Token(slot, new String((char[]) info.getClass().getField("label").get(info)).strip()));
			}
			return found;
		}
		catch (IllegalAccessException | java.lang.reflect.InaccessibleObjectException e) {
			throw SigningException.because(e, "signing.error.pkcs11Exports");
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
			var cause = e instanceof java.lang.reflect.InvocationTargetException t && t.getCause() != null ? t.getCause() : e;
			throw SigningException.because(cause, "signing.error.libraryUnreadable", library.toString(), String.valueOf(cause.getMessage()));
		}
	}

	/**
	 * The JDK's one wrapper of {@code library} for this process, initialised. The JDK keeps the wrapper per library path
	 * for the life of the process; taken without initialising, it stays cached whatever C_Initialize says (one that
	 * failed inside the JDK's own initialisation would be dropped, and its cleaner would unload the library under the
	 * providers that still use it). As SunPKCS11 does, the library is asked to lock for itself (CKF_OS_LOCKING_OK):
	 * initialised without arguments a library may assume one thread (SoftHSM turns its locks off).
	 */
	static Object module(Path library) throws ReflectiveOperationException {
		var pkcs11 = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
		var initArgs = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
		var module = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
			.invoke(null, library.toAbsolutePath().toString(), "C_GetFunctionList", null, true);
		var args = initArgs.getConstructor().newInstance();
		initArgs.getField("flags").setLong(args, CKF_OS_LOCKING_OK);
		try {
			var initialize = pkcs11.getDeclaredMethod("C_Initialize", Object.class); // package-private: Add-Opens in the jar
			initialize.setAccessible(true);
			initialize.invoke(module, args);
		}
		catch (java.lang.reflect.InvocationTargetException e) {
			if (!String.valueOf(e.getCause()).contains("CKR_CRYPTOKI_ALREADY_INITIALIZED")) {
				throw e;
			}
		}
		return module;
	}

	/**
	 * The keys on the token in {@code slot} that have a certificate, read with the PIN (logged out again after).
	 * A wrong PIN gives a plain message.
	 */
	public static List<TokenKey> keys(Path library, long slot, char[] pin) {
		requireAllowed(library);
		var provider = provider(library, slot);
		try {
			var store = login(provider, pin);
			var keys = new ArrayList<TokenKey>();
			for (var alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
					keys.add(new TokenKey(alias, Certificates.commonName(certificate), certificate.getNotAfter().toInstant(),
							certificate));
				}
			}
			keys.sort(java.util.Comparator.comparing(TokenKey::alias));
			return keys;
		}
		catch (SigningException e) {
			throw e;
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.keysUnreadable", String.valueOf(e.getMessage()));
		}
		finally {
			logout(provider);
		}
	}

	static Provider provider(Path library, long slot) {
		try {
			module(library);
			return Security.getProvider("SunPKCS11")
				.configure("--name = XaSo" + Long.toHexString(slot) + "\nlibrary = " + library.toAbsolutePath() + "\nslot = " + slot + "\n");
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			var cause = e instanceof java.lang.reflect.InvocationTargetException t && t.getCause() != null ? t.getCause() : e;
			throw SigningException.because(cause, "signing.error.slotUnreadable", String.valueOf(slot), String.valueOf(cause.getMessage()));
		}
	}

	/**
	 * Logs in with {@code pin}. PKCS#11 keeps a login for the whole process, so any earlier login is ended
	 * first: a wrong PIN is refused even right after a right one.
	 */
	static KeyStore login(Provider provider, char[] pin) throws Exception {
		logout(provider);
		var store = KeyStore.getInstance("PKCS11", provider);
		try {
			store.load(null, pin);
		}
		catch (java.io.IOException e) {
			throw SigningException.because(e, "signing.error.pin");
		}
		return store;
	}

	static void logout(Provider provider) {
		if (provider instanceof AuthProvider auth) {
			try {
				auth.logout();
			}
			catch (Exception ignored) {
				// not logged in
			}
		}
	}
}
