package vn.xaso.dossiers.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.dossiers.TestDossiers;

/**
 * Marks test dossiers ({@code dossier.test}): the counters forget what they had counted for it (−1 for each fact
 * already reported, as for a removed one), and {@link DossierMetrics} reports nothing more for it, so the kept
 * counters still match a recount. The statistics and the tracking book leave test dossiers out. SQL in
 * {@link TestDossierTable} and {@link DossierTable}.
 */
@Service
class TestDossierMarks implements TestDossiers {

	private final TestDossierTable table;
	private final DossierMetrics metrics;
	private final DossierTable dossiers;

	TestDossierMarks(TestDossierTable table, DossierMetrics metrics, DossierTable dossiers) {
		this.table = table;
		this.dossiers = dossiers;
		this.metrics = metrics;
	}

	@Override
	@Transactional
	public void markTest(String unitCode, long dossierId) {
		if (!table.lockUnmarked(unitCode, dossierId)) {
			return;
		}
		metrics.withdraw(dossierId);
		dossiers.markTest(unitCode, dossierId);
	}
}
