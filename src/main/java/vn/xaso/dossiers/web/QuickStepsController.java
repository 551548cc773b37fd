package vn.xaso.dossiers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.DossierShortcuts;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.OfficialPrincipal;

/**
 * Fewer clicks (issue 21): the one-step forms of the dossier page ("Tiếp nhận và chuyển xử lý", "Trả kết quả"),
 * "Hồ sơ tiếp theo", and the queue's bulk actions (tick several dossiers, then receive, receive and assign, or
 * return them). Plain form posts: no JavaScript needed. Each dossier's outcome is reported on its own.
 */
@Controller
class QuickStepsController {

	static final int BULK_MOST = 50;

	private final Dossiers dossiers;
	private final DossierShortcuts shortcuts;

	QuickStepsController(Dossiers dossiers, DossierShortcuts shortcuts) {
		this.dossiers = dossiers;
		this.shortcuts = shortcuts;
	}

	@PostMapping("/dossiers/{id}/steps")
	String step(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		var caller = Caller.of(me);
		var step = WebInput.get(params, "step");
		dossiers.find(caller, id).orElseThrow(DossierNotFound::new); // another commune's dossier: 404
		try {
			long version = Long.parseLong(WebInput.get(params, "version").isEmpty() ? "-1" : WebInput.get(params, "version"));
			var after = run(caller, id, version, step, params);
			redirect.addFlashAttribute("notice", "Đã thực hiện: " + label(step) + ". Trạng thái mới: " + after.stateLabel() + ".");
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("problem", "Trang đã cũ. Hãy tải lại hồ sơ rồi thao tác lại.");
		}
		catch (DossierConflict e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		catch (DossierException e) {
			redirect.addFlashAttribute("problem", String.join(" ", e.errors().values()));
		}
		return "redirect:/dossiers/" + id;
	}

	@GetMapping("/dossiers/next")
	String next(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "from", defaultValue = "0") String from,
			RedirectAttributes redirect) {
		long after = WebInput.parseInt(from, 0);
		var next = shortcuts.next(Caller.of(me), after);
		if (next.isEmpty()) {
			redirect.addFlashAttribute("bulk", List.of("Không còn hồ sơ nào đang chờ bạn. Xin cảm ơn!"));
			return "redirect:/dossiers";
		}
		return "redirect:/dossiers/" + next.get();
	}

	@PostMapping("/dossiers/bulk")
	String bulk(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "pick", required = false) @Nullable List<String> picks,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		var caller = Caller.of(me);
		var step = WebInput.get(params, "do");
		var tab = WebInput.get(params, "tab").matches("[a-z]{1,12}") ? WebInput.get(params, "tab") : "";
		var lines = new ArrayList<String>();
		var ids = new ArrayList<Long>();
		for (var p : picks == null ? List.<String>of() : picks) {
			try {
				var id = Long.parseLong(p.strip());
				if (!ids.contains(id)) {
					ids.add(id);
				}
			}
			catch (NumberFormatException e) {
				// a tampered value: ignored, like an unticked box
			}
		}
		if (ids.isEmpty()) {
			lines.add("Hãy đánh dấu ít nhất một hồ sơ trong danh sách.");
		}
		else if (ids.size() > BULK_MOST) {
			lines.add("Mỗi lần làm tối đa " + BULK_MOST + " hồ sơ.");
		}
		else if (!List.of("receive", "receive_assign", "release_return").contains(step)) {
			lines.add("Hãy chọn việc cần làm với các hồ sơ đã đánh dấu.");
		}
		else {
			int done = 0;
			for (var id : ids) {
				try {
					var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
					var after = run(caller, id, dossier.version(), step, params);
					done++;
					lines.add(after.code() + ": " + label(step) + " — " + after.stateLabel() + ".");
				}
				catch (DossierNotFound e) {
					lines.add("Không tìm thấy hồ sơ số " + id + " trong xã.");
				}
				catch (DossierConflict e) {
					lines.add(code(caller, id) + ": " + e.getMessage());
				}
				catch (DossierException e) {
					lines.add(code(caller, id) + ": chưa làm được — " + String.join(" ", e.errors().values()));
				}
			}
			lines.add(0, "Đã " + label(step).toLowerCase(java.util.Locale.ROOT) + " " + done + "/" + ids.size() + " hồ sơ.");
		}
		redirect.addFlashAttribute("bulk", lines);
		return "redirect:/dossiers" + (tab.isEmpty() ? "" : "?tab=" + tab);
	}

	private Dossier run(Caller caller, long id, long version, String step, Map<String, String> params) {
		var note = WebInput.get(params, "note");
		return switch (step) {
			case "receive" -> dossiers.act(caller, id, ActionRequest.of("receive", version, note));
			case "receive_assign" -> shortcuts.receiveAndAssign(caller, id, version, blank(WebInput.get(params, "assignee")), note);
			case "release_return" -> shortcuts.releaseAndReturn(caller, id, version, blank(WebInput.get(params, "returnMethod")),
					blank(WebInput.get(params, "postTrackingNumber")), note, WebInput.get(params, "sealPassword").toCharArray());
			default -> throw new DossierException("action", "Thao tác không có trong quy trình của hồ sơ này.");
		};
	}

	private String code(Caller caller, long id) {
		return dossiers.find(caller, id).map(Dossier::code).orElse("Hồ sơ số " + id);
	}

	static String label(String step) {
		return switch (step) {
			case "receive" -> "Tiếp nhận";
			case "receive_assign" -> "Tiếp nhận và chuyển xử lý";
			case "release_return" -> "Trả kết quả";
			default -> step;
		};
	}

	private static @Nullable String blank(String s) {
		return s.isBlank() ? null : s;
	}
}
