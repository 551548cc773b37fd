package vn.xaso.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.catalog.CommuneProcedures;
import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * After setup, the administrator's catalogue page lists the national procedures the commune does not offer (hidden at
 * setup step 6 or here) with "Nhận lại", and offers "Không nhận ở xã" on the others; each change is audited and a
 * double click changes nothing the second time. Xã Nga An, death registration (1.000656); put back at the end.
 */
@XasoIntegrationTest
class AdminOfferedProceduresTests {

	static final String CODE = "1.000656";

	@Autowired CommuneProcedures communeProcedures;
	@Autowired JdbcClient jdbc;
	@Autowired org.springframework.transaction.support.TransactionTemplate tx;
	@LocalServerPort int port;

	@Test
	void aProcedureHiddenAtSetupIsOfferedAgainAndHiddenAgainAudited() {
		var unit = DemoData.NGA_AN;
		var web = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		long offeredBefore = audits(unit, "catalog.procedure.offered-again");
		long hiddenBefore = audits(unit, "catalog.procedure.hidden");
		try {
			// As setup step 6 leaves it: every national procedure but this one.
			Tenancy.callAs(UnitScope.of(unit), () -> {
				communeProcedures.setOffered(unit, CODE, false, "ngaan.admin");
				return null;
			});
			var list = web.get("/admin/procedures");
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(hiddenSection(list.body())).contains(CODE, "Nhận lại");
			assertThat(web.get("/procedures?unit=" + unit + "&q=khai+tu").body()).doesNotContain(CODE);

			var again = web.post("/admin/procedures/" + CODE + "/offer", Map.of());
			assertThat(again.statusCode()).isEqualTo(302);
			var after = web.get("/admin/procedures");
			assertThat(after.body()).contains("Xã nhận lại thủ tục");
			assertThat(hiddenSection(after.body())).doesNotContain(CODE);
			assertThat(web.get("/procedures?unit=" + unit + "&q=khai+tu").body()).contains(CODE);
			web.post("/admin/procedures/" + CODE + "/offer", Map.of()); // a double click
			assertThat(web.get("/admin/procedures").body()).contains("Không có gì thay đổi");
			assertThat(audits(unit, "catalog.procedure.offered-again") - offeredBefore).isEqualTo(1);

			web.post("/admin/procedures/" + CODE + "/hide", Map.of());
			assertThat(hiddenSection(web.get("/admin/procedures").body())).contains(CODE);
			assertThat(audits(unit, "catalog.procedure.hidden") - hiddenBefore).isEqualTo(2);

			web.post("/admin/procedures/khong-co-ma/hide", Map.of());
			assertThat(web.get("/admin/procedures").body()).contains("Không có thủ tục mang mã");
		}
		finally {
			Tenancy.callAs(UnitScope.of(unit), () -> communeProcedures.setOffered(unit, CODE, true, "ngaan.admin"));
		}
	}

	private long audits(String unit, String action) {
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(st -> jdbc.sql(
				"select count(*) from audit_entry where unit_code = ? and action = ? and object_id = ?")
			.params(unit, action, CODE).query(Long.class).single()));
	}

	private static String hiddenSection(String body) {
		int at = body.indexOf("id=\"hidden-procedures\"");
		return at < 0 ? "" : body.substring(at);
	}
}
