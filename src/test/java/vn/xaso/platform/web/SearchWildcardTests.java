package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.SqlLike;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A search for "%" or "_" finds what contains that character (nothing in the demo data), not
 * everything: LIKE wildcards are escaped in every search ({@link SqlLike}). Page sizes are capped.
 */
@XasoIntegrationTest
class SearchWildcardTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void wildcardsAreSearchedLiterally() {
		assertThat(SqlLike.escape("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
		var anonymous = new WebSession(port);
		var all = JSON.readTree(anonymous.get("/api/v1/procedures?unit=14701").body());
		assertThat(all.get("total").asLong()).isPositive();
		for (var q : new String[] { "%25", "_", "%25%25", "%5C" }) {
			var found = JSON.readTree(anonymous.get("/api/v1/procedures?unit=14701&q=" + q).body());
			assertThat(found.get("total").asLong()).as("procedures q=" + q).isZero();
		}

		var officer = new WebSession(port).signInOfficial("yenmo.motcua", "XaSo-2026-demo");
		var dossiers = JSON.readTree(officer.get("/api/v1/dossiers?q=_").body());
		assertThat(dossiers.get("total").asLong()).as("dossiers q=_").isZero();

		var admin = new WebSession(port).signInOfficial("yenmo.admin", "XaSo-2026-demo");
		// The positive control searches for the account: other test classes add accounts to the commune, so the
		// unfiltered first page need not hold it.
		assertThat(admin.get("/admin/accounts?q=chutich").body()).contains("yenmo.chutich");
		assertThat(admin.get("/admin/accounts?q=%25").body()).doesNotContain("yenmo.chutich");
		assertThat(admin.get("/admin/accounts?q=_").body()).doesNotContain("yenmo.chutich");
	}

	@Test
	void hugePageSizesAreRefusedOrCapped() {
		var officer = new WebSession(port).signInOfficial("yenmo.motcua", "XaSo-2026-demo");
		var huge = officer.get("/api/v1/dossiers?size=100000");
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(huge.body()).contains("1 đến 100");
		assertThat(officer.get("/api/v1/dossiers?size=100").statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).get("/api/v1/procedures?unit=14701&size=100000").statusCode()).isEqualTo(400);
		assertThat(Paging.of(0, 100_000, 5, "/x").size()).isEqualTo(100);
	}
}
