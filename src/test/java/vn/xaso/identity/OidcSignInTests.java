package vn.xaso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.testing.oidc.FakeOidcProvider;

/** Citizen sign-in through an OpenID Connect provider (a local fake following the OIDC contract). */
@XasoIntegrationTest
class OidcSignInTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	private static String location(HttpResponse<String> r) {
		return r.headers().firstValue("Location").orElseThrow();
	}

	/** Follows the authorization-code flow as a browser would, through the provider and back. */
	private WebSession signIn(FakeOidcProvider.Person person) {
		FakeOidcProvider.get().nextUser(person);
		var web = new WebSession(port);
		assertThat(web.get("/citizen/signin").body()).contains("Đăng nhập bằng VNeID (thử)");
		var toProvider = web.get("/oauth2/authorization/citizen-oidc");
		assertThat(location(toProvider)).startsWith(FakeOidcProvider.get().issuer() + "/authorize");
		var back = web.get(location(toProvider));
		assertThat(location(back)).contains("/login/oauth2/code/citizen-oidc");
		var done = web.get(location(back));
		assertThat(location(done)).as("signed in").endsWith("/citizen");
		return web;
	}

	@Test
	void aCitizenSignsInThroughTheProviderAndGetsTheirOwnPage() {
		var web = signIn(new FakeOidcProvider.Person("vneid-1001", "Lê Thị Thanh", "0911222333", true));
		var home = web.get("/citizen");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Xin chào, Lê Thị Thanh");
		assertThat(web.get("/workspace").statusCode()).isEqualTo(403);
	}

	@Test
	void theSameProviderAccountComesBackToTheSameCitizenAndAVerifiedPhoneLinksAnExistingAccount() {
		// The phone-only demo citizen 0988000002 signs in with the provider, which vouches for that phone.
		var before = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s ->
				jdbc.sql("select id from citizen where phone = '0988000002'").query(Long.class).single()));
		signIn(new FakeOidcProvider.Person("vneid-2002", "Trần Thị Bình", "0988000002", true));
		signIn(new FakeOidcProvider.Person("vneid-2002", "Trần Thị Bình", "0988000002", true));
		var rows = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s ->
				jdbc.sql("select id from citizen where oidc_subject = 'vneid-2002'").query(Long.class).list()));
		assertThat(rows).containsExactly(before);
	}

	@Test
	void anUnverifiedPhoneIsNotTrustedToLinkAccounts() {
		signIn(new FakeOidcProvider.Person("vneid-3003", "Kẻ Mạo Danh", "0988000001", false));
		var owner = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s ->
				jdbc.sql("select coalesce(oidc_subject, '') from citizen where phone = '0988000001'").query(String.class).single()));
		assertThat(owner).isNotEqualTo("vneid-3003");
	}
}
