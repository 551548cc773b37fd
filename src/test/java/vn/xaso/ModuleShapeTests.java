package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The module shape stays enforced (issue 14): no main Java file over {@value #MAX_LINES} lines, and no
 * Spring bean whose constructor takes more than {@value #MAX_DEPENDENCIES} collaborators (other beans;
 * {@code @Value} settings do not count) — a bigger one is split into use cases or its collaborators grouped; one writer
 * per table (the table's SQL adapter is the only class whose SQL inserts, updates or deletes its rows) and no module's SQL
 * names another module's tables (a table belongs to the module whose migrations create it). No Spring context: reads the
 * sources and the classes.
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

	/** Java string literals and text blocks: where the SQL is. */
	private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
	/** A statement changing a table's rows. */
	private static final Pattern WRITES = Pattern.compile("(?i)\\b(?:insert\\s+into|merge\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+([a-z_][a-z0-9_]*)\\b");
	/** A table named in a statement (read or written). */
	private static final Pattern NAMES = Pattern.compile("(?i)\\b(?:from|join|into|update|truncate(?:\\s+table)?)\\s+([a-z_][a-z0-9_]*)\\b");
	private static final Pattern CREATES = Pattern
		.compile("(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");

	@Test
	void everyTableHasOneWriterAndNoModuleNamesAnothersTables() throws IOException {
		var owners = tableOwners();
		assertThat(owners).as("tables found in the modules' migrations").containsKeys("dossier", "document", "community_household", "citizen");
		var writers = new TreeMap<String, TreeSet<String>>();
		var foreign = new TreeSet<String>();
		var root = Path.of("src/main/java/vn/xaso");
		try (Stream<Path> files = Files.walk(root)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				var name = root.relativize(file).toString().replace('\\', '/').replace(".java", "");
				var module = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
				var strings = STRINGS.matcher(Files.readString(file));
				while (strings.find()) {
					var sql = strings.group(1) != null ? strings.group(1) : strings.group(2);
					var written = WRITES.matcher(sql);
					while (written.find()) {
						var table = written.group(1).toLowerCase(java.util.Locale.ROOT);
						if (owners.containsKey(table)) {
							writers.computeIfAbsent(table, k -> new TreeSet<>()).add(name);
						}
					}
					var named = NAMES.matcher(sql);
					while (named.find()) {
						var owner = owners.get(named.group(1).toLowerCase(java.util.Locale.ROOT));
						if (owner != null && !owner.equals(module)) {
							foreign.add(name + " names " + named.group(1) + " of " + owner);
						}
					}
				}
			}
		}
		writers.values().removeIf(w -> w.size() == 1);
		assertThat(writers).as("tables changed by more than one class: one SQL adapter per table writes it, others read"
				+ " (docs/architecture.md, Module shape)").isEmpty();
		assertThat(foreign).as("SQL naming another module's table: go through that module's API").isEmpty();
	}

	/** Table → the module whose migrations ({@code db/migration/<module>/}) create it. */
	private static Map<String, String> tableOwners() throws IOException {
		var owners = new TreeMap<String, String>();
		var base = Path.of("src/main/resources/db/migration");
		try (Stream<Path> files = Files.walk(base)) {
			for (var file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				var module = base.relativize(file).getName(0).toString();
				var created = CREATES.matcher(Files.readString(file));
				while (created.find()) {
					owners.putIfAbsent(created.group(1).toLowerCase(java.util.Locale.ROOT), module);
				}
			}
		}
		return owners;
	}

	@Test
	void noControllerTakesAFormAsARawMap() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(org.springframework.stereotype.Controller.class));
		var found = new TreeSet<String>();
		for (var candidate : scanner.findCandidateComponents("vn.xaso")) {
			var type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			for (var method : type.getDeclaredMethods()) {
				for (var p : method.getParameters()) {
					if (Map.class.isAssignableFrom(p.getType())
							&& (p.isAnnotationPresent(org.springframework.web.bind.annotation.RequestParam.class)
									|| p.isAnnotationPresent(org.springframework.web.bind.annotation.ModelAttribute.class))) {
						found.add(type.getName() + "." + method.getName());
					}
				}
			}
		}
		assertThat(found).as("handlers binding a form as a Map: a record with named components, or platform.web.FormAnswers"
				+ " for fields named by data (docs/architecture.md)").isEmpty();
	}

	/** Constructor parameters that are other beans: a configuration value ({@code @Value}) is not a collaborator. */
	private static int collaborators(Constructor<?> constructor) {
		return (int) Arrays.stream(constructor.getParameters()).filter(p -> !p.isAnnotationPresent(Value.class)).count();
	}
}
