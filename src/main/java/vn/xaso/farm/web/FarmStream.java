package vn.xaso.farm.web;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.farm.AlarmAcknowledged;
import vn.xaso.farm.AlarmCleared;
import vn.xaso.farm.AlarmRaised;
import vn.xaso.farm.CommandAcknowledged;
import vn.xaso.farm.CommandSent;
import vn.xaso.farm.CommandTimedOut;
import vn.xaso.farm.ReadingsStored;
import vn.xaso.farm.internal.FarmCharts;
import vn.xaso.farm.internal.WatchingThresholds;
import vn.xaso.platform.metrics.MetricEvent;

/**
 * The farm's open pages (the farm page, the charts page) listening by server-sent events: each holds an
 * {@link SseEmitter} keyed by its farm — the controller lets only the farm's owner open one. Once the farm's transaction
 * committed, its new readings go out as {@code reading} events (device, key, time, value and their display text), its
 * alarms' and commands' changes as {@code alarm} and {@code command} events; nothing of another farm. At most
 * {@value #PER_USER} streams per signed-in user (a further one ends the oldest), a comment every {@value #HEARTBEAT_S} s keeps
 * proxies from closing an idle stream, each stream ends after {@value #TIMEOUT_MS} ms (the browser reconnects), and
 * all end when the application stops. Sending runs on this class's own thread, never on the broker's.
 */
@Component
class FarmStream {

	static final int PER_USER = 4;
	static final long TIMEOUT_MS = 30 * 60 * 1000L;
	static final long HEARTBEAT_S = 25;
	static final long QUIET_RETRY_MS = 10 * 60 * 1000L;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(MetricEvent.VIETNAM);

	private record Listener(String username, SseEmitter emitter) {
	}

	private final Map<Long, List<Listener>> listeners = new ConcurrentHashMap<>();
	private final Map<String, List<Listener>> perUser = new ConcurrentHashMap<>();
	private final ScheduledExecutorService sender;
	private final JsonMapper json = JsonMapper.builder().build();

	FarmStream() {
		this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
			var t = new Thread(r, "farm-stream");
			t.setDaemon(true);
			return t;
		});
		sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
	}

	/**
	 * A new stream of the farm for this user, told "ready" at once. A user holds at most {@value #PER_USER}: a further
	 * one ends the user's oldest (told to come back in {@value #QUIET_RETRY_MS} ms — a page left behind whose closing the
	 * server has not noticed yet, most of the time). A farm without a device in use ({@code live} false) gets "ready"
	 * and the end at once, with the same long retry.
	 */
	SseEmitter open(long farmId, String username, boolean live) {
		if (!live) {
			var emitter = new SseEmitter(TIMEOUT_MS);
			bye(emitter, "ready");
			return emitter;
		}
		var mine = perUser.computeIfAbsent(username, k -> new CopyOnWriteArrayList<>());
		var list = listeners.computeIfAbsent(farmId, k -> new CopyOnWriteArrayList<>());
		var listener = new Listener(username, new SseEmitter(TIMEOUT_MS));
		synchronized (mine) {
			while (mine.size() >= PER_USER) {
				var oldest = mine.removeFirst();
				listeners.values().forEach(l -> l.remove(oldest));
				bye(oldest.emitter(), "replaced");
			}
			mine.add(listener);
		}
		list.add(listener);
		Runnable drop = () -> {
			list.remove(listener);
			mine.remove(listener);
		};
		listener.emitter().onCompletion(drop);
		listener.emitter().onTimeout(drop);
		listener.emitter().onError(e -> drop.run());
		send(listener, "ready", "ready");
		return listener.emitter();
	}

	private static void bye(SseEmitter emitter, String name) {
		try {
			emitter.send(SseEmitter.event().name(name).reconnectTime(QUIET_RETRY_MS).data(name, MediaType.TEXT_PLAIN));
			emitter.complete();
		}
		catch (IOException | IllegalStateException e) {
			emitter.completeWithError(e);
		}
	}

	@EventListener
	void on(ReadingsStored stored) {
		afterCommit(() -> {
			for (var r : stored.readings()) {
				var data = new LinkedHashMap<String, Object>();
				data.put("device", stored.deviceId());
				data.put("key", r.key());
				data.put("at", r.at().toEpochMilli());
				data.put("value", r.value());
				data.put("text", WatchingThresholds.number(r.value()));
				data.put("time", TIME.format(r.at()));
				data.put("second", FarmCharts.time(r.at(), false));
				tell(stored.farmId(), "reading", json.writeValueAsString(data));
			}
		});
	}

	@EventListener
	void on(AlarmRaised alarm) {
		afterCommit(() -> tell(alarm.farmId(), "alarm", String.valueOf(alarm.alarmId())));
	}

	@EventListener
	void on(AlarmAcknowledged alarm) {
		afterCommit(() -> tell(alarm.farmId(), "alarm", String.valueOf(alarm.alarmId())));
	}

	@EventListener
	void on(AlarmCleared alarm) {
		afterCommit(() -> tell(alarm.farmId(), "alarm", String.valueOf(alarm.alarmId())));
	}

	@EventListener
	void on(CommandSent command) {
		afterCommit(() -> tell(command.farmId(), "command", String.valueOf(command.commandId())));
	}

	@EventListener
	void on(CommandAcknowledged command) {
		afterCommit(() -> tell(command.farmId(), "command", String.valueOf(command.commandId())));
	}

	@EventListener
	void on(CommandTimedOut command) {
		afterCommit(() -> tell(command.farmId(), "command", String.valueOf(command.commandId())));
	}

	private void afterCommit(Runnable task) {
		if (listeners.isEmpty()) {
			return;
		}
		Runnable queued = () -> sender.execute(task);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					queued.run();
				}
			});
		}
		else {
			queued.run();
		}
	}

	private void tell(long farmId, String name, String data) {
		var list = listeners.get(farmId);
		if (list != null) {
			list.forEach(l -> send(l, name, data));
		}
	}

	private void heartbeat() {
		listeners.values().forEach(list -> list.forEach(l -> {
			try {
				l.emitter().send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException e) {
				l.emitter().completeWithError(e);
			}
		}));
	}

	private static void send(Listener listener, String name, String data) {
		try {
			listener.emitter().send(SseEmitter.event().name(name).data(data, MediaType.TEXT_PLAIN));
		}
		catch (IOException | IllegalStateException e) {
			listener.emitter().completeWithError(e);
		}
	}

	/** Ends every stream (the browsers reconnect to another instance or after the restart). */
	@PreDestroy
	void close() {
		sender.shutdownNow();
		listeners.values().forEach(list -> list.forEach(l -> l.emitter().complete()));
		listeners.clear();
	}
}
