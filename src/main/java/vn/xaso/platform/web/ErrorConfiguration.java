package vn.xaso.platform.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/** Bad input and errors before Spring MVC: the NUL filter, and Tomcat's own error report. */
@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

	@Bean
	FilterRegistrationBean<BadInputFilter> badInputFilter() {
		var registration = new FilterRegistrationBean<>(new BadInputFilter());
		// Right after the character-encoding filter (parameters must be read as UTF-8), before security.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Spring's multipart resolver, except on the error dispatch: after a body over the limit, the error
	 * page's dispatch must not parse the same body again (it failed again there and the 413 went out
	 * with an empty body).
	 */
	@Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
	StandardServletMultipartResolver multipartResolver() {
		return new StandardServletMultipartResolver() {
			@Override
			public boolean isMultipart(HttpServletRequest request) {
				return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
			}
		};
	}

	/** Replaces Tomcat's (and Spring Boot's) English error report valve on the host with {@link ServerErrorReport}. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> vietnameseServerErrors() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ServerErrorReport.class.getName());
			}
			context.addLifecycleListener(event -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
					var pipeline = context.getParent().getPipeline();
					var ours = false;
					for (var valve : pipeline.getValves()) {
						if (valve instanceof ServerErrorReport) {
							ours = true;
						}
						else if (valve instanceof ErrorReportValve) {
							pipeline.removeValve(valve);
						}
					}
					if (!ours) {
						pipeline.addValve(new ServerErrorReport());
					}
				}
			});
		});
	}
}
