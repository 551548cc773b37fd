package vn.xaso.dossiers;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.security.AccessControlFixture;

/**
 * A Yên Mô birth registration received at the counter for the demo citizen 0988000002 (not the harness's
 * citizen, who must get 404): {@code {yenmo.dossier}} = its id, {@code {yenmo.dossierCode}} = its code.
 */
public class DossiersAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var dossiers = context.getBean(Dossiers.class);
		var jdbc = context.getBean(JdbcClient.class);
		var receipt = DossierFixtures.counter(dossiers, jdbc, "0988000002", "Phạm Minh Khôi");
		return Map.of("{yenmo.dossier}", Long.toString(receipt.dossierId()), "{yenmo.dossierCode}", receipt.code());
	}
}
