package vn.xaso.setup.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * The setup pages are open at the URL level: the random token in the address is the proof (checked
 * by {@link vn.xaso.setup.internal.SetupWizard}); a wrong or used token gets a plain page and changes
 * nothing. First-sign-in links carry their own one-use token in the same way.
 */
@Component
class SetupAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/setup/**").permitAll()
			.requestMatchers(HttpMethod.POST, "/setup/**").permitAll();
	}
}
