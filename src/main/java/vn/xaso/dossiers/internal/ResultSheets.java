package vn.xaso.dossiers.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.Results;

/**
 * {@link Results} for officials of the dossier's commune (anyone else finds nothing): filling and previewing is
 * {@link FillingResult}, the seal is {@link SealingResult}, each call in the official's unit and transaction.
 */
@Service
class ResultSheets implements Results {

	private final DossierWork work;
	private final FillingResult filling;
	private final SealingResult sealing;
	private final DossierListings listings;

	ResultSheets(DossierWork work, FillingResult filling, SealingResult sealing, DossierListings listings) {
		this.work = work;
		this.filling = filling;
		this.sealing = sealing;
		this.listings = listings;
	}

	@Override
	public Sheet sheet(Caller official, long dossierId) {
		return as(official, () -> filling.sheet(official, dossierId));
	}

	@Override
	public Sheet save(Caller official, long dossierId, Map<String, String> entries) {
		return as(official, () -> filling.save(official, dossierId, entries));
	}

	@Override
	public byte[] preview(Caller official, long dossierId) {
		return as(official, () -> filling.preview(official, dossierId));
	}

	@Override
	public void seal(Caller official, long dossierId, char[] password) {
		as(official, () -> {
			sealing.seal(official, dossierId, password);
			return null;
		});
	}

	@Override
	public List<AwaitingSeal> awaitingSeal(Caller official) {
		return as(official, () -> listings.awaitingSeal(official.unitCode()));
	}

	private <T> T as(Caller official, Supplier<T> work) {
		if (official.isCitizen()) {
			throw new DossierNotFound();
		}
		return this.work.as(official, work);
	}
}
