package vn.xaso.insights.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;
import vn.xaso.platform.web.NavLink;

/** Who may open the insights pages, and their workspace card. */
@Configuration(proxyBeanMethods = false)
class InsightsWeb {

	@Bean
	AccessRules insightsAccess() {
		return new AccessRules() {
			@Override
			public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
				auth.requestMatchers(HttpMethod.GET, "/api/v1/open-data/indicators", "/board/*").permitAll()
					.requestMatchers("/insights", "/insights/**")
					.hasAnyRole(Role.LEADER.name(), Role.ADMIN.name(), Role.PROVINCE_VIEWER.name(), Role.ONE_STOP.name(),
							Role.CLERK.name(), Role.SPECIALIST.name());
			}
		};
	}

	@Bean
	NavLink insightsCard() {
		return NavLink.official(5, "/insights", "insights.title", "insights.card", Role.LEADER.name(), Role.ADMIN.name(),
				Role.PROVINCE_VIEWER.name(), Role.ONE_STOP.name(), Role.CLERK.name(), Role.SPECIALIST.name());
	}
}
