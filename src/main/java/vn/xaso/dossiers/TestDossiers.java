package vn.xaso.dossiers;

/**
 * Test dossiers: the ones a commune's administrator submits while trying XaSo (the setup's try-it guide). A test
 * dossier keeps its number (numbers are never reused) but is left out of the indicators, the statistics and the
 * tracking book, and is offered first on "Xoá hồ sơ thử".
 */
public interface TestDossiers {

	/**
	 * Marks a just-submitted dossier of {@code unitCode} as a test dossier and takes back what the indicators had
	 * counted for it. Call inside the transaction that submitted it; marking twice changes nothing more.
	 */
	void markTest(String unitCode, long dossierId);
}
