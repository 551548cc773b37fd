package vn.xaso.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

import vn.xaso.platform.PersonalData;

/**
 * Used when no real SMS/Zalo adapter is configured: keeps the latest message per phone in memory
 * (at most 1,000 phones) so that, in demo mode only, the page can show it, clearly marked as demo.
 * Logs only the masked phone, never the text.
 */
@Component
@ConditionalOnMissingBean(value = TextMessages.class, ignored = DemoTextMessages.class)
public class DemoTextMessages implements TextMessages {

	private static final Logger log = LoggerFactory.getLogger(DemoTextMessages.class);
	private static final int MAX = 1_000;

	private final Map<String, String> latest = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > MAX;
		}
	};

	@Override
	public synchronized void send(String phone, String text) {
		latest.put(phone, text);
		log.info("Text message kept in the demo outbox for {}", PersonalData.maskPhone(phone));
	}

	public synchronized Optional<String> latestFor(String phone) {
		return Optional.ofNullable(latest.get(phone));
	}
}
