package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.DossierException.Message;
import vn.xaso.platform.PersonalData;

/**
 * Checks of what an applicant sends — the person, the e-form, the assisted citizen's consent, the required papers —
 * into field → Vietnamese message maps (nothing is stored while one is not empty).
 */
final class Applicants {

	static final int MAX_FORM_FIELDS = 100;
	static final int MAX_FORM_VALUE = 4000;

	private Applicants() {
	}

	/** Fills blank applicant fields from the e-form's requester fields (requesterName, requesterCccd, …). */
	static Applicant fromRequester(Applicant a, Map<String, String> form) {
		return new Applicant(or(a.name(), form.get("requesterName")), or(a.cccd(), form.get("requesterCccd")).replaceAll("\\s", ""),
				or(a.phone(), form.get("requesterPhone")), or(a.email(), form.get("requesterEmail")),
				or(a.address(), form.get("requesterAddress")));
	}

	/** The e-form with its requester fields taken from the applicant, so that the citizen types them once. */
	static Map<String, String> withRequester(Applicant a, Map<String, String> form, ProcedureInfo p) {
		var out = new LinkedHashMap<>(form);
		var values = Map.of("requesterName", a.name(), "requesterCccd", a.cccd(), "requesterPhone", a.phone(), "requesterEmail",
				a.email(), "requesterAddress", a.address());
		values.forEach((k, v) -> {
			if (p.labels().containsKey(k) && (out.get(k) == null || out.get(k).isBlank())) {
				out.put(k, v);
			}
		});
		return out;
	}

	private static String or(String value, @Nullable String fallback) {
		return value.isBlank() && fallback != null ? trim(fallback) : value;
	}

	static Applicant normalise(Applicant a) {
		return new Applicant(trim(a.name()), trim(a.cccd()).replaceAll("\\s", ""), trim(a.phone()), trim(a.email()), trim(a.address()));
	}

	static String trim(@Nullable String s) {
		return s == null ? "" : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
	}

	/** A draft's checks: sizes, and the CCCD and phone number when given. */
	static Map<String, Message> checkDraft(Applicant a, Map<String, String> form) {
		var errors = new LinkedHashMap<String, Message>();
		checkSizes(a, form, errors);
		if (!a.cccd().isEmpty() && !a.cccd().matches("[0-9]{12}")) {
			errors.put("applicant.cccd", new Message("dossiers.error.cccdDigits"));
		}
		if (!a.phone().isEmpty() && PersonalData.normalisePhone(a.phone()) == null) {
			errors.put("applicant.phone", new Message("dossiers.error.phone"));
		}
		return errors;
	}

	private static void checkSizes(Applicant a, Map<String, String> form, Map<String, Message> errors) {
		if (a.name().length() > 200) {
			errors.put("applicant.name", new Message("dossiers.error.nameLong"));
		}
		if (a.address().length() > 500) {
			errors.put("applicant.address", new Message("dossiers.error.addressLong"));
		}
		if (a.email().length() > 254) {
			errors.put("applicant.email", new Message("dossiers.error.emailLong"));
		}
		if (form.size() > MAX_FORM_FIELDS) {
			errors.put("form", new Message("dossiers.error.formFields"));
		}
		form.forEach((k, v) -> {
			if (k.length() > 60 || !k.matches("[A-Za-z0-9_.-]+")) {
				errors.put("form", new Message("dossiers.error.formFieldName"));
			}
			else if (v != null && v.length() > MAX_FORM_VALUE) {
				errors.put("form." + k, new Message("dossiers.error.formValueLong", String.valueOf(MAX_FORM_VALUE)));
			}
		});
	}

	/** A submission's checks: the applicant in full, the e-form's sizes and the procedure's own rules. */
	static Map<String, Message> validate(ProcedureInfo p, Applicant a, Map<String, String> form) {
		var errors = new LinkedHashMap<String, Message>();
		if (a.name().length() < 2) {
			errors.put("applicant.name", new Message("dossiers.error.nameMissing"));
		}
		else if (!a.name().matches("[\\p{L} .'-]+")) {
			errors.put("applicant.name", new Message("dossiers.error.nameLetters"));
		}
		var cccdProblem = PersonalData.cccdProblemText(a.cccd());
		if (a.cccd().isEmpty()) {
			errors.put("applicant.cccd", new Message("dossiers.error.cccdMissing"));
		}
		else if (cccdProblem != null) {
			errors.put("applicant.cccd", new Message(cccdProblem.key(), cccdProblem.args()));
		}
		if (a.phone().isEmpty()) {
			errors.put("applicant.phone", new Message("dossiers.error.phoneMissing"));
		}
		else if (PersonalData.normalisePhone(a.phone()) == null) {
			errors.put("applicant.phone", new Message("dossiers.error.phone"));
		}
		if (!a.email().isEmpty() && !a.email().matches("[^@\\s]{1,64}@[^@\\s]+\\.[A-Za-z]{2,}")) {
			errors.put("applicant.email", new Message("dossiers.error.email"));
		}
		if (a.address().length() < 5) {
			errors.put("applicant.address", new Message("dossiers.error.addressMissing"));
		}
		checkSizes(a, form, errors);
		p.validate().apply(form).forEach((k, v) -> errors.putIfAbsent(k.startsWith("form.") ? k : "form." + k, new Message(v.key(), v.args())));
		return errors;
	}

	static void checkConsent(@Nullable Consent c, Map<String, Message> errors) {
		if (c == null) {
			errors.put("consent", new Message("dossiers.error.consentMissing"));
			return;
		}
		if (c.consentedBy() == null || c.consentedBy().strip().length() < 2) {
			errors.put("consent.consentedBy", new Message("dossiers.error.consentBy"));
		}
		if (c.method() == null) {
			errors.put("consent.method", new Message("dossiers.error.consentMethod"));
		}
		if (c.at() == null || c.at().isAfter(Instant.now().plusSeconds(300)) || c.at().isBefore(Instant.now().minusSeconds(90L * 86400))) {
			errors.put("consent.at", new Message("dossiers.error.consentAt"));
		}
		if (c.method() == Consent.Method.SIGNED_PAPER && (c.reference() == null || c.reference().isBlank())) {
			errors.put("consent.reference", new Message("dossiers.error.consentReference"));
		}
	}

	static void checkPapers(ProcedureInfo p, List<String> paperCodes, Map<String, Message> errors) {
		var missing = p.papers().stream().filter(pp -> pp.required() && !pp.filledByForm() && !paperCodes.contains(pp.code())).toList();
		long untagged = paperCodes.stream().filter(c -> c == null || c.isBlank()).count();
		if (!missing.isEmpty() && untagged < missing.size()) {
			errors.putIfAbsent("files", new Message("dossiers.error.papersMissing",
					String.join("; ", missing.stream().map(ProcedureInfo.Paper::name).toList())));
		}
	}
}
