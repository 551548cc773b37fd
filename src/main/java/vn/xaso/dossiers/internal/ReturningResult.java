package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/**
 * "return": the result is handed over online, at the counter or by post (with its tracking number), and goes to
 * the citizen's personal document store whatever the way.
 */
@Component
class ReturningResult implements OfficialStep {

	private static final List<String> METHODS = List.of("ONLINE", "COUNTER", "POST");

	private final DossierTable table;
	private final PaperTable papers;

	ReturningResult(DossierTable table, PaperTable papers) {
		this.table = table;
		this.papers = papers;
	}

	@Override
	public Set<String> actions() {
		return Set.of("return");
	}

	@Override
	public String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now) {
		var row = dossier.row();
		var m = method(request.returnMethod());
		var t = request.postTrackingNumber() == null ? "" : request.postTrackingNumber().strip();
		if (m.equals("POST") && !t.matches("[A-Za-z0-9-]{6,30}")) {
			throw Texts.refused("postTrackingNumber", "dossiers.error.postTracking");
		}
		if (m.equals("ONLINE") && row.citizenId() == null) {
			throw Texts.refused("returnMethod", "dossiers.error.returnOnlineWithoutAccount");
		}
		dossier.returnResult(m, now);
		table.returned(row.id(), now, m, m.equals("POST") ? t : null);
		if (row.citizenId() != null) {
			table.resultPdf(row.id()).filter(b -> b.length > 0).ifPresent(pdf -> papers.insertResult(row.unitCode(), row.citizenId(),
					DossierWork.limit(Texts.vi("dossiers.text.resultPaper", row.procedureName()), 300), pdf, row.code()));
		}
		return note;
	}

	private static String method(@Nullable String method) {
		var m = method == null ? "" : method.strip().toUpperCase(java.util.Locale.ROOT);
		if (!METHODS.contains(m)) {
			throw Texts.refused("returnMethod", "dossiers.error.returnMethod");
		}
		return m;
	}
}
