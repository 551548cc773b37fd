package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries are real: a module importing another's internals, or a module its
 * {@code @ApplicationModule(allowedDependencies = …)} does not name, fails the build. The declared
 * dependencies, the code and the table in docs/architecture.md say the same thing, and the committed
 * component diagram (docs/modules/components.puml) is the one Spring Modulith draws from the code.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(XasoApplication.class);

	/** Modules being reshaped in another branch that will declare their dependencies there. */
	static final Set<String> NOT_YET_DECLARED = Set.of();

	static final Path DIAGRAM = Path.of("docs/modules/components.puml");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void everyModuleDeclaresExactlyTheModulesItUses() {
		var wrong = new TreeMap<String, String>();
		for (var module : MODULES) {
			var declared = declaredModules(module);
			var used = usedModules(module);
			if (declared == null && NOT_YET_DECLARED.contains(module.getIdentifier().toString())) {
				continue;
			}
			if (declared == null) {
				wrong.put(module.getIdentifier().toString(), "declares no allowedDependencies; uses " + used);
			}
			else if (!declared.equals(used)) {
				wrong.put(module.getIdentifier().toString(), "declares " + declared + " but uses " + used);
			}
		}
		assertThat(wrong).as("@ApplicationModule(allowedDependencies) in each package-info.java").isEmpty();
	}

	@Test
	void architecturePageListsTheRealDependencies() throws IOException {
		var documented = documentedDependencies();
		var real = new TreeMap<String, Set<String>>();
		MODULES.forEach(m -> real.put(m.getIdentifier().toString(), usedModules(m)));
		assertThat(documented).as("'depends on' column of the module table in docs/architecture.md").isEqualTo(real);
	}

	/**
	 * Writes the Modulith diagrams to target/spring-modulith-docs and checks the committed component
	 * diagram against the code. After changing a module's dependencies, run this test with
	 * {@code -Dxaso.docs.write=true} to rewrite docs/modules/components.puml.
	 */
	@Test
	void componentDiagramIsCurrent() throws IOException {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		var generated = Files.readString(Path.of("target/spring-modulith-docs/components.puml"));
		if (Boolean.getBoolean("xaso.docs.write")) {
			Files.writeString(DIAGRAM, generated);
		}
		// Structurizr lists components and relations in no fixed order: compare the lines, not their order.
		assertThat(sortedLines(Files.readString(DIAGRAM)))
			.as("docs/modules/components.puml is out of date: run ModularityTests with -Dxaso.docs.write=true")
			.isEqualTo(sortedLines(generated));
	}

	private static java.util.List<String> sortedLines(String text) {
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
	}

	/** Module names in {@code allowedDependencies} (named interfaces folded into their module), or null if none. */
	private static Set<String> declaredModules(ApplicationModule module) {
		try {
			var info = Class.forName(module.getBasePackage().getName() + ".package-info");
			var annotation = info.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			if (annotation == null) {
				return null;
			}
			return Arrays.stream(annotation.allowedDependencies())
				.map(d -> d.split("::")[0].trim())
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (ClassNotFoundException e) {
			return null;
		}
	}

	private static Set<String> usedModules(ApplicationModule module) {
		return module.getDirectDependencies(MODULES)
			.uniqueModules()
			.map(m -> m.getIdentifier().toString())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Module → modules named in the "depends on" column of docs/architecture.md's module table. */
	private static Map<String, Set<String>> documentedDependencies() throws IOException {
		var names = new TreeSet<String>();
		MODULES.forEach(m -> names.add(m.getIdentifier().toString()));
		var row = Pattern.compile("^\\| `([a-z]+)`[^|]*\\|[^|]*\\|[^|]*\\|([^|]*)\\|\\s*$");
		var result = new TreeMap<String, Set<String>>();
		for (var line : Files.readAllLines(Path.of("docs/architecture.md"))) {
			var m = row.matcher(line);
			if (m.matches() && names.contains(m.group(1))) {
				var deps = Arrays.stream(m.group(2).split("[^a-z]+"))
					.filter(names::contains)
					.collect(Collectors.toCollection(TreeSet::new));
				result.put(m.group(1), deps);
			}
		}
		return result;
	}
}
