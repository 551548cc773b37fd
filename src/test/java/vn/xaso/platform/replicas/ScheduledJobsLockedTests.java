package vn.xaso.platform.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Every scheduled job of the application is locked across replicas, each under its own name. */
class ScheduledJobsLockedTests {

	@Test
	void everyScheduledMethodHasItsOwnSchedulerLock() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("vn\\.xaso\\..*")));
		var unlocked = new ArrayList<String>();
		var names = new HashSet<String>();
		int jobs = 0;
		for (var candidate : scanner.findCandidateComponents("vn.xaso")) {
			var type = Class.forName(candidate.getBeanClassName(), false, getClass().getClassLoader());
			if (type.getName().startsWith("vn.xaso.platform.replicas.")) {
				continue; // this folder's test job
			}
			for (var method : type.getDeclaredMethods()) {
				if (!method.isAnnotationPresent(Scheduled.class)) {
					continue;
				}
				jobs++;
				var lock = method.getAnnotation(SchedulerLock.class);
				if (lock == null) {
					unlocked.add(type.getName() + "#" + method.getName());
				}
				else {
					assertThat(names.add(lock.name())).as("lock name %s used twice", lock.name()).isTrue();
					// ShedLock's method proxy refuses a locked method with a primitive result: the job would fail every time
					assertThat(method.getReturnType().isPrimitive() && method.getReturnType() != void.class)
						.as("%s#%s returns a primitive: ShedLock cannot lock it", type.getName(), method.getName()).isFalse();
				}
			}
		}
		assertThat(jobs).as("the application's scheduled jobs were found").isGreaterThanOrEqualTo(7);
		assertThat(unlocked).as("scheduled jobs without @SchedulerLock (they would run on every replica)").isEmpty();
	}
}
