package vn.xaso.cameras.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Camera paths: incidents are the police post's; withdrawing a household's consent is the administrator's; "Xem camera"
 * is the police post's and a farmer's (their own farm's cameras — which camera, the use cases check); the list, a
 * camera's page and registering are the administrator's, the police post's and a farmer's.
 */
@Component
class CameraAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/cameras/incidents", "/cameras/incidents/**").hasRole("POLICE_POST")
			.requestMatchers(HttpMethod.POST, "/cameras/*/withdraw-consent").hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/cameras/*/view").hasAnyRole("POLICE_POST", "PRODUCER")
			.requestMatchers(HttpMethod.POST, "/cameras", "/cameras/*").hasAnyRole("ADMIN", "PRODUCER")
			.requestMatchers("/cameras", "/cameras/*").hasAnyRole("ADMIN", "POLICE_POST", "PRODUCER");
	}
}
