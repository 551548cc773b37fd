package vn.xaso.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11: where a citizen goes after signing in — only a citizen page of this site, never elsewhere. */
class ContinueTargetTests {

	@Test
	void aCitizenPageOfThisSiteIsKept() {
		assertThat(ContinueTarget.safe("/citizen/dossiers/new?procedure=1.001193&unit=14701"))
			.isEqualTo("/citizen/dossiers/new?procedure=1.001193&unit=14701");
		assertThat(ContinueTarget.safe("/citizen")).isEqualTo("/citizen");
		assertThat(ContinueTarget.orHome("/citizen/dossiers")).isEqualTo("/citizen/dossiers");
	}

	@Test
	void absoluteOtherHostAndProtocolRelativeTargetsAreRefused() {
		for (var bad : new String[] { "https://evil.example/citizen", "//evil.example/citizen", "/\\evil.example",
				"\\\\evil.example", "javascript:alert(1)", "http:/citizen", "citizen/dossiers", "/citizen/../admin",
				"/citizen\r\nLocation: https://evil.example", "/admin/accounts", "/citizen/signin?continue=/citizen",
				"/citizenship", "", " " }) {
			assertThat(ContinueTarget.safe(bad)).as(bad).isNull();
			assertThat(ContinueTarget.orHome(bad)).as(bad).isEqualTo("/citizen");
		}
		assertThat(ContinueTarget.safe(null)).isNull();
		assertThat(ContinueTarget.safe("/citizen/" + "a".repeat(600))).isNull();
	}

	@Test
	void theQueryPartIsEncodedAndEmptyForHome() {
		assertThat(ContinueTarget.query("/citizen/dossiers/new?procedure=1.001193&unit=14701", true))
			.isEqualTo("?continue=%2Fcitizen%2Fdossiers%2Fnew%3Fprocedure%3D1.001193%26unit%3D14701");
		assertThat(ContinueTarget.query("/citizen", false)).isEmpty();
		assertThat(ContinueTarget.query("//evil.example", false)).isEmpty();
	}
}
