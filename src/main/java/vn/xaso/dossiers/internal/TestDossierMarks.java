package vn.xaso.dossiers.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.dossiers.TestDossiers;

/**
 * Marks test dossiers ({@code dossier.test}): the counters forget what they had counted for it (−1 for each fact
 * already reported, as for a removed one), and {@link DossierMetrics} reports nothing more for it, so the kept
 * counters still match a recount. The statistics and the tracking book leave test dossiers out.
 */
@Service
class TestDossierMarks implements TestDossiers {

	private final JdbcClient jdbc;
	private final DossierMetrics metrics;

	TestDossierMarks(JdbcClient jdbc, DossierMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	@Override
	@Transactional
	public void markTest(String unitCode, long dossierId) {
		var real = jdbc.sql("select id from dossier where id = ? and unit_code = ? and not test for update")
			.params(dossierId, unitCode).query(Long.class).optional();
		if (real.isEmpty()) {
			return;
		}
		metrics.withdraw(dossierId);
		jdbc.sql("update dossier set test = true where id = ? and unit_code = ?").params(dossierId, unitCode).update();
	}
}
