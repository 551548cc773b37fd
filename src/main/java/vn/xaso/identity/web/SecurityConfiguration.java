package vn.xaso.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Web security rules: what is public, what needs a signed-in official or citizen. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
			.requestMatchers("/assets/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/units/**", "/api/v1/units", "/api/v1/calendar/**").permitAll()
			.anyRequest().authenticated());
		return http.build();
	}
}
