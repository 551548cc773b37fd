package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;


import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Requests are served by a pool of platform threads. With virtual threads, the 30-minute soak of 7 December
 * 2026 hung in its second minute: on a 2-core machine both carrier threads were pinned by requests loading a
 * class from the executable jar (class loading from the JVM pins), waiting for the class-loader lock held by
 * a request that waited for the nested jar's lock, held by a runnable request that had no carrier left
 * (spring-boot#51463; docs/decisions/0003-platform-threads-for-requests.md). Every request then timed out.
 */
@XasoIntegrationTest
class RequestThreadsTests {

	@Autowired
	WebServerApplicationContext context;

	@Autowired
	TaskScheduler scheduler;

	@Test
	void requestsRunOnABoundedPoolOfPlatformThreads() {
		var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
		var executor = tomcat.getConnector().getProtocolHandler().getExecutor();
		assertThat(executor).isInstanceOf(ThreadPoolExecutor.class);
		var pool = (ThreadPoolExecutor) executor;
		assertThat(pool.getMaximumPoolSize()).isEqualTo(100);
		var thread = pool.getThreadFactory().newThread(() -> { });
		assertThat(thread.isVirtual()).isFalse();
	}

	@Test
	void scheduledJobsHaveMoreThanOneThread() {
		assertThat(scheduler).isInstanceOf(ThreadPoolTaskScheduler.class);
		assertThat(((ThreadPoolTaskScheduler) scheduler).getScheduledThreadPoolExecutor().getCorePoolSize()).isEqualTo(4);
	}
}
