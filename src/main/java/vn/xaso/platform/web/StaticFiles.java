package vn.xaso.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;

/** Files served from the jar by a controller (the service workers): their bytes, read once, and an ETag of them. */
public final class StaticFiles {

	private StaticFiles() {
	}

	public static byte[] read(String classpath) {
		try (var in = new ClassPathResource(classpath).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A strong ETag: the first 12 bytes of the content's SHA-256, quoted. */
	public static String etag(byte[] bytes) {
		try {
			return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
