package vn.xaso.payments.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * Who may reach the payments URLs. The bank webhook is open to anyone at the URL level because it
 * proves itself with an HMAC signature checked in {@link BankWebhookController}; the bills API is for
 * citizens and commune staff (not producers' accounts), and {@link BillsApiController} then limits a citizen to their own bills and
 * an official to their own commune's.
 */
@Component
class PaymentsAccessRules implements AccessRules {

	static final String WEBHOOK = "/api/v1/payments/bank-notifications";

	/** Citizens (their own bills) and commune staff (their commune's); a producer's account reads no commune bills. */
	static final String[] BILL_READERS = java.util.stream.Stream.concat(java.util.stream.Stream.of("CITIZEN"),
			java.util.Arrays.stream(Role.staffNames())).toArray(String[]::new);

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.POST, WEBHOOK).permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/payments/bills/*", "/api/v1/payments/bills/*/vietqr",
					"/api/v1/payments/bills/*/vietqr.png", "/api/v1/payments/bills/*/receipt.pdf")
			.hasAnyRole(BILL_READERS)
			.requestMatchers(HttpMethod.POST, "/payments/bills/*/cash", "/payments/transactions/*/resolve")
			.hasAnyRole(Role.ONE_STOP.name(), Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/payments", "/payments/unmatched", "/payments/bills/*",
					"/payments/bills/*/vietqr.png", "/payments/bills/*/receipt.pdf")
			.hasAnyRole(Role.ONE_STOP.name(), Role.ADMIN.name(), Role.LEADER.name())
			.requestMatchers("/admin/payments").hasRole(Role.ADMIN.name());
	}

	/** The bank webhook carries an HMAC-SHA256 signature instead of a session and a CSRF token. */
	@Override
	public List<RequestMatcher> csrfIgnored() {
		return List.of(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, WEBHOOK));
	}
}
