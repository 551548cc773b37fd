package vn.xaso.school.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * School paths: /school/admin is the commune administrator's (schools and classes), the rest of /school the
 * teacher's; a parent's contact book lives under /citizen/so-lien-lac (the citizen rule).
 */
@Component
class SchoolAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/school/admin", "/school/admin/**").hasRole(Role.ADMIN.name())
			.requestMatchers("/school", "/school/**").hasRole(Role.TEACHER.name());
	}
}
