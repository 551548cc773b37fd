package vn.xaso.platform.idempotency;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Registers the idempotency filter right after Spring Security's filter chain (order -100), so it
 * sees the signed-in caller and only ever handles requests that passed CSRF and access checks;
 * and deletes kept results after 24 hours.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

	static final Duration KEEP = Duration.ofHours(24);
	private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

	@Bean
	IdempotencyStore idempotencyStore(JdbcClient jdbc) {
		return new IdempotencyStore(jdbc);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, MessageSource messages,
			LocaleResolver locales, @Value("${xaso.idempotency.wait:30s}") Duration wait,
			@Value("${xaso.idempotency.enabled:true}") boolean enabled) {
		var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, messages, locales, wait));
		registration.setEnabled(enabled); // off only to show what happens without it (and as an emergency switch)
		registration.setOrder(0);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	Cleanup idempotencyCleanup(IdempotencyStore store) {
		return new Cleanup(store);
	}

	/** Results are kept for 24 hours, as long as a client may reasonably retry. */
	static class Cleanup {

		private final IdempotencyStore store;

		Cleanup(IdempotencyStore store) {
			this.store = store;
		}

		/** The scheduled round: once per period across replicas (a lock row in PostgreSQL). */
		@Scheduled(initialDelayString = "${xaso.idempotency.cleanup-every:1h}", fixedDelayString = "${xaso.idempotency.cleanup-every:1h}")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "platform.idempotency-cleanup",
				lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
		void scheduled() {
			run();
		}

		int run() {
			int deleted = store.deleteOlderThan(KEEP);
			if (deleted > 0) {
				log.info("Idempotency: deleted {} kept results older than {}", deleted, KEEP);
			}
			return deleted;
		}
	}
}
