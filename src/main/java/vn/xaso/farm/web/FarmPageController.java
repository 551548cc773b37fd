package vn.xaso.farm.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.farm.FarmException;
import vn.xaso.farm.internal.FarmDashboard;
import vn.xaso.farm.internal.HandlingAlarms;
import vn.xaso.farm.internal.ProvisioningDevices;
import vn.xaso.farm.internal.SendingCommands;
import vn.xaso.farm.internal.WatchingThresholds;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * A farm's page for its farmer, made for a phone: the latest values (a table, no script needed), alarms
 * (acknowledge, clear), commands (send, see pending/done/failed), devices (register — the secret shown once —,
 * revoke) and threshold rules.
 */
@Controller
class FarmPageController {

	private final FarmDashboard dashboard;
	private final ProvisioningDevices provisioning;
	private final WatchingThresholds thresholds;
	private final SendingCommands commands;
	private final HandlingAlarms alarms;
	private final FarmPages pages;
	private final int brokerPort;

	FarmPageController(FarmDashboard dashboard, ProvisioningDevices provisioning, WatchingThresholds thresholds,
			SendingCommands commands, HandlingAlarms alarms, FarmPages pages, @Value("${xaso.farm.mqtt.port:1883}") int brokerPort) {
		this.dashboard = dashboard;
		this.provisioning = provisioning;
		this.thresholds = thresholds;
		this.commands = commands;
		this.alarms = alarms;
		this.pages = pages;
		this.brokerPort = brokerPort;
	}

	@GetMapping("/farm/{id}")
	String page(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return pages.page(me, id, Form.empty(), model);
	}

	@PostMapping("/farm/{id}/devices")
	String addDevice(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FarmForms.DeviceForm device,
			HttpServletResponse response, Model model) {
		try {
			var created = provisioning.register(me, id, device.input());
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("created", created);
			model.addAttribute("farm", dashboard.farm(me, id));
			model.addAttribute("brokerPort", brokerPort);
			return "farm/device-created";
		}
		catch (FarmException e) {
			response.setStatus(Texts.status(e));
			return pages.page(me, id, pages.reject(device.form(), e, "device-"), model);
		}
	}

	@PostMapping("/farm/{id}/devices/{deviceId}/revoke")
	String revoke(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long deviceId,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> provisioning.revoke(me, id, deviceId), "farm.device.revokedNotice", "device-", Form.empty(), response,
				model, redirect);
	}

	@PostMapping("/farm/{id}/rules")
	String addRule(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FarmForms.RuleForm rule,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> thresholds.addRule(me, id, rule.input()), "farm.rule.addedNotice", "rule-", rule.form(), response, model,
				redirect);
	}

	@PostMapping("/farm/{id}/commands")
	String command(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FarmForms.CommandForm command,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> commands.send(me, id, command.input()), "farm.command.sentNotice", "command-", command.form(), response,
				model, redirect);
	}

	@PostMapping("/farm/{id}/alarms/{alarmId}/acknowledge")
	String acknowledge(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long alarmId,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> alarms.acknowledge(me, id, alarmId), "farm.alarm.acknowledgedNotice", "alarm-", Form.empty(), response,
				model, redirect);
	}

	@PostMapping("/farm/{id}/alarms/{alarmId}/clear")
	String clear(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long alarmId,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> alarms.clear(me, id, alarmId), "farm.alarm.clearedNotice", "alarm-", Form.empty(), response, model,
				redirect);
	}
}
