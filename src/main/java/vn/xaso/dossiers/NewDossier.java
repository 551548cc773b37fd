package vn.xaso.dossiers;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A dossier to submit in one go (counter, assisted, API). {@code citizenId}: the citizen account that will own
 * the dossier (required for ONLINE and ASSISTED; optional at the counter). {@code consent}: required for ASSISTED.
 * {@code procedureCode}: the national code in the unit's catalogue, e.g. "1.001193".
 */
public record NewDossier(String unitCode, String procedureCode, Channel channel, @Nullable Long citizenId,
		Applicant applicant, Map<String, String> form, @Nullable Consent consent) {

	public NewDossier {
		form = Map.copyOf(form);
	}
}
