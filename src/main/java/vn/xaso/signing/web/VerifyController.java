package vn.xaso.signing.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.signing.PdfRejectedException;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.VerificationReport;
import vn.xaso.signing.internal.PdfChecks;
import vn.xaso.platform.web.Problems;

/** Anyone may check the signatures of a PDF: a page with a form, and the same as a JSON API. */
@Controller
class VerifyController {

	static final String PAGE = "/signatures/verify";
	static final String API = "/api/v1/signatures/verify";

	private final SignatureVerification verification;
	private final MessageSource messages;

	VerifyController(SignatureVerification verification, MessageSource messages) {
		this.verification = verification;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String form(@RequestParam(name = "error", required = false) @Nullable String error, Locale locale, Model model) {
		model.addAttribute("maxMb", verification.maxUploadMegabytes());
		if ("too-large".equals(error)) {
			model.addAttribute("problem", messages.getMessage("signing.error.tooLarge", new Object[] { String.valueOf(verification.maxUploadMegabytes()) }, locale));
		}
		return "signing/verify";
	}

	@PostMapping(PAGE)
	String check(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale, Model model,
			HttpServletResponse response) {
		model.addAttribute("maxMb", verification.maxUploadMegabytes());
		try {
			model.addAttribute("report", verification.verify(read(file)));
			model.addAttribute("fileName", file == null ? "" : String.valueOf(file.getOriginalFilename()));
		}
		catch (PdfRejectedException e) {
			response.setStatus(400);
			model.addAttribute("problem", e.message(messages, locale));
		}
		return "signing/verify";
	}

	@PostMapping(path = API, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "Check the digital signatures of a PDF (multipart field 'file'), validated offline with EU DSS")
	ResponseEntity<?> api(@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
		try {
			VerificationReport report = verification.verify(read(file));
			return ResponseEntity.ok(report);
		}
		catch (PdfRejectedException e) {
			return Problems.message(org.springframework.http.HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
		}
	}

	private byte[] read(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw PdfRejectedException.rejected("signing.error.pdfMissing");
		}
		PdfChecks.checkSize(file.getSize(), verification.maxUploadMegabytes());
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw PdfRejectedException.rejected("signing.error.fileUnreadable");
		}
	}
}
