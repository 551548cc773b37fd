package vn.xaso.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.catalog.internal.CatalogSeed;
import vn.xaso.catalog.internal.ProcedureStore;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.Refusal.Text;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.units.Units;

/**
 * The procedure catalogue. Reading is open to everyone (the catalogue is public); publishing a
 * commune version needs a caller whose scope includes that commune.
 *
 * <p>A {@code unitCode} of {@code null} or blank means the national catalogue; an unknown code
 * raises {@link CatalogException} with a Vietnamese message under the key {@code unit}.
 */
@Service
public class Procedures {

	/** Workflows the dossiers module implements. */
	public static final Set<String> WORKFLOWS = Set.of("standard", "same-day");

	/** Result templates the dossiers module renders. */
	public static final List<String> RESULT_TEMPLATES = List.of("birth-extract", "marriage-certificate",
			"death-extract", "marital-status", "certified-copy", "confirmation");

	private final ProcedureStore store;
	private final Units units;
	private final org.springframework.context.ApplicationEventPublisher events;

	Procedures(ProcedureStore store, Units units, CatalogSeed seed,
			org.springframework.context.ApplicationEventPublisher events) {
		this.store = store;
		this.units = units;
		this.events = events;
		seed.ensureLoaded();
	}

	/** The version in force for a commune: the commune's own version shadows the national one. */
	@Transactional(readOnly = true)
	public Optional<Procedure> current(@Nullable String unitCode, String code) {
		return store.current(unit(unitCode), code);
	}

	/** Any version ever published, exactly as published. */
	@Transactional(readOnly = true)
	public Optional<Procedure> version(long versionId) {
		return store.version(versionId);
	}

	/** Procedures in force for a commune, matching every word of {@code q} ignoring case and diacritics. */
	@Transactional(readOnly = true)
	public PageOf<Procedure> search(@Nullable String unitCode, @Nullable String q, @Nullable String field, int page,
			int size) {
		if (q != null && q.length() > 200) {
			throw CatalogException.of("q", "catalog.error.qLong");
		}
		return store.search(unit(unitCode), q, field, Math.max(0, page), Math.min(100, Math.max(1, size)));
	}

	/** Fields (lĩnh vực) in the commune's catalogue, for a filter list. */
	@Transactional(readOnly = true)
	public List<String> fields(@Nullable String unitCode) {
		return store.fields(unit(unitCode));
	}

	/** Every version of a code the commune can see (national and its own), newest first. */
	@Transactional(readOnly = true)
	public List<Procedure> history(@Nullable String unitCode, String code) {
		return store.history(unit(unitCode), code);
	}

	/**
	 * Publishes a new version of a procedure for a commune: an edit of one of its procedures, a
	 * commune version of a national procedure (shadowing it for that commune only), or a new
	 * commune procedure. Nothing is changed when the draft is invalid or the caller's scope does
	 * not include the commune. Audited.
	 */
	@Transactional
	public Procedure publish(String unitCode, ProcedureDraft draft, String actor) {
		var unit = unit(unitCode);
		if (unit == null) {
			throw CatalogException.of("unit", "catalog.error.onlyCommunes");
		}
		if (!Tenancy.current().sees(unit)) {
			throw CatalogException.of("unit", "catalog.error.notYourUnit");
		}
		var problems = check(draft);
		if (!problems.isEmpty()) {
			throw CatalogException.of(problems);
		}
		var before = store.current(unit, draft.code());
		int version = store.latestVersion(unit, draft.code()) + 1;
		long id = store.insert(unit, version, draft, actor);
		events.publishEvent(AuditEvent.of(unit, actor, before.isEmpty() ? "catalog.procedure.created" : "catalog.procedure.versioned")
			.on("procedure", draft.code())
			.change(before.map(p -> summary(p.version(), p.versionId(), p.ownerUnit(), ProcedureDraft.of(p))).orElse(null),
					summary(version, id, unit, draft)));
		events.publishEvent(new ProcedureChanged(unit, draft.code()));
		return store.version(id).orElseThrow();
	}

