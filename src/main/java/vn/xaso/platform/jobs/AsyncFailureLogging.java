package vn.xaso.platform.jobs;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

import vn.xaso.platform.RetriedLater;

/**
 * Failures of asynchronous work (the modules' {@code @ApplicationModuleListener}s): an unexpected one is logged
 * with its stack trace as before; a {@link RetriedLater} (expected, already logged by the listener in one line,
 * retried later) is not logged again.
 */
@Configuration(proxyBeanMethods = false)
class AsyncFailureLogging implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncFailureLogging.class);

	private final SimpleAsyncUncaughtExceptionHandler unexpected = new SimpleAsyncUncaughtExceptionHandler();

	@Override
	public @Nullable AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (failure, method, params) -> {
			if (failure instanceof RetriedLater) {
				log.debug("{}.{}: {}", method.getDeclaringClass().getSimpleName(), method.getName(), failure.getMessage());
				return;
			}
			unexpected.handleUncaughtException(failure, method, params);
		};
	}
}
