package vn.xaso.farm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.farm.Command;
import vn.xaso.farm.Command.Status;
import vn.xaso.farm.CommandAcknowledged;
import vn.xaso.farm.CommandTimedOut;

/**
 * The command aggregate: PENDING → DONE or FAILED (the device's answer) or TIMED_OUT (no answer in time). Only a
 * pending command changes; a late or repeated answer changes nothing ({@link #answer} and {@link #timeOut} say
 * false).
 */
final class CommandCase {

	private final Command command;
	private Status status;
	private @Nullable Instant answeredAt;
	private @Nullable String note;
	private final List<Object> events = new ArrayList<>();

	CommandCase(Command command) {
		this.command = command;
		this.status = command.status();
		this.answeredAt = command.answeredAt();
		this.note = command.note();
	}

	boolean answer(boolean ok, @Nullable String deviceNote, Instant at) {
		if (status != Status.PENDING) {
			return false;
		}
		status = ok ? Status.DONE : Status.FAILED;
		answeredAt = at;
		note = deviceNote;
		events.add(new CommandAcknowledged(command.unitCode(), command.farmId(), command.id(), ok));
		return true;
	}

	boolean timeOut(Instant now) {
		if (status != Status.PENDING || now.isBefore(command.timeoutAt())) {
			return false;
		}
		status = Status.TIMED_OUT;
		events.add(new CommandTimedOut(command.unitCode(), command.farmId(), command.id()));
		return true;
	}

	Command command() {
		return command;
	}

	Status status() {
		return status;
	}

	@Nullable Instant answeredAt() {
		return answeredAt;
	}

	@Nullable String note() {
		return note;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
