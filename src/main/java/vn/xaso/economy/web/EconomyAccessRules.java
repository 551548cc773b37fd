package vn.xaso.economy.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Economy paths: the shop's pages under /x/{commune}/cho are public (GET /x/** is open already); placing an order
 * and a buyer's cancellation are public POSTs (the order's link is the buyer's key); the GS1 Digital Link resolver
 * (/01/{gtin}, /01/{gtin}/10/{lot}) is public; the EPCIS capture API is the producer's; /economy/mine is the producer's
 * own shop; giving a producer an account is the administrator's; the rest of /economy is commune staff's.
 */
@Component
class EconomyAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.POST, "/x/*/cho/san-pham/*/dat-hang", "/x/*/cho/don/*/huy").permitAll()
			.requestMatchers(HttpMethod.GET, "/01/*", "/01/*/10/*").permitAll()
			.requestMatchers("/api/v1/economy/**").hasRole("PRODUCER")
			.requestMatchers("/economy/mine", "/economy/mine/**").hasRole("PRODUCER")
			.requestMatchers("/economy/producers/*/account").hasRole("ADMIN")
			.requestMatchers("/economy", "/economy/**").hasAnyRole("ADMIN", "LEADER", "SPECIALIST");
	}
}
