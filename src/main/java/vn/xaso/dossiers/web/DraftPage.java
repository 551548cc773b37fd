package vn.xaso.dossiers.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.xaso.catalog.FormField;
import vn.xaso.catalog.Procedures;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.Citizens;
import vn.xaso.platform.web.Form;

/**
 * The two screens of an online dossier before it is sent: the e-form (step 1, pre-filled with what is already
 * known) and the draft (step 2: attach the papers, then submit; the filled-in form stays below, folded, for a
 * last look). Shared by the draft controller and the citizen's dossier page.
 */
@Component
class DraftPage {

	private final Dossiers dossiers;
	private final ProcedureForms forms;
	private final Procedures procedures;
	private final Citizens citizens;

	DraftPage(Dossiers dossiers, ProcedureForms forms, Procedures procedures, Citizens citizens) {
		this.dossiers = dossiers;
		this.forms = forms;
		this.procedures = procedures;
		this.citizens = citizens;
	}

	/**
	 * What a new form shows before the citizen types: the catalogue's usual answers (e.g. "Kinh", "Việt Nam"),
	 * the citizen's name (unless only their masked phone is known) and verified phone, as e-form values by field
	 * name and as the applicant form (for procedures whose e-form has no requester fields).
	 */
	Map<String, String> prefill(CitizenPrincipal me, String unitCode, String procedureCode, Form applicant) {
		var values = new LinkedHashMap<String, String>();
		procedures.current(unitCode, procedureCode).ifPresent(p -> {
			for (FormField f : p.form().fields()) {
				if (f.prefill() != null) {
					values.put(f.name(), f.prefill());
				}
			}
		});
		var name = me.displayName().contains("*") ? "" : me.displayName();
		var phone = citizens.verifiedPhone(me.id()).orElse("");
		if (!name.isEmpty()) {
			values.put("requesterName", name);
			applicant.value("applicantName", name);
		}
		if (!phone.isEmpty()) {
			values.put("requesterPhone", phone);
			applicant.value("applicantPhone", phone);
		}
		return values;
	}

	/** The draft page: the attachments and "Nộp hồ sơ" first, the filled-in form folded below (unfolded on errors). */
	String render(Caller caller, Dossier dossier, Form form, Map<String, String> values, @Nullable String notice,
			@Nullable String problem, Model model) {
		var fields = forms.fields(dossier.unitCode(), dossier.procedureCode(), values, form.errors());
		model.addAttribute("dossier", dossier);
		model.addAttribute("form", form);
		model.addAttribute("procedure", forms.procedure(dossier.unitCode(), dossier.procedureCode()).orElse(null));
		model.addAttribute("fields", fields);
		model.addAttribute("papers", dossiers.papers(caller));
		// unfolded when something in it needs correcting (a missing paper alone does not)
		model.addAttribute("openForm", form.errors().keySet().stream().anyMatch(k -> !k.equals("file")));
		if (notice != null) {
			model.addAttribute("notice", notice);
		}
		if (problem != null) {
			model.addAttribute("problem", problem);
		}
		return "dossiers/citizen-draft";
	}
}
