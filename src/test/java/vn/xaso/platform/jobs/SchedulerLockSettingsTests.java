package vn.xaso.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every scheduled job's lock, with its default settings, can be taken: ShedLock refuses a lock whose
 * {@code lockAtLeastFor} is longer than its {@code lockAtMostFor}, at every run, and the job never runs (the
 * idempotency clean-up did so once: at least one hour, at most 30 minutes).
 */
class SchedulerLockSettingsTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:([^}]+)}");

	@Test
	void everyJobLockHoldsAtLeastNoLongerThanAtMost() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
		var locks = new ArrayList<String>();
		var wrong = new ArrayList<String>();
		for (var candidate : scanner.findCandidateComponents("vn.xaso")) {
			var type = Class.forName(candidate.getBeanClassName(), false, getClass().getClassLoader());
			for (var method : type.getDeclaredMethods()) {
				var lock = method.getAnnotation(SchedulerLock.class);
				if (lock == null) {
					continue;
				}
				locks.add(lock.name());
				var least = duration(lock.lockAtLeastFor(), Duration.ZERO);
				var most = duration(lock.lockAtMostFor(), Duration.ofMinutes(30)); // JobLockConfiguration's default
				if (least.compareTo(most) > 0) {
					wrong.add(lock.name() + ": at least " + least + ", at most " + most);
				}
			}
		}
		assertThat(locks).as("the scan finds the jobs").contains("platform.idempotency-cleanup", "insights.monthly-reports");
		assertThat(wrong).isEmpty();
	}

	private static Duration duration(String text, Duration unset) {
		if (text.isEmpty()) {
			return unset;
		}
		var m = PLACEHOLDER.matcher(text);
		var value = m.matches() ? m.group(1) : text;
		return DurationStyle.detectAndParse(value);
	}
}
