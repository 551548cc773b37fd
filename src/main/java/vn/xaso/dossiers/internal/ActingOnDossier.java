package vn.xaso.dossiers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.PersonalData;

/**
 * Taking the dossier one step on: an official's declared workflow step (guarded by the {@link Dossier} aggregate,
 * its own work done by the {@link OfficialStep} of that name), the citizen's supplement when asked for one, and
 * the citizen's rating once the result is returned. Each is one transaction: files, state, timeline, audit, events.
 */
@Component
class ActingOnDossier {

	private final DossierWork work;
	private final DossierTable table;
	private final AttachmentTable attachments;
	private final Journal journal;
	private final DossierViews views;
	private final RequestingSupplement supplements;
	private final Map<String, OfficialStep> steps = new HashMap<>();

	ActingOnDossier(DossierWork work, DossierTable table, AttachmentTable attachments, Journal journal, DossierViews views,
			RequestingSupplement supplements, List<OfficialStep> steps) {
		this.work = work;
		this.table = table;
		this.attachments = attachments;
		this.journal = journal;
		this.views = views;
		this.supplements = supplements;
		for (var step : steps) {
			step.actions().forEach(a -> {
				if (this.steps.put(a, step) != null) {
					throw new IllegalStateException("Two steps take the action " + a);
				}
			});
		}
	}

	vn.xaso.dossiers.Dossier act(Caller official, long dossierId, ActionRequest r) {
		DossierWork.requireOfficial(official);
		var note = r.note() == null ? "" : r.note().strip();
		if (note.length() > 2000) {
			throw Texts.refused("note", "dossiers.error.noteLong");
		}
		var types = new ArrayList<String>();
		for (var f : r.files()) {
			types.add(FileChecks.contentType("files", f.name(), f.content()));
		}
		return work.as(official, () -> {
			var dossier = table.official(official, dossierId);
			var row = dossier.row();
			if (row.version() != r.expectedVersion()) {
				throw views.conflict(row);
			}
			var action = dossier.begin(r.action(), official, note, r.files().size());
			var step = steps.get(action.name());
			if (step == null) {
				throw Texts.refused("action", "dossiers.error.actionUnknown");
			}
			var fileIds = insert(row, r.files(), types, official);
			var now = work.now();
			var to = dossier.target(action);
			var said = step.take(dossier, action.name(), official, r, note, now);
			if (said != null) {
				table.moveTo(row.id(), to);
				if (to.equals(Dossier.RESULT_READY)) {
					table.resultAt(row.id(), now);
				}
				journal.step(row.unitCode(), row.id(), official, action.name(), row.state(), to, said, fileIds);
				journal.audit(row.unitCode(), official, "dossier." + action.name(), row.id(), row.state(),
						to + (said.isEmpty() ? "" : ": " + PersonalData.maskAll(DossierWork.limit(said, 200))));
			}
			journal.publish(dossier);
			return views.get(row.id());
		});
	}

	/** The citizen sends the requested supplement (files and note): the clock resumes with the days left. */
	vn.xaso.dossiers.Dossier supplement(Caller citizen, long dossierId, String note, List<Upload> files) {
		DossierWork.requireCitizen(citizen);
		var n = note == null ? "" : note.strip();
		if (n.length() > 2000) {
			throw Texts.refused("note", "dossiers.error.supplementLong");
		}
		if (files.isEmpty() && n.isEmpty()) {
			throw Texts.refused("files", "dossiers.error.supplementEmpty");
		}
		var types = new ArrayList<String>();
		for (var f : files) {
			types.add(FileChecks.contentType("files", f.name(), f.content()));
		}
		return work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			var row = dossier.row();
			if (!row.state().equals(Workflow.SUPPLEMENT)) {
				throw Texts.refused("", "dossiers.error.notWaitingForSupplement");
			}
			var fileIds = insert(row, files, types, citizen);
			var back = supplements.resume(dossier);
			dossier.supplement(back, work.now());
			table.moveTo(row.id(), back);
			journal.step(row.unitCode(), row.id(), citizen, "supplement", row.state(), back, n, fileIds);
			journal.audit(row.unitCode(), citizen, "dossier.supplement", row.id(), row.state(), back);
			journal.publish(dossier);
			return views.get(row.id());
		});
	}

	/** The citizen's rating after return, once: 1–5 stars and an optional comment (≤ 1000 characters). */
	void rate(Caller citizen, long dossierId, int stars, String comment) {
		DossierWork.requireCitizen(citizen);
		if (stars < 1 || stars > 5) {
			throw Texts.refused("stars", "dossiers.error.rateStars");
		}
		var c = comment == null ? "" : comment.strip();
		if (c.length() > 1000) {
			throw Texts.refused("comment", "dossiers.error.rateCommentLong");
		}
		work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			dossier.requireRatable();
			var row = dossier.row();
			if (!table.rate(row.id(), stars, c)) {
				throw Texts.refused("stars", "dossiers.error.ratedAlready");
			}
			dossier.rated(stars, work.now());
			journal.step(row.unitCode(), row.id(), citizen, "rate", row.state(), row.state(), stars + "/5" + (c.isEmpty() ? "" : ": " + c),
					List.of());
			journal.audit(row.unitCode(), citizen, "dossier.rated", row.id(), null, stars + "/5");
			journal.publish(dossier);
			return null;
		});
	}

	private List<Long> insert(DossierTable.Row row, List<Upload> files, List<String> types, Caller by) {
		attachments.requireRoom(row.id(), files.size());
		var ids = new ArrayList<Long>();
		for (int i = 0; i < files.size(); i++) {
			ids.add(attachments.insert(row.unitCode(), row.id(), files.get(i), types.get(i), false, false, by.username()));
		}
		return ids;
	}
}
