package vn.xaso.catalog.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The blank procedure editor's form values, for tests outside this package that post the editor form. */
public final class CatalogFormValues {

	private CatalogFormValues() {
	}

	public static Map<String, String> blank() {
		return new LinkedHashMap<>(ProcedureEditor.blank().values);
	}
}
