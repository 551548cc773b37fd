package vn.xaso.platform.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Where the start-up time goes, for profiling (docs/performance.md, "Start-up"): with
 * {@code -Dxaso.startup.steps=25} Spring records each start-up step (bean creation, configuration parsing, ...) and
 * the 25 steps that took longest by their own time (without the steps inside them, e.g. the beans a bean needed)
 * are logged once the instance is ready. Off by default: recording costs memory and a little time.
 */
@org.springframework.modulith.NamedInterface("startup-steps") // used by XasoApplication.main
public final class StartupSteps {

	private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

	private StartupSteps() {
	}

	/** Called by {@code main} before the application runs. */
	public static void install(SpringApplication app) {
		int top = Integer.getInteger("xaso.startup.steps", 0);
		if (top <= 0) {
			return;
		}
		var startup = new BufferingApplicationStartup(100_000);
		app.setApplicationStartup(startup);
		app.addListeners(event -> {
			if (event instanceof ApplicationReadyEvent) {
				log.info("Start-up steps by own time (-Dxaso.startup.steps={}):\n{}", top,
						describe(startup.getBufferedTimeline().getEvents(), top));
			}
		});
	}

	/** One line per step: own time, total time, name and tags, longest own time first. */
	static String describe(List<TimelineEvent> events, int top) {
		var childTime = new HashMap<Long, Duration>();
		for (var e : events) {
			var parent = e.getStartupStep().getParentId();
			if (parent != null) {
				childTime.merge(parent, e.getDuration(), Duration::plus);
			}
		}
		record Line(Duration own, TimelineEvent event) {
		}
		var lines = new ArrayList<Line>();
		for (var e : events) {
			lines.add(new Line(e.getDuration().minus(childTime.getOrDefault(e.getStartupStep().getId(), Duration.ZERO)), e));
		}
		lines.sort(Comparator.comparing(Line::own).reversed());
		return lines.stream().limit(top).map(l -> String.format("  %6d ms own %6d ms total  %s %s", l.own().toMillis(),
				l.event().getDuration().toMillis(), l.event().getStartupStep().getName(),
				StreamSupport.stream(l.event().getStartupStep().getTags().spliterator(), false)
					.map(t -> t.getKey() + "=" + t.getValue())
					.collect(Collectors.joining(" "))))
			.collect(Collectors.joining("\n"));
	}
}
