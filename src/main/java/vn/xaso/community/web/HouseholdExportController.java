package vn.xaso.community.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.ExportingHouseholds;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.DownloadNames;

/** The household list as CSV or XLSX, CCCD and phone masked (commune staff; a village head their village). */
@Controller
class HouseholdExportController {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Actors actors;
	private final ExportingHouseholds exporting;

	HouseholdExportController(Actors actors, ExportingHouseholds exporting) {
		this.actors = actors;
		this.exporting = exporting;
	}

	@GetMapping("/community/households/export.{format:csv|xlsx}")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String format,
			@RequestParam(defaultValue = "") String village) {
		var actor = actors.of(me);
		Long villageId = village.matches("[0-9]{1,12}") ? Long.valueOf(village) : null;
		boolean csv = "csv".equals(format);
		byte[] body;
		try {
			body = csv ? exporting.csv(actor, villageId) : exporting.xlsx(actor, villageId);
		}
		catch (vn.xaso.community.CommunityException e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
		}
		return ResponseEntity.ok()
			.contentType(csv ? MediaType.parseMediaType("text/csv;charset=UTF-8") : XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition(false, "ho-gia-dinh-" + me.unitCode(), "." + format))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}
}
