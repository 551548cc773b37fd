package vn.xaso.testing.oidc;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Points every test application at the local {@link FakeOidcProvider} (registered in META-INF/spring.factories). */
public class FakeOidcEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var provider = FakeOidcProvider.get();
		environment.getPropertySources().addFirst(new MapPropertySource("fake-oidc", Map.of(
				"xaso.oidc.client-id", FakeOidcProvider.CLIENT_ID,
				"xaso.oidc.client-secret", FakeOidcProvider.CLIENT_SECRET,
				"xaso.oidc.name", "VNeID (thử)",
				"xaso.oidc.issuer-uri", provider.issuer(),
				"xaso.oidc.authorization-uri", provider.issuer() + "/authorize",
				"xaso.oidc.token-uri", provider.issuer() + "/token",
				"xaso.oidc.jwk-set-uri", provider.issuer() + "/jwks")));
	}
}
