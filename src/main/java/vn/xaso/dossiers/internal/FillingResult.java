package vn.xaso.dossiers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.audit.AuditEvent;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Results.Line;
import vn.xaso.dossiers.Results.Sheet;
import vn.xaso.identity.Role;
import vn.xaso.platform.Blanks;

/**
 * The specialist fills the result before signing: the entries merged over the e-form, checked field by field;
 * once nothing is blank the civil-status entry takes its register number. {@link #forSigning} gives the leader's
 * step ({@link ResultToSign}) exactly that PDF, refused while a field or a printed line is still blank.
 */
@Component
class FillingResult {

	private final DossierWork work;
	private final ResultTable results;
	private final DossierTable table;
	private final DossierProcedures procedures;
	private final Commune commune;
	private final ApplicationEventPublisher events;
	private final PublicAddress publicUrl;

	FillingResult(DossierWork work, ResultTable results, DossierTable table, DossierProcedures procedures, Commune commune, ApplicationEventPublisher events,
			PublicAddress publicUrl) {
		this.work = work;
		this.results = results;
		this.table = table;
		this.procedures = procedures;
		this.commune = commune;
		this.events = events;
		this.publicUrl = publicUrl;
	}

	/** The sheet as the official sees it (in the official's transaction). */
	Sheet sheet(Caller official, long dossierId) {
		return sheet(official, table.seenBy(official, dossierId).orElseThrow(vn.xaso.dossiers.DossierNotFound::new));
	}

	Sheet save(Caller official, long dossierId, Map<String, String> entries) {
		var dossier = table.official(official, dossierId);
		var row = dossier.row();
		if (!editable(official, row.state())) {
			throw Texts.refused("", "dossiers.error.result.notEditable");
		}
		var errors = new LinkedHashMap<String, DossierException.Message>();
		var clean = new TreeMap<String, String>(results.entries(row.id()));
		for (var field : ResultFields.of(row.resultTemplate())) {
			if (!entries.containsKey(field.key())) {
				continue; // not on the form sent: keep what was there (and the e-form's value)
			}
			var value = entries.get(field.key()) == null ? "" : entries.get(field.key()).strip();
			var problem = problem(field, value);
			if (problem != null) {
				errors.put(field.key(), problem);
			}
			clean.put(field.key(), value);
		}
		if (!errors.isEmpty()) {
			throw DossierException.of(errors);
		}
		results.saveEntries(row.id(), row.unitCode(), clean, official.username());
		var merged = ResultFields.merge(row.resultTemplate(), table.form(row.id()), clean);
		boolean complete = ResultFields.missing(row.resultTemplate(), merged).isEmpty();
		if (complete) {
			registerNumber(row);
		}
		events.publishEvent(AuditEvent.of(row.unitCode(), official.username(), "dossier.result.filled").on("dossier", row.id())
			.change(null, Texts.vi(complete ? "dossiers.text.result.complete" : "dossiers.text.result.incomplete")));
		return sheet(official, dossier);
	}

	private static DossierException.@Nullable Message problem(ResultFields.Field field, String value) {
		if (field.kind().equals("SEX") && !value.isEmpty() && !List.of(Texts.vi("dossiers.pdf.sex.male"), Texts.vi("dossiers.pdf.sex.female")).contains(value)) {
			return new DossierException.Message("dossiers.error.result.sex", field.label());
		}
		var blank = Blanks.in(value);
		if (blank.isPresent()) {
			return new DossierException.Message("dossiers.error.result.blank", field.label(), blank.get());
		}
		if (field.kind().equals("DATE") && !value.isEmpty() && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return new DossierException.Message("dossiers.error.result.date", field.label());
		}
		if (value.length() > 300) {
			return new DossierException.Message("dossiers.error.result.tooLong", field.label(), "300");
		}
		return null;
	}

