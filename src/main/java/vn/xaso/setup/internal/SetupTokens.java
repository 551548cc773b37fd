package vn.xaso.setup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-time setup token: 32 random bytes (URL-safe Base64), kept in clear only in
 * {@code <data-dir>/setup-token} (owner read/write only) and as a SHA-256 hash in the database.
 */
@Component
public class SetupTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;
	private final SetupStore store;

	SetupTokens(@Value("${xaso.data-dir:./data}") String dataDir, SetupStore store) {
		this.file = Path.of(dataDir).resolve("setup-token");
		this.store = store;
	}

	public static String random(int bytes) {
		var raw = new byte[bytes];
		RANDOM.nextBytes(raw);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

	public static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether {@code token} is the current token of an unfinished setup (constant-time comparison). */
	public boolean matches(String token) {
		if (token == null || token.length() > 100) {
			return false;
		}
		return store.tokenHash().map(h -> MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII),
				hash(token).getBytes(StandardCharsets.US_ASCII))).orElse(false);
	}

	/**
	 * The token of the unfinished setup: the one already in the data folder if it is still valid (a restart
	 * keeps the printed address), otherwise a new one, saved to the database and the file.
	 */
	public String current() {
		if (store.find().map(SetupState::completed).orElse(false)) {
			throw new IllegalStateException("The first-run setup is finished; it is never reopened.");
		}
		var existing = read();
		if (existing.isPresent() && matches(existing.get())) {
			return existing.get();
		}
		var token = random(32);
		store.saveToken(hash(token));
		write(token);
		return token;
	}

	public Path file() {
		return file;
	}

	/** Removes the token file once the setup is finished (the token no longer opens anything anyway). */
	public void forget() {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// the token is already void in the database; a leftover file opens nothing
		}
	}

	private Optional<String> read() {
		try {
			return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	private void write(String token) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.deleteIfExists(file);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, token + "\n", StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the setup token to " + file, e);
		}
	}
}