	/** A free local code for a commune's own procedure without a national code: XA-{unit}-{nnn}. */
	@Transactional(readOnly = true)
	public String nextLocalCode(String unitCode) {
		var unit = unit(unitCode);
		var prefix = "XA-" + unit + "-";
		int n = 1;
		var taken = store.localCodes(unit == null ? "" : unit);
		while (taken.contains(prefix + String.format("%03d", n))) {
			n++;
		}
		return prefix + String.format("%03d", n);
	}

	/** Every problem of a draft, by field (messages of the catalog bundle); empty when it can be published. */
	public Map<String, Text> check(ProcedureDraft d) {
		var errors = new LinkedHashMap<String, Text>();
		if (!d.code().matches("[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}")) {
			errors.put("code", new Text("catalog.error.code"));
		}
		if (d.name().isBlank()) {
			errors.put("name", new Text("catalog.error.name"));
		}
		else if (d.name().strip().length() > 500) {
			errors.put("name", new Text("catalog.error.nameLong"));
		}
		if (d.field().isBlank()) {
			errors.put("field", new Text("catalog.error.field"));
		}
		else if (d.field().strip().length() > 100) {
			errors.put("field", new Text("catalog.error.fieldLong"));
		}
		if (!WORKFLOWS.contains(d.workflow())) {
			errors.put("workflow", new Text("catalog.error.workflow"));
		}
		if (!RESULT_TEMPLATES.contains(d.resultTemplate())) {
			errors.put("resultTemplate", new Text("catalog.error.resultTemplate"));
		}
		if (d.legalBasis().length() > 4000) {
			errors.put("legalBasis", new Text("catalog.error.legalBasisLong"));
		}
		if (d.sources().length() > 4000) {
			errors.put("sources", new Text("catalog.error.sourcesLong"));
		}
		if (d.papers().size() > 50) {
			errors.put("papers", new Text("catalog.error.papersMany"));
		}
		for (var paper : d.papers()) {
			if (paper.name().isBlank() || paper.name().length() > 500) {
				errors.putIfAbsent("papers", new Text("catalog.error.papersName"));
			}
		}
		if (d.form().fields().size() > 60) {
			errors.put("form", new Text("catalog.error.formMany"));
		}
		for (var f : d.form().fields()) {
			if (f.label().isBlank() || f.label().length() > 200) {
				errors.putIfAbsent("form", new Text("catalog.error.formLabel", f.name()));
			}
			if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
				errors.putIfAbsent("form", new Text("catalog.error.formOptions", f.label()));
			}
			if (f.help() != null && f.help().length() > 500) {
				errors.putIfAbsent("form", new Text("catalog.error.formHelp", f.label()));
			}
		}
		return errors;
	}

	private @Nullable String unit(@Nullable String unitCode) {
		if (unitCode == null || unitCode.isBlank()) {
			return null;
		}
		var code = unitCode.strip();
		if (!code.matches("[0-9]{5}") || !units.isCommune(code)) {
			throw CatalogException.of("unit", "catalog.error.unit", abbreviate(code));
		}
		return code;
	}

	private static String abbreviate(String s) {
		return s.length() > 20 ? s.substring(0, 20) + "…" : s;
	}

	private static String summary(int version, long id, @Nullable String unit, ProcedureDraft d) {
		return Refusal.bundleText(CatalogException.BUNDLE, "catalog.text.procedureSummary", String.valueOf(version), String.valueOf(id),
				unit == null ? Refusal.bundleText(CatalogException.BUNDLE, "catalog.text.national")
						: Refusal.bundleText(CatalogException.BUNDLE, "catalog.text.commune", unit),
				d.name(), d.processingTime().describe(), d.fees().describe(), String.valueOf(d.form().fields().size()));
	}
}
