package vn.xaso.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Links in SMS, e-mail and push messages use the address citizens use, set once for the whole platform. */
class LinksTests {

	@Test
	void messagesUseThePlatformsPublicAddressWhenNotifyHasNoOwnSetting() {
		var links = new Links(resolve(Map.of("XASO_PUBLIC_URL", "https://xaso.yenmo.gov.vn/")));
		assertThat(links.absolute("/citizen/dossiers/1")).isEqualTo("https://xaso.yenmo.gov.vn/citizen/dossiers/1");
	}

	@Test
	void notifysOwnSettingWinsAndLocalhostIsTheLastResort() {
		assertThat(new Links(resolve(Map.of("XASO_PUBLIC_URL", "https://a.vn", "xaso.notify.public-url", "https://b.vn")))
			.absolute("x")).isEqualTo("https://b.vn/x");
		assertThat(new Links(resolve(Map.of())).absolute("/x")).isEqualTo("http://localhost:8080/x");
		assertThat(new Links(resolve(Map.of())).absolute("https://elsewhere.vn/y")).isEqualTo("https://elsewhere.vn/y");
	}

	private static String resolve(Map<String, Object> properties) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment.resolveRequiredPlaceholders(Links.BASE);
	}
}
