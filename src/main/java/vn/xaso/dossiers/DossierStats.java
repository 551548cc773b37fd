package vn.xaso.dossiers;

/**
 * Counts for a commune's dashboard over dossiers submitted in a period: total, submitted online (ONLINE or
 * ASSISTED), finished (result ready or returned), finished on time (early or on time), paid online, with at least
 * one digitised file, rated, rated satisfied (4 or 5 stars).
 */
public record DossierStats(long total, long online, long finished, long onTime, long paidOnline, long digitised,
		long rated, long satisfied) {
}
