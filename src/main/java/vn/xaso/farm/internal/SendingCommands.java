package vn.xaso.farm.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;

import vn.xaso.farm.Command;
import vn.xaso.farm.CommandSent;
import vn.xaso.farm.Device;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.Json;

/**
 * Commands to a device (fan on, feed now): stored PENDING, published after the commit to the device's command
 * topic as {@code {"command": id, "action": "FAN_ON"}}; the device answers on its ack topic with
 * {@code {"command": id, "ok": true|false, "note": "..."}} → DONE or FAILED; no answer within the time-out
 * (default 60 s) → TIMED_OUT ({@link FarmJobs}). The {@link CommandCase} aggregate decides each change.
 */
@Service
public class SendingCommands {

	private final CommandTable commands;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final DeviceLink link;
	private final FarmWork work;
	private final Duration timeout;

	SendingCommands(CommandTable commands, DeviceTable devices, FarmAccess access, DeviceLink link, FarmWork work,
			@Value("${xaso.farm.command-timeout:PT60S}") Duration timeout) {
		this.commands = commands;
		this.devices = devices;
		this.access = access;
		this.link = link;
		this.work = work;
		this.timeout = timeout;
	}

	public record Input(@Nullable String deviceId, @Nullable String action) {
	}

	public long send(OfficialPrincipal me, long farmId, Input input) {
		long deviceId = FarmText.id(input.deviceId(), "deviceId", "farm.error.noDevice");
		var action = FarmText.choice(input.action(), Command.Action.class, "action", "farm.error.action");
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var device = devices.find(deviceId).filter(d -> d.farmId() == farm.id() && !d.revoked())
				.orElseThrow(() -> new FarmException("deviceId", "farm.error.noDevice"));
			if (device.kind() != action.kind()) {
				throw new FarmException("action", "farm.error.actionKind");
			}
			return issue(device, action, me.username(), work.now(), null);
		});
	}

	/**
	 * Stores a PENDING command and publishes it to the device after the commit (inside the caller's transaction):
	 * a person's ({@code scheduleId} null) or a schedule's. Its id.
	 */
	long issue(Device device, Command.Action action, String by, Instant now, @Nullable Long scheduleId) {
		long id = commands.insert(device.unitCode(), device.farmId(), device.id(), action, by, now, now.plus(timeout), scheduleId);
		work.audit(device.unitCode(), by, "farm.command.sent", "command", id, device.name() + " " + action);
		work.publish(new CommandSent(device.unitCode(), device.farmId(), id, device.id(), action));
		var body = new LinkedHashMap<String, Object>();
		body.put("command", id);
		body.put("action", action.name());
		var payload = Json.MAPPER.writeValueAsBytes(body);
		ProvisioningDevices.afterCommit(() -> link.send(device.commandTopic(), payload));
		return id;
	}

	/** A device's answer on its ack topic: true when it changed a pending command of that device. */
	public boolean answer(Device device, byte[] payload) {
		long id;
		boolean ok;
		String note;
		try {
			var root = Json.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
			if (root == null || !root.isObject() || !root.path("command").isIntegralNumber() || !root.path("ok").isBoolean()
					|| payload.length > 2048) {
				return false;
			}
			id = root.path("command").longValue();
			ok = root.path("ok").booleanValue();
			note = root.path("note").isString() ? root.path("note").stringValue() : null;
		}
		catch (JacksonException e) {
			return false;
		}
		var cut = note == null ? null : note.length() > 200 ? note.substring(0, 200) : note;
		return work.asUnit(device.unitCode(), () -> commands.lock(device.id(), id).map(c -> {
			var command = new CommandCase(c);
			if (!command.answer(ok, cut, work.now())) {
				return false;
			}
			commands.save(command);
			command.events().forEach(work::publish);
			return true;
		}).orElse(false));
	}

	/** Marks pending commands whose time ran out, across communes (the job); how many. */
	int timeOutOverdue() {
		return work.systemWide(() -> {
			int n = 0;
			var now = work.now();
			for (var c : commands.overdue(now, 500)) {
				var command = new CommandCase(c);
				if (command.timeOut(now)) {
					commands.save(command);
					command.events().forEach(work::publish);
					n++;
				}
			}
			return n;
		});
	}
}
