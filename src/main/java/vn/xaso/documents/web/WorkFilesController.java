package vn.xaso.documents.web;

import static vn.xaso.documents.web.Params.blank;
import static vn.xaso.documents.web.Params.parseInt;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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

	WorkFilesController(WorkFiles workFiles, Documents documents) {
		this.workFiles = workFiles;
		this.documents = documents;
	}

	@GetMapping("/documents/work-files")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model) {
		var actor = Actor.of(me);
		var form = Form.of(params);
		int page = parseInt(params.get("page"), 0);
		Integer year = null;
		if (!params.getOrDefault("year", "").isBlank()) {
			int y = parseInt(params.get("year"), -1);
			if (y < 1900 || y > 2199) {
				form.reject("year", "Năm chưa đúng, ví dụ 2026.");
			}
			else {
				year = y;
			}
		}
		WorkFiles.Listing listing;
		try {
			listing = workFiles.list(actor, blank(params.get("q")), year, blank(params.get("status")), page, Paging.DEFAULT_SIZE);
		}
		catch (DocumentException e) {
			form.reject(e.field(), e.getMessage());
			listing = new WorkFiles.Listing(List.of(), 0);
		}
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("paging", Paging.of(page, listing.total(), "/documents/work-files", params));
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
	String create(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model) {
		var actor = requireManager(me);
		var form = Form.of(params);
		try {
			long id = workFiles.create(actor, new WorkFiles.NewWorkFile(params.getOrDefault("code", ""), params.getOrDefault("title", ""),
					params.getOrDefault("year", ""), params.getOrDefault("handler", ""), params.getOrDefault("retention", "")));
			return "redirect:/documents/work-files/" + id;
		}
		catch (DocumentException e) {
			return createForm(actor, form.reject(e.field(), e.getMessage()), model);
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
				form.reject(e.field(), e.getMessage());
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
		return act(id, redirect, "Đã thêm văn bản vào hồ sơ.", () -> workFiles.add(actor, id, parseLong(documentId)));
	}

	@PostMapping("/documents/work-files/{id}/remove")
	String remove(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String documentId,
			RedirectAttributes redirect) {
		var actor = requireManager(me);
		return act(id, redirect, "Đã bỏ văn bản khỏi hồ sơ.", () -> workFiles.remove(actor, id, parseLong(documentId)));
	}

	@PostMapping("/documents/work-files/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		var actor = requireManager(me);
		return act(id, redirect, "Đã đóng hồ sơ. Nội dung hồ sơ không thay đổi được nữa.", () -> workFiles.close(actor, id));
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
				throw new DocumentException("file", "Hãy chọn tệp ZIP gói lưu trữ hồ sơ.");
			}
			long id = workFiles.importArchive(actor, file.getBytes());
			redirect.addFlashAttribute("notice", "Đã nhập hồ sơ từ gói lưu trữ. Mọi tệp đều khớp mã SHA-256.");
			return "redirect:/documents/work-files/" + id;
		}
		catch (DocumentException e) {
			model.addAttribute("form", Form.empty().reject(e.field(), e.getMessage()));
			return "documents/work-files-import";
		}
	}

	private String createForm(Actor actor, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("handlers", documents.handlers(actor));
		model.addAttribute("retentions", WorkFile.RETENTIONS);
		return "documents/work-files-new";
	}

	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", success);
		}
		catch (DocumentException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
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
			throw new DocumentException("documentId", "Hãy chọn văn bản cần thêm.");
		}
	}
}
