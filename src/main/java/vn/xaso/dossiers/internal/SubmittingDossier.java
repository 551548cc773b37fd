package vn.xaso.dossiers.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierException.Message;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Receipt;
import vn.xaso.dossiers.Upload;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Submitting a dossier: a citizen's draft once it is complete, or in one go — by the citizen online, by the
 * one-stop desk at the counter (received at once, files marked digitised), or for a citizen who agreed (assisted,
 * by the community team or a family member). Everything is checked first; then {@link NumberingDossier} numbers it.
 */
@Component
class SubmittingDossier {

	private final DossierWork work;
	private final DossierTable table;
	private final DossierProcedures procedures;
	private final Citizens citizens;
	private final NumberingDossier numbering;

	SubmittingDossier(DossierWork work, DossierTable table, DossierProcedures procedures, Citizens citizens, NumberingDossier numbering) {
		this.work = work;
		this.table = table;
		this.procedures = procedures;
		this.citizens = citizens;
		this.numbering = numbering;
	}

	Receipt submitDraft(Caller citizen, long dossierId) {
		DossierWork.requireCitizen(citizen);
		return work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			dossier.requireDraft();
			var row = dossier.row();
			var procedure = procedures.stillOffered(row.unitCode(), row.procedureCode())
				.orElseThrow(() -> Texts.refused("procedureCode", "dossiers.error.procedureNoLongerOnline"));
			var d = table.draft(row.id());
			var applicant = Applicants.fromRequester(Applicants.normalise(d.applicant()), d.form());
			var form = Applicants.withRequester(applicant, d.form(), procedure);
			var errors = Applicants.validate(procedure, applicant, form);
			Applicants.checkPapers(procedure, d.paperCodes(), errors);
			if (!errors.isEmpty()) {
				throw DossierException.of(errors);
			}
			return numbering.number(new NumberingDossier.Checked(row.id(), row.unitCode(), procedure, Channel.ONLINE, citizen,
					row.citizenId(), row.submittedByCitizen(), applicant, null, null, form, List.of()));
		});
	}

	Receipt submit(Caller caller, NewDossier n, List<Upload> files) {
		var channel = n.channel();
		var owner = owner(caller, n);
		var procedure = procedures.current(n.unitCode(), n.procedureCode());
		if (channel != Channel.COUNTER && "COUNTER_ONLY".equals(procedure.onlineMode())) {
			throw Texts.refused("procedureCode", "dossiers.error.counterOnly", procedure.name());
		}
		var applicant = Applicants.fromRequester(Applicants.normalise(n.applicant()), n.form());
		var form = Applicants.withRequester(applicant, n.form(), procedure);
		var errors = Applicants.validate(procedure, applicant, form);
		if (channel == Channel.ASSISTED) {
			Applicants.checkConsent(n.consent(), errors);
			if (owner == null) {
				errors.put("citizenId", new Message("dossiers.error.assistedWithoutAccount"));
			}
		}
		if (files.size() > FileChecks.MAX_FILES) {
			errors.put("files", new Message("dossiers.error.tooManyFiles", String.valueOf(FileChecks.MAX_FILES)));
		}
		var checked = new ArrayList<NumberTable.NewFile>();
		for (var f : files) {
			try {
				checked.add(AttachmentTable.prepare(f, FileChecks.contentType("files", f.name(), f.content())));
			}
			catch (DossierException e) {
				errors.putIfAbsent("files", e.messages().values().iterator().next());
			}
		}
		Applicants.checkPapers(procedure, files.stream().map(Upload::paperCode).toList(), errors);
		if (!errors.isEmpty()) {
			throw DossierException.of(errors);
		}
		boolean assisted = channel == Channel.ASSISTED;
		var submission = new NumberingDossier.Checked(null, n.unitCode(), procedure, channel, caller, owner,
				caller.isCitizen() && assisted ? caller.citizenId() : null, applicant,
				assisted ? caller.fullName() + " (" + caller.username() + ")" : null, assisted ? n.consent() : null, form, checked);
		var scope = caller.isCitizen() ? UnitScope.systemWide() : UnitScope.of(n.unitCode());
		return vn.xaso.platform.tenancy.Tenancy.callAs(scope, () -> work.inTransaction(() -> {
			if (owner != null && !citizens.exists(owner)) {
				throw Texts.refused("citizenId", "dossiers.error.citizenUnknown");
			}
			return numbering.number(submission);
		}));
	}

	/** Who owns the dossier, once the caller may submit it on this channel. */
	private static @org.jspecify.annotations.Nullable Long owner(Caller caller, NewDossier n) {
		var channel = n.channel();
		if (caller.isCitizen()) {
			if (channel == Channel.COUNTER) {
				throw Texts.refused("channel", "dossiers.error.citizenAtCounter");
			}
			if (channel == Channel.ONLINE) {
				return caller.citizenId();
			}
			if (n.citizenId() == null || n.citizenId().equals(caller.citizenId())) {
				throw Texts.refused("citizenId", "dossiers.error.chooseRelative");
			}
			return n.citizenId();
		}
		DossierWork.requireOfficial(caller);
		if (!caller.unitCode().equals(n.unitCode())) {
			throw Texts.refused("unitCode", "dossiers.error.ownCommuneOnly");
		}
		if (channel == Channel.COUNTER && !caller.has(Role.ONE_STOP)) {
			throw Texts.refused("channel", "dossiers.error.counterOneStopOnly");
		}
		if (channel == Channel.ASSISTED && !caller.has(Role.COMMUNITY_TEAM) && !caller.has(Role.ONE_STOP)) {
			throw Texts.refused("channel", "dossiers.error.assistedTeamOnly");
		}
		if (channel == Channel.ONLINE) {
			throw Texts.refused("channel", "dossiers.error.officialOnline");
		}
		return n.citizenId();
	}
}
