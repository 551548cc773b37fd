package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The module shape stays enforced (issue 14): no main Java file over {@value #MAX_LINES} lines, and no
 * Spring bean whose constructor takes more than {@value #MAX_DEPENDENCIES} collaborators (other beans;
 * {@code @Value} settings do not count) — a bigger one is split into use cases or its collaborators grouped. No Spring context: reads the sources and the classes.
 */
class ModuleShapeTests {

	static final int MAX_LINES = 400;
	static final int MAX_DEPENDENCIES = 7;

	@Test
	void noMainJavaFileIsLongerThan400Lines() throws IOException {
		var tooLong = new TreeMap<String, Long>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				long lines;
				try (var all = Files.lines(file)) {
					lines = all.count();
				}
				var name = file.getFileName().toString().replace(".java", "");
				if (lines > MAX_LINES) {
					tooLong.put(Path.of("src/main/java").relativize(file).toString(), lines);
				}
			}
		}
		assertThat(tooLong).as("main Java files over " + MAX_LINES + " lines (split them into use cases, adapters, helpers)")
			.isEmpty();
	}

	@Test
	void noSpringBeanTakesMoreThanSevenCollaborators() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(true);
		var tooMany = new TreeMap<String, Integer>();
		for (var candidate : scanner.findCandidateComponents("vn.xaso")) {
			var type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			if (type.getProtectionDomain().getCodeSource().getLocation().toString().contains("/test-classes/")) {
				continue; // test fixtures
			}
			int most = Arrays.stream(type.getDeclaredConstructors()).mapToInt(ModuleShapeTests::collaborators).max().orElse(0);
			if (most > MAX_DEPENDENCIES) {
				tooMany.put(type.getName(), most);
			}
		}
		assertThat(tooMany).as("Spring beans with more than " + MAX_DEPENDENCIES
				+ " constructor dependencies (split by use case or page, or group collaborators)").isEmpty();
	}

	/** Constructor parameters that are other beans: a configuration value ({@code @Value}) is not a collaborator. */
	private static int collaborators(Constructor<?> constructor) {
		return (int) Arrays.stream(constructor.getParameters()).filter(p -> !p.isAnnotationPresent(Value.class)).count();
	}
}
