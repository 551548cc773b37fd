package vn.xaso.documents.web;

import static vn.xaso.documents.web.Params.blank;
import static vn.xaso.documents.web.Params.parseInt;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.documents.WorkFile;
import vn.xaso.documents.WorkFiles;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.documents.web.DocumentForms.WorkFileFilter;
import vn.xaso.documents.web.DocumentForms.WorkFileForm;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/**
 * Work files (hồ sơ công việc) pages: list and search, create, detail with filing documents,
 * closing, the archive package download and its import. Viewing: any official of the unit;
 * changes, export and import: CLERK and LEADER (checked here first so other roles get 403, and
 * again in {@link WorkFiles}).
 */
@Controller
class WorkFilesController {

	private final WorkFiles workFiles;
	private final Documents documents;
	private final MessageSource messages;

	WorkFilesController(WorkFiles workFiles, Documents documents, MessageSource messages) {
		this.workFiles = workFiles;
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping("/documents/work-files")
	String list(@AuthenticationPrincipal OfficialPrincipal me, WorkFileFilter filter, Model model) {
		var actor = Actor.of(me);
		var form = Form.of(filter.values());
		int page = parseInt(filter.page(), 0);
		Integer year = null;
		if (filter.year() != null && !filter.year().isBlank()) {
			int y = parseInt(filter.year(), -1);
			if (y < 1900 || y > 2199) {
				form.reject("year", t("documents.error.year"));
			}
			else {
				year = y;
			}
		}
		WorkFiles.Listing listing;
		try {
			listing = workFiles.list(actor, blank(filter.q()), year, blank(filter.status()), page, Paging.DEFAULT_SIZE);
		}
		catch (DocumentException e) {
			form.reject(e.field(), message(e));
			listing = new WorkFiles.Listing(List.of(), 0);
		}
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("paging", Paging.of(page, listing.total(), "/documents/work-files", filter.values()));
		model.addAttribute("canManage", WorkFiles.canManage(actor));
		return "documents/work-files";
	}

	@GetMapping("/documents/work-files/new")
	String newForm(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var actor = requireManager(me);
		var form = Form.empty().value("year", String.valueOf(LocalDate.now(Documents.VIETNAM).getYear())).value("retention", "10")
			.value("handler", actor.username());
		return createForm(actor, form, model);
	}

	@PostMapping("/documents/work-files")
	String create(@AuthenticationPrincipal OfficialPrincipal me, WorkFileForm workFile, Model model) {
		var actor = requireManager(me);
		var form = Form.of(workFile.values());
		try {
			long id = workFiles.create(actor, workFile.workFile());
			return "redirect:/documents/work-files/" + id;
		}
		catch (DocumentException e) {
			return createForm(actor, form.reject(e.field(), message(e)), model);
		}
	}

	@GetMapping("/documents/work-files/{id}")
	String detail(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String q,
			Model model) {
		var actor = Actor.of(me);
		var wf = workFiles.find(actor, id).orElseThrow(() -> new WorkFiles.NotFound(id));
		var form = Form.empty().value("q", q);
		List<WorkFiles.Candidate> candidates = List.of();
		boolean manage = WorkFiles.canManage(actor);
		if (manage && !wf.closed()) {
			try {
				candidates = workFiles.candidates(actor, q);
			}
			catch (DocumentException e) {
				form.reject(e.field(), message(e));
			}
		}
		model.addAttribute("wf", wf);
		model.addAttribute("form", form);
		model.addAttribute("candidates", candidates);
		model.addAttribute("canManage", manage);
		return "documents/work-files-detail";
	}

	@PostMapping("/documents/work-files/{id}/documents")
	String add(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String documentId,
			RedirectAttributes redirect) {
		var actor = requireManager(me);
		return act(id, redirect, "documents.done.workFileAdded", () -> workFiles.add(actor, id, parseLong(documentId)));
	}

	@PostMapping("/documents/work-files/{id}/remove")
	String remove(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String documentId,
			RedirectAttributes redirect) {
		var actor = requireManager(me);
		return act(id, redirect, "documents.done.workFileRemoved", () -> workFiles.remove(actor, id, parseLong(documentId)));
	}

	@PostMapping("/documents/work-files/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		var actor = requireManager(me);
		return act(id, redirect, "documents.done.workFileClosed", () -> workFiles.close(actor, id));
	}

	/** The archive package, streamed straight from the database to the response. */
	@GetMapping("/documents/work-files/{id}/archive.zip")
	ResponseEntity<Void> archive(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		var actor = requireManager(me);
		WorkFile wf;
		try {
			wf = workFiles.exportable(actor, id);
		}
		catch (DocumentException e) {
			return ResponseEntity.status(303).location(java.net.URI.create("/documents/work-files/" + id)).build();
		}
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("ho-so-" + wf.organId() + "-" + wf.year() + "-" + wf.code().replaceAll("[^0-9A-Za-z.-]", "-") + ".zip")
			.build().toString());
		workFiles.export(actor, id, response.getOutputStream());
		response.flushBuffer();
		return null;
	}

	/** The PDF of one document of a closed (or imported) work file, as frozen. */
	@GetMapping("/documents/work-files/{id}/records/{ordinal}/pdf")
	ResponseEntity<byte[]> recordPdf(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable int ordinal) {
		var pdf = workFiles.recordPdf(Actor.of(me), id, ordinal).orElseThrow(() -> new WorkFiles.NotFound(id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("ho-so-" + id + "-" + ordinal + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/documents/work-files/import")
	String importForm(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		requireManager(me);
		model.addAttribute("form", Form.empty());
		return "documents/work-files-import";
	}

	@PostMapping("/documents/work-files/import")
	String importArchive(@AuthenticationPrincipal OfficialPrincipal me,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		var actor = requireManager(me);
		try {
			if (file == null || file.isEmpty()) {
				throw DocumentException.of("file", "documents.error.archiveChoose");
			}
			long id = workFiles.importArchive(actor, file.getBytes());
			redirect.addFlashAttribute("notice", t("documents.done.archiveImported"));
			return "redirect:/documents/work-files/" + id;
		}
		catch (DocumentException e) {
			model.addAttribute("form", Form.empty().reject(e.field(), message(e)));
			return "documents/work-files-import";
		}
	}

	/** A message of the documents bundle in the reader's language. */
	private String t(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private String message(DocumentException e) {
		return e.message(messages, LocaleContextHolder.getLocale());
	}

	private String createForm(Actor actor, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("handlers", documents.handlers(actor));
		model.addAttribute("retentions", WorkFile.RETENTIONS);
		return "documents/work-files-new";
	}

	private String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", t(successKey));
		}
		catch (DocumentException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:/documents/work-files/" + id;
	}

	private static Actor requireManager(OfficialPrincipal me) {
		var actor = Actor.of(me);
		if (!WorkFiles.canManage(actor)) {
			throw new AccessDeniedException("clerks and leaders only");
		}
		return actor;
	}

	private static long parseLong(String s) {
		try {
			return Long.parseLong(s.strip());
		}
		catch (NumberFormatException e) {
			throw DocumentException.of("documentId", "documents.error.chooseDocument");
		}
	}
}