	/** The result as it will be signed today, unsigned. */
	byte[] preview(Caller official, long dossierId) {
		var row = table.seenBy(official, dossierId).orElseThrow(vn.xaso.dossiers.DossierNotFound::new).row();
		var form = table.form(row.id());
		var base = new Pdfs.ResultData(commune.issuer(row.unitCode()), row.resultTemplate(), row.code(), row.procedureName(), form,
				procedures.of(row).labels(), row.applicantName(), table.applicantCccd(row.id()), Texts.vi("dossiers.text.chairman"),
				commune.leaderName(row.unitCode()), LocalDate.ofInstant(work.now(), Sla.VIETNAM), publicUrl.base() + "/verify");
		var number = results.registerNumber(row.id()).orElse(null);
		return Pdfs.result(with(base, ResultFields.merge(row.resultTemplate(), form, results.entries(row.id())),
				number == null ? null : format(number)));
	}

	/**
	 * The PDF the leader signs now (in the caller's transaction): refused with a plain message naming the blank
	 * fields, or when the rendered result still shows a "…" blank.
	 */
	byte[] forSigning(long dossierId, String unitCode, Pdfs.ResultData base) {
		var row = table.get(dossierId);
		if (!row.unitCode().equals(unitCode)) {
			throw new vn.xaso.dossiers.DossierNotFound();
		}
		var merged = ResultFields.merge(row.resultTemplate(), base.form(), results.entries(row.id()));
		var missing = ResultFields.missing(row.resultTemplate(), merged);
		if (!missing.isEmpty()) {
			throw Texts.refused("signingPassword", "dossiers.error.result.missing", String.join(", ", missing), String.valueOf(dossierId));
		}
		var number = registerNumber(row);
		var pdf = Pdfs.result(with(base, merged, number == null ? null : format(number)));
		var rendered = text(pdf);
		if (Blanks.in(rendered).isPresent()) {
			throw Texts.refused("signingPassword", "dossiers.error.result.blankInPdf", Blanks.where(rendered), String.valueOf(dossierId));
		}
		return pdf;
	}

	private Sheet sheet(Caller official, Dossier dossier) {
		var row = dossier.row();
		var template = row.resultTemplate();
		var merged = ResultFields.merge(template, table.form(row.id()), results.entries(row.id()));
		var lines = new ArrayList<Line>();
		boolean father = !merged.getOrDefault("fatherName", "").isBlank();
		for (var f : ResultFields.of(template)) {
			var value = merged.getOrDefault(f.key(), "");
			lines.add(new Line(f.key(), f.label(), f.kind(), value, f.kind().equals("DATE") ? Pdfs.formatDate(value) : value,
					!f.key().equals("fatherName") && (!f.fatherOnly() || father)));
		}
		var register = results.register(row.id());
		var book = ResultFields.book(template);
		boolean signed = table.resultSigner(row.id()).isPresent();
		return new Sheet(row.id(), row.code(), row.procedureName(), template, row.state(), dossier.workflow().state(row.state()).label(), lines,
				ResultFields.missing(template, merged), book == null ? null : ResultFields.bookName(book), register.year(), register.number(),
				editable(official, row.state()), signed, register.sealedBy() != null,
				SealingResult.canSeal(official, row.state(), signed, results.sealed(row.id())), register.sealedBy());
	}

	private static boolean editable(Caller official, String state) {
		return (official.has(Role.SPECIALIST) || official.has(Role.ONE_STOP)) && List.of("received", "processing").contains(state);
	}

	/** The entry's register number, taken from the commune's register for the year when it has none yet. */
	private @Nullable Integer registerNumber(DossierTable.Row row) {
		var book = ResultFields.book(row.resultTemplate());
		if (book == null) {
			return null;
		}
		var existing = results.registerNumber(row.id());
		if (existing.isPresent()) {
			return existing.get();
		}
		return results.takeNumber(row.id(), row.unitCode(), book, LocalDate.ofInstant(work.now(), Sla.VIETNAM).getYear());
	}

	static String format(int number) {
		return number < 10 ? "0" + number : Integer.toString(number);
	}

	private static Pdfs.ResultData with(Pdfs.ResultData d, Map<String, String> form, @Nullable String number) {
		return new Pdfs.ResultData(d.issuer(), d.template(), d.code(), d.procedureName(), form, d.fieldLabels(), d.applicantName(),
				d.applicantCccd(), d.signerTitle(), d.signerName(), d.date(), d.verifyUrl(), number);
	}

	private static String text(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
