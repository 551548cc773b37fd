package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/** "release": a signed result goes out to the desk only once the commune has sealed it. */
@Component
class ReleasingResult implements OfficialStep {

	private final SealingResult results;

	ReleasingResult(SealingResult results) {
		this.results = results;
	}

	@Override
	public Set<String> actions() {
		return Set.of("release");
	}

	@Override
	public String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now) {
		dossier.release(now);
		results.requireSealed(dossier.id());
		return note;
	}
}
