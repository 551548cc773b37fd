package vn.xaso.dossiers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Officials' search, every filter optional. {@code q}: a dossier code (or part) or applicant name
 * (diacritic-insensitive); {@code receivedFrom/To}: Vietnam dates, inclusive. {@code page} from 1.
 */
public record DossierSearch(@Nullable String q, @Nullable String procedureCode, @Nullable String state,
		@Nullable Queue queue, @Nullable LocalDate receivedFrom, @Nullable LocalDate receivedTo, int page, int size) {

	public static DossierSearch queue(Queue queue, int page) {
		return new DossierSearch(null, null, null, queue, null, null, page, 20);
	}
}
