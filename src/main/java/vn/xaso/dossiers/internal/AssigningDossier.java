package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/** "assign": the dossier goes to an active specialist of the commune. */
@Component
class AssigningDossier implements OfficialStep {

	private final Commune commune;
	private final DossierTable table;

	AssigningDossier(Commune commune, DossierTable table) {
		this.commune = commune;
		this.table = table;
	}

	@Override
	public Set<String> actions() {
		return Set.of("assign");
	}

	@Override
	public String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now) {
		var username = request.assignee() == null ? "" : request.assignee().strip();
		var specialist = commune.specialist(dossier.row().unitCode(), username);
		dossier.assign(specialist, now);
		table.assign(dossier.id(), username, specialist);
		var given = Texts.vi("dossiers.text.assignedTo", specialist);
		return note.isEmpty() ? given : given + ". " + note;
	}
}
