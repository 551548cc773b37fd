package vn.xaso.signing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** "Chữ ký số của tôi" on the workspace of the leaders, who sign (every official also reaches it from their account page). */
@Configuration(proxyBeanMethods = false)
class SigningNav {

	@Bean
	NavLink mySigningCard() {
		return NavLink.official(85, "/account/signing", "signing.mine.title", "signing.mine.card", "LEADER");
	}
}
