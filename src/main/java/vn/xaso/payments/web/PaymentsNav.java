package vn.xaso.payments.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The payments cards on the official's workspace. */
@Configuration(proxyBeanMethods = false)
class PaymentsNav {

	@Bean
	NavLink paymentsCard() {
		return NavLink.official(40, "/payments", "payments.title", "payments.cardText", "ONE_STOP", "ADMIN", "LEADER");
	}

	@Bean
	NavLink paymentAccountCard() {
		return NavLink.official(41, "/admin/payments", "payments.account.title", "payments.account.cardText", "ADMIN");
	}
}
