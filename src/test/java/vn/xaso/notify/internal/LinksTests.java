package vn.xaso.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.xaso.platform.web.PublicAddress;

/** Links in SMS, e-mail and push messages use the address citizens use, set once for the whole platform. */
class LinksTests {

	@Test
	void messagesUseThePlatformsPublicAddress() {
		var links = new Links(new PublicAddress("https://xaso.yenmo.gov.vn/"));
		assertThat(links.absolute("/citizen/dossiers/1")).isEqualTo("https://xaso.yenmo.gov.vn/citizen/dossiers/1");
		assertThat(links.absolute("x")).isEqualTo("https://xaso.yenmo.gov.vn/x");
	}

	@Test
	void localhostIsTheLastResortAndFullAddressesStay() {
		assertThat(new Links(new PublicAddress("")).absolute("/x")).isEqualTo("http://localhost:8080/x");
		assertThat(new Links(new PublicAddress("https://a.vn")).absolute("https://elsewhere.vn/y")).isEqualTo("https://elsewhere.vn/y");
	}
}
