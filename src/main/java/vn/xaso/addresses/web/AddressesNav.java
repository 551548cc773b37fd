package vn.xaso.addresses.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The address-book card on the workspace of the commune's staff. */
@Configuration(proxyBeanMethods = false)
class AddressesNav {

	@Bean
	NavLink addressesCard() {
		return NavLink.official(45, "/addresses", "addresses.nav.title", "addresses.nav.text", AddressesAccessRules.STAFF);
	}
}
