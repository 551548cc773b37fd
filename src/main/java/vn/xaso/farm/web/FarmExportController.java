package vn.xaso.farm.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.xaso.farm.FarmException;
import vn.xaso.farm.internal.ExportingReadings;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.DownloadNames;

/** The farm's readings as CSV or Excel (XLSX) for a range of days (the form on the farm's page); bad dates: the page with the message. */
@Controller
class FarmExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ExportingReadings exporting;
	private final FarmPages pages;

	FarmExportController(ExportingReadings exporting, FarmPages pages) {
		this.exporting = exporting;
		this.pages = pages;
	}

	/** The file (the response is written here, nothing returned), or the farm's page with the refusal. */
	@GetMapping("/farm/{id}/export")
	String export(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FarmForms.ExportForm export,
			HttpServletResponse response, Model model) throws IOException {
		boolean excel = export.excel();
		byte[] file;
		try {
			file = excel ? exporting.xlsx(me, id, export.input()) : exporting.csv(me, id, export.input());
		}
		catch (FarmException e) {
			var rejected = pages.reject(export.form(), e, "export-");
			response.setStatus(Texts.status(e));
			return pages.page(me, id, rejected, model);
		}
		response.setContentType(excel ? XLSX : "text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				DownloadNames.contentDisposition(false, ExportingReadings.name(id, export.input()), excel ? ".xlsx" : ".csv"));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(file.length);
		response.getOutputStream().write(file);
		return null;
	}
}
