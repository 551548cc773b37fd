package vn.xaso.identity.internal;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * Citizen sign-in through an OpenID Connect provider — VNeID or a Keycloak in production — when
 * {@code xaso.oidc.client-id} is set. With explicit endpoints (authorization, token, JWK set) the
 * application starts without reaching the provider; with only {@code issuer-uri} it reads the
 * provider's discovery document at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "xaso.oidc", name = "client-id")
class OidcConfiguration {

	static final String REGISTRATION_ID = "citizen-oidc";

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(Environment env) {
		var issuer = env.getProperty("xaso.oidc.issuer-uri", "");
		if (issuer.isBlank()) {
			throw new IllegalStateException("xaso.oidc.client-id is set, so xaso.oidc.issuer-uri (XASO_OIDC_ISSUER_URI) must be set too");
		}
		var scopes = Arrays.stream(env.getProperty("xaso.oidc.scopes", "openid,profile,phone").split(","))
			.map(String::strip).toList();
		var authorization = env.getProperty("xaso.oidc.authorization-uri", "");
		ClientRegistration.Builder builder;
		if (authorization.isBlank()) {
			builder = ClientRegistrations.fromIssuerLocation(issuer).registrationId(REGISTRATION_ID);
		}
		else {
			builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
				.authorizationUri(authorization)
				.tokenUri(env.getRequiredProperty("xaso.oidc.token-uri"))
				.jwkSetUri(env.getRequiredProperty("xaso.oidc.jwk-set-uri"))
				.issuerUri(issuer)
				.userNameAttributeName(IdTokenClaimNames.SUB);
			var userInfo = env.getProperty("xaso.oidc.user-info-uri", "");
			if (!userInfo.isBlank()) {
				builder.userInfoUri(userInfo);
			}
		}
		var registration = builder.clientId(env.getRequiredProperty("xaso.oidc.client-id"))
			.clientSecret(env.getProperty("xaso.oidc.client-secret", ""))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(scopes)
			.clientName(env.getProperty("xaso.oidc.name", "VNeID"))
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}
}
