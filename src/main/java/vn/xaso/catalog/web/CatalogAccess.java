package vn.xaso.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;
import vn.xaso.platform.web.NavLink;

/** Who may open the catalogue's pages: everyone reads, a commune's administrators edit. */
@Configuration(proxyBeanMethods = false)
class CatalogAccess {

	@Bean
	AccessRules catalogAccessRules() {
		return auth -> auth
			.requestMatchers(HttpMethod.GET, "/procedures", "/procedures/*", "/procedures/*/qr.png").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/procedures", "/api/v1/procedures/*").permitAll()
			.requestMatchers("/admin/procedures", "/admin/procedures/**").hasRole(Role.ADMIN.name());
	}

	@Bean
	NavLink catalogAdminCard() {
		return NavLink.official(60, "/admin/procedures", "catalog.admin.title", "catalog.admin.card", Role.ADMIN.name());
	}
}
