package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/** Steps that only move the dossier: proposing it for approval, sending it back, refusing it (the reason is the note). */
@Component
class ForwardingDossier implements OfficialStep {

	@Override
	public Set<String> actions() {
		return Set.of("propose", "send_back", "refuse");
	}

	@Override
	public String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now) {
		if (action.equals("refuse")) {
			dossier.refuse(now);
		}
		else {
			dossier.forward(action, now);
		}
		return note;
	}
}
