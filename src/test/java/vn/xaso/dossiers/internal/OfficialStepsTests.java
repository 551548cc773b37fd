package vn.xaso.dossiers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.testing.XasoIntegrationTest;

/** Every step a workflow declares has the {@link OfficialStep} that does its work, and no step is taken twice. */
@XasoIntegrationTest
class OfficialStepsTests {

	@Autowired
	List<OfficialStep> steps;

	@Autowired
	Workflows workflows;

	@Test
	void everyDeclaredActionHasExactlyOneStep() {
		var declared = new TreeSet<String>();
		Workflows.NAMES.forEach(n -> workflows.get(n).actions().forEach(a -> declared.add(a.name())));
		var taken = new TreeSet<String>();
		var count = 0;
		for (var step : steps) {
			taken.addAll(step.actions());
			count += step.actions().size();
		}
		assertThat(taken).isEqualTo(declared);
		assertThat(count).as("no action is taken by two steps").isEqualTo(taken.size());
	}
}
