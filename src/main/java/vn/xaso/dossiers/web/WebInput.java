package vn.xaso.dossiers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.multipart.MultipartFile;

import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.web.Form;

/**
 * Reading the dossier forms: the applicant's fields, the e-form's fields (sent with the prefix {@code ef_} so
 * they never clash with the page's own fields), uploads, and turning the service's field errors into inline
 * messages on the right inputs.
 */
final class WebInput {

	static final String EFORM_PREFIX = "ef_";
	/** The same limit the service applies; checked here too so a huge upload is refused before reading it. */
	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
	static final int MAX_FILES = 10;
	private static final Set<String> APPLICANT = Set.of("name", "cccd", "phone", "email", "address");

	private WebInput() {
	}

	/**
	 * The applicant: from the page's own applicant fields, or — when the procedure's e-form asks for the
	 * requester itself (the catalogue's "requester" field set) — from those e-form fields, so nobody types
	 * their name and CCCD twice.
	 */
	static Applicant applicant(Map<String, String> params) {
		return new Applicant(either(params, "Name"), either(params, "Cccd"), either(params, "Phone"), either(params, "Email"),
				either(params, "Address"));
	}

	private static String either(Map<String, String> params, String part) {
		var own = get(params, "applicant" + part);
		return own.isEmpty() ? get(params, EFORM_PREFIX + "requester" + part) : own;
	}

	/** True when the e-form has the requester's own fields, so the separate applicant block is not shown. */
	static boolean formHasRequester(java.util.Collection<String> eformNames) {
		return eformNames.contains("requesterName") && eformNames.contains("requesterPhone");
	}

	static Form applicantForm(Form form, Applicant a) {
		return form.value("applicantName", a.name())
			.value("applicantCccd", a.cccd())
			.value("applicantPhone", a.phone())
			.value("applicantEmail", a.email())
			.value("applicantAddress", a.address());
	}

	/** The e-form values without the prefix. */
	static Map<String, String> eform(Map<String, String> params) {
		var values = new LinkedHashMap<String, String>();
		params.forEach((k, v) -> {
			if (k.startsWith(EFORM_PREFIX) && k.length() > EFORM_PREFIX.length() && v != null) {
				values.put(k.substring(EFORM_PREFIX.length()), v.strip());
			}
		});
		return values;
	}

	/** Puts the service's errors on the form: applicant fields, e-form fields, others as they are. */
	static Form reject(Form form, DossierException e, Set<String> eformNames) {
		errors(e).forEach((field, message) -> form.reject(htmlName(field, eformNames), message));
		return form;
	}

	static String htmlName(String field, Set<String> eformNames) {
		var f = field;
		if (f.startsWith("applicant.")) {
			f = f.substring("applicant.".length());
			if (APPLICANT.contains(f)) {
				var part = Character.toUpperCase(f.charAt(0)) + f.substring(1);
				return eformNames.contains("requester" + part) ? EFORM_PREFIX + "requester" + part : "applicant" + part;
			}
		}
		if (f.startsWith("form.")) {
			return EFORM_PREFIX + f.substring("form.".length());
		}
		if (eformNames.contains(f)) {
			return EFORM_PREFIX + f;
		}
		if (APPLICANT.contains(f)) {
			return "applicant" + Character.toUpperCase(f.charAt(0)) + f.substring(1);
		}
		if (f.equals("files") || f.equals("paper")) {
			return "file";
		}
		if (f.startsWith("consent.")) {
			return f.equals("consent.reference") ? "consentScan" : f.equals("consent.method") ? "consentMethod" : "consentNote";
		}
		return f;
	}

	/** Non-empty uploads; too many or too large ones are refused with a Vietnamese message. */
	static List<Upload> uploads(@Nullable List<MultipartFile> files, String paperCode) {
		var out = new ArrayList<Upload>();
		if (files == null) {
			return out;
		}
		for (var file : files) {
			if (file == null || file.isEmpty()) {
				continue;
			}
			if (file.getSize() > MAX_FILE_BYTES) {
				throw DossierException.of("file", "dossiers.say.fileTooLarge", safeName(file));
			}
			if (out.size() >= MAX_FILES) {
				throw DossierException.of("file", "dossiers.say.tooManyFiles", String.valueOf(MAX_FILES));
			}
			try {
				out.add(new Upload(safeName(file), file.getBytes(), paperCode));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return out;
	}

	/**
	 * The files chosen under each paper of the procedure (fields {@code paper_<code>}), marked with that paper's
	 * code so the slip and the officials' page can say what they are.
	 */
	static List<Upload> paperUploads(jakarta.servlet.http.HttpServletRequest servletRequest) {
		var out = new ArrayList<Upload>();
		var request = org.springframework.web.util.WebUtils.getNativeRequest(servletRequest,
				org.springframework.web.multipart.MultipartRequest.class);
		if (request == null) {
			return out;
		}
		for (var entry : request.getMultiFileMap().entrySet()) {
			var name = entry.getKey();
			if (name.startsWith("paper_") && name.substring(6).matches("[A-Za-z0-9_.-]{1,30}")) {
				out.addAll(uploads(entry.getValue(), name.substring(6)));
			}
		}
		if (out.size() > MAX_FILES) {
			throw DossierException.of("file", "dossiers.say.tooManyFiles", String.valueOf(MAX_FILES));
		}
		return out;
	}

	static String safeName(MultipartFile file) {
		var name = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename();
		name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		return name.length() > 120 ? name.substring(name.length() - 120) : name.isEmpty() ? "tep" : name;
	}

	static String get(Map<String, String> params, String key) {
		var v = params.get(key);
		return v == null ? "" : v.strip();
	}

	/** A whole number from a form value, or 0 (which matches no row) when it is not one. */
	static long parseLong(@Nullable String s) {
		try {
			return s == null ? 0 : Long.parseLong(s.strip());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	static int parseInt(@Nullable String s, int fallback) {
		try {
			return s == null ? fallback : Integer.parseInt(s.strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	/** The service's errors in the reader's language (field → message). */
	static Map<String, String> errors(DossierException e) {
		return e.errors(LocaleContextHolder.getLocale());
	}

	/** The service's messages in the reader's language, joined. */
	static String message(DossierException e) {
		return String.join(" ", errors(e).values());
	}

	/** The first whole-request error ("" field) of a service error, or its whole message. */
	static String problem(DossierException e) {
		var errors = errors(e);
		var whole = errors.get("");
		return whole != null ? whole : String.join(" ", errors.values());
	}
}
