package vn.xaso.setup.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * The province pages: province onboarding administrators (their own province, {@link ProvinceScope}) and
 * national administrators. The commune setup pages are under {@code /setup/**} (open: the token is the proof).
 */
@Component
class ProvinceAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/province/**").hasAnyRole(Role.PROVINCE_ADMIN.name(), Role.NATIONAL_ADMIN.name());
	}
}
