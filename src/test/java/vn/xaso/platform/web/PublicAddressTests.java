package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One public address for every absolute link (issue 14): {@code XASO_PUBLIC_URL} when set — also inside a request that
 * came to another address —, else the request's own address, else localhost; and no other main class builds an
 * absolute address itself. No Spring context.
 */
class PublicAddressTests {

	/** Classes that still build an address themselves, with the reason (ModuleShapeTests' style: only ever shrinks). */
	static final List<String> OWN_ADDRESS = List.of(
			// another branch edits meetings this session: its check-in QR moves to PublicAddress with it
			"vn/xaso/meetings/web/CheckInController.java",
			// prints the first-run address at start, with the server's real port when nothing is set
			"vn/xaso/setup/internal/SetupStartup.java");

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theSetAddressWinsEvenInARequestToAnotherAddress() {
		inRequest("http", "10.0.0.5", 8080);
		var address = new PublicAddress(property(Map.of("XASO_PUBLIC_URL", "https://xaso.yenmo.gov.vn/")));
		assertThat(address.base()).isEqualTo("https://xaso.yenmo.gov.vn");
		assertThat(address.absolute("/dossiers/track?code=A-1")).isEqualTo("https://xaso.yenmo.gov.vn/dossiers/track?code=A-1");
		assertThat(address.absolute("setup/first/abc")).isEqualTo("https://xaso.yenmo.gov.vn/setup/first/abc");
		assertThat(address.absolute("https://elsewhere.vn/y")).isEqualTo("https://elsewhere.vn/y");
		assertThat(new PublicAddress(property(Map.of("XASO_PUBLIC_URL", "https://a.vn", "xaso.public-url", "https://b.vn"))).base())
			.isEqualTo("https://b.vn");
	}

	@Test
	void unsetItIsTheRequestsAddressElseLocalhost() {
		var address = new PublicAddress(property(Map.of()));
		assertThat(address.absolute("/x")).isEqualTo(PublicAddress.FALLBACK + "/x");
		inRequest("https", "xa.example.gov.vn", 443);
		assertThat(address.absolute("/x/12345/feedback/PA-1")).isEqualTo("https://xa.example.gov.vn/x/12345/feedback/PA-1");
	}

	@Test
	void noOtherClassBuildsAnAbsoluteAddress() throws IOException {
		var root = Path.of("src/main/java");
		var found = new TreeSet<String>();
		try (Stream<Path> files = Files.walk(root)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				var name = root.relativize(file).toString().replace('\\', '/');
				var text = Files.readString(file);
				boolean own = text.contains("ServletUriComponentsBuilder") || text.contains("\"XASO_PUBLIC_URL\"")
						|| text.contains("XASO_PUBLIC_URL:") || text.contains("public-url");
				if (own && !name.equals("vn/xaso/platform/web/PublicAddress.java") && !OWN_ADDRESS.contains(name)) {
					found.add(name);
				}
			}
		}
		assertThat(found).as("classes building an absolute address themselves: use platform.web.PublicAddress").isEmpty();
		assertThat(OWN_ADDRESS).as("exemptions that no longer build their own address: drop them")
			.allMatch(name -> {
				try {
					return Files.readString(root.resolve(name)).matches("(?s).*(ServletUriComponentsBuilder|XASO_PUBLIC_URL).*");
				}
				catch (IOException e) {
					return false;
				}
			});
	}

	private static String property(Map<String, Object> properties) {
		var environment = new org.springframework.core.env.AbstractEnvironment() { }; // no system environment: only the given
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment.resolveRequiredPlaceholders("${xaso.public-url:${XASO_PUBLIC_URL:}}");
	}

	private static void inRequest(String scheme, String host, int port) {
		var request = new MockHttpServletRequest();
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}
}
