package vn.xaso.dossiers;

import java.util.List;

/** A page of a list: the rows, the total over all pages, the page number (from 1) and the page size. */
public record DossierPage(List<DossierSummary> rows, long total, int page, int size) {

	public DossierPage {
		rows = List.copyOf(rows);
	}
}
