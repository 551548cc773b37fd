package vn.xaso.dossiers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import vn.xaso.dossiers.web.DossierForms.BulkStep;
import vn.xaso.dossiers.web.DossierForms.QuickStep;
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
	private final MessageSource messages;

	QuickStepsController(Dossiers dossiers, DossierShortcuts shortcuts, MessageSource messages) {
		this.dossiers = dossiers;
		this.shortcuts = shortcuts;
		this.messages = messages;
	}

	@PostMapping("/dossiers/{id}/steps")
	String step(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, QuickStep params, Locale locale,
			RedirectAttributes redirect) {
		var caller = Caller.of(me);
		var step = DossierForms.text(params.step());
		dossiers.find(caller, id).orElseThrow(DossierNotFound::new); // another commune's dossier: 404
		try {
			long version = Long.parseLong(DossierForms.text(params.version()).isEmpty() ? "-1" : DossierForms.text(params.version()));
			var after = run(caller, id, version, step, params);
			redirect.addFlashAttribute("notice", t(locale, "dossiers.web.quick.done", label(step, locale), after.stateLabel()));
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("problem", t(locale, "dossiers.web.quick.stale"));
		}
		catch (DossierConflict e) {
			redirect.addFlashAttribute("problem", WebInput.message(e));
		}
		catch (DossierException e) {
			redirect.addFlashAttribute("problem", e.message(messages, locale));
		}
		return "redirect:/dossiers/" + id;
	}

	@GetMapping("/dossiers/next")
	String next(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "from", defaultValue = "0") String from,
			Locale locale, RedirectAttributes redirect) {
		long after = WebInput.parseInt(from, 0);
		var next = shortcuts.next(Caller.of(me), after);
		if (next.isEmpty()) {
			redirect.addFlashAttribute("bulk", List.of(t(locale, "dossiers.web.quick.noneLeft")));
			return "redirect:/dossiers";
		}
		return "redirect:/dossiers/" + next.get();
	}

	@PostMapping("/dossiers/bulk")
	String bulk(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "pick", required = false) @Nullable List<String> picks,
			BulkStep params, Locale locale, RedirectAttributes redirect) {
		var caller = Caller.of(me);
		var step = DossierForms.text(params.step());
		var tab = DossierForms.text(params.tab()).matches("[a-z]{1,12}") ? DossierForms.text(params.tab()) : "";
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
			lines.add(t(locale, "dossiers.web.bulk.noneTicked"));
		}
		else if (ids.size() > BULK_MOST) {
			lines.add(t(locale, "dossiers.web.bulk.tooMany", String.valueOf(BULK_MOST)));
		}
		else if (!List.of("receive", "receive_assign", "release_return").contains(step)) {
			lines.add(t(locale, "dossiers.web.bulk.noStep"));
		}
		else {
			int done = 0;
			for (int i = 0; i < ids.size(); i++) {
				long id = ids.get(i);
				try {
					var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
					var after = run(caller, id, dossier.version(), step, params.each());
					done++;
					lines.add(t(locale, "dossiers.web.bulk.doneOne", after.code(), label(step, locale), after.stateLabel()));
				}
				catch (DossierNotFound e) {
					lines.add(t(locale, "dossiers.web.bulk.notFound", String.valueOf(id)));
				}
				catch (DossierConflict e) {
					lines.add(code(caller, id, locale) + ": " + WebInput.message(e));
				}
				catch (DossierException e) {
					lines.add(t(locale, "dossiers.web.bulk.notDone", code(caller, id, locale), e.message(messages, locale)));
					if (e.errors().containsKey("password")) {
						// the seal password or PIN was refused: the same one would be refused for every other dossier
						lines.add(t(locale, "dossiers.web.bulk.stoppedOnPassword", String.valueOf(ids.size() - i - 1)));
						break;
					}
				}
			}
			lines.add(0, t(locale, "dossiers.web.bulk.summary", label(step, locale).toLowerCase(locale), String.valueOf(done),
					String.valueOf(ids.size())));
		}
		redirect.addFlashAttribute("bulk", lines);
		return "redirect:/dossiers" + (tab.isEmpty() ? "" : "?tab=" + tab);
	}

	private Dossier run(Caller caller, long id, long version, String step, QuickStep params) {
		var note = DossierForms.text(params.note());
		return switch (step) {
			case "receive" -> dossiers.act(caller, id, ActionRequest.of("receive", version, note));
			case "receive_assign" -> shortcuts.receiveAndAssign(caller, id, version, blank(DossierForms.text(params.assignee())), note);
			case "release_return" -> shortcuts.releaseAndReturn(caller, id, version, blank(DossierForms.text(params.returnMethod())),
					blank(DossierForms.text(params.postTrackingNumber())), note, DossierForms.text(params.sealPassword()).toCharArray());
			default -> throw DossierException.of("action", "dossiers.web.quick.unknownStep");
		};
	}

	private String code(Caller caller, long id, Locale locale) {
		return dossiers.find(caller, id).map(Dossier::code).orElse(t(locale, "dossiers.web.bulk.numbered", String.valueOf(id)));
	}

	private String label(String step, Locale locale) {
		return switch (step) {
			case "receive", "receive_assign", "release_return" -> t(locale, "dossiers.web.quick.step." + step);
			default -> step;
		};
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static @Nullable String blank(String s) {
		return s.isBlank() ? null : s;
	}
}
