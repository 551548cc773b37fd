package vn.xaso.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page shapes axe has checked in this test run (docs/testing.md): each is checked once. The two test JVMs of one
 * {@code mvn} run share them through a folder named after the run ({@code target/axe-shapes/<xaso.test.run>}, the
 * build's start time, which the build hands to both JVMs): the JVM that creates a shape's file checks it, the other
 * skips it, as a JVM skips a shape it checked itself. A new run has a new folder, so nothing is skipped because an
 * earlier build saw it; without the property (a test started from an IDE) the shapes are this JVM's only.
 */
final class AxeShapes {

	/** Whether axe checks a page of this shape: only when it is new to the run. */
	enum Seen {
		NEW, IN_THIS_JVM, IN_THE_OTHER_JVM
	}

	/** This JVM's shapes, shared with the other JVM of the same build. */
	static final AxeShapes RUN = new AxeShapes(folder(System.getProperty("xaso.test.run", "")));

	private final Set<String> seenHere = ConcurrentHashMap.newKeySet();
	private final Path shared;

	AxeShapes(Path shared) {
		this.shared = shared;
	}

	Seen meet(String shape) {
		if (!seenHere.add(shape)) {
			return Seen.IN_THIS_JVM;
		}
		if (shared == null) {
			return Seen.NEW;
		}
		try {
			Files.createDirectories(shared);
			Files.createFile(shared.resolve(digest(shape))); // atomic: of two JVMs meeting it at once, one creates it
			return Seen.NEW;
		}
		catch (FileAlreadyExistsException e) {
			return Seen.IN_THE_OTHER_JVM;
		}
		catch (IOException e) {
			return Seen.NEW; // not sure: check it
		}
	}

	/** The run's folder, or null (this JVM only) when the build gave no run. */
	static Path folder(String run) {
		var name = run.replaceAll("[^0-9A-Za-z-]", "");
		return name.isEmpty() ? null : Path.of("target", "axe-shapes", name).toAbsolutePath();
	}

	private static String digest(String shape) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
