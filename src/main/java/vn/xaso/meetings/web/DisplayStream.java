package vn.xaso.meetings.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.xaso.meetings.MeetingStageChanged;

/**
 * The room displays listening to their meeting by server-sent events: each open page holds an {@link SseEmitter}; when
 * a step of the meeting changes what the display shows ({@link MeetingStageChanged}), every display of that meeting gets
 * a {@code stage} event once the step's transaction committed, and reloads its content. At most
 * {@value #PER_MEETING} displays per meeting; each stream ends after {@value #TIMEOUT_MS} ms (the browser reconnects).
 */
@Component
class DisplayStream {

	static final int PER_MEETING = 50;
	static final long TIMEOUT_MS = 30 * 60 * 1000L;

	private final Map<Long, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

	/**
	 * A new stream for a display of the meeting, told "ready" at once; ended at once when the meeting is over
	 * ({@code live} false: nothing more will change) or has {@value #PER_MEETING} displays already.
	 */
	SseEmitter open(long meetingId, boolean live) {
		var list = listeners.computeIfAbsent(meetingId, k -> new CopyOnWriteArrayList<>());
		var emitter = new SseEmitter(TIMEOUT_MS);
		if (!live || list.size() >= PER_MEETING) {
			send(list, emitter, "ready");
			emitter.complete();
			return emitter;
		}
		list.add(emitter);
		Runnable drop = () -> list.remove(emitter);
		emitter.onCompletion(drop);
		emitter.onTimeout(drop);
		emitter.onError(e -> drop.run());
		send(list, emitter, "ready");
		return emitter;
	}

	@EventListener
	void changed(MeetingStageChanged event) {
		Runnable tell = () -> {
			var list = listeners.get(event.meetingId());
			if (list != null) {
				list.forEach(e -> send(list, e, "stage"));
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					tell.run();
				}
			});
		}
		else {
			tell.run();
		}
	}

	private static void send(List<SseEmitter> list, SseEmitter emitter, String name) {
		try {
			emitter.send(SseEmitter.event().name(name).data(name, MediaType.TEXT_PLAIN));
		}
		catch (IOException | IllegalStateException e) {
			list.remove(emitter);
		}
	}
}
