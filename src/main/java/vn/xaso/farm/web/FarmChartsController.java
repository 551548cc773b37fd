package vn.xaso.farm.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.xaso.farm.FarmException;
import vn.xaso.farm.internal.FarmCharts;
import vn.xaso.farm.internal.FarmDashboard;
import vn.xaso.identity.OfficialPrincipal;

/**
 * The farm's charts page (a table per device and key, drawn as a chart by the script) and the farm's live stream of
 * server-sent events, both for the farm's owner only: another farmer finds nothing (404), staff are refused (403).
 */
@Controller
class FarmChartsController {

	private final FarmCharts charts;
	private final FarmDashboard dashboard;
	private final FarmStream stream;

	FarmChartsController(FarmCharts charts, FarmDashboard dashboard, FarmStream stream) {
		this.charts = charts;
		this.dashboard = dashboard;
		this.stream = stream;
	}

	@GetMapping("/farm/{id}/charts")
	String charts(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(required = false) String range,
			Model model) {
		try {
			model.addAttribute("view", charts.of(me, id, FarmCharts.Range.of(range)));
		}
		catch (FarmException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return "farm/charts";
	}

	@GetMapping(path = "/farm/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		boolean live;
		try {
			live = dashboard.live(me, id);
		}
		catch (FarmException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		var emitter = stream.open(id, me.username(), live);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
			.header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE).body(emitter);
	}
}
