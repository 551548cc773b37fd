package vn.xaso.notify.internal;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;

import vn.xaso.platform.PersonalData;
import vn.xaso.platform.messaging.TextMessages;
import vn.xaso.notify.NotifyException;

/**
 * The platform's text-message port (one-time sign-in codes) through the configured SMS provider,
 * or Zalo ZNS when only Zalo is configured. Sent at once, not through the outbox: a code is
 * useless a few minutes later. Registered by {@link NotifyTextMessagesConfiguration} only when a
 * channel is configured; otherwise the platform's demo outbox stays in use.
 */
@Primary
public class NotifyTextMessages implements TextMessages {

	private static final Logger log = LoggerFactory.getLogger(NotifyTextMessages.class);

	private final SmsChannel sms;
	private final ZaloChannel zalo;
	private final String zaloMessageParam;

	NotifyTextMessages(SmsChannel sms, ZaloChannel zalo, String zaloMessageParam) {
		this.sms = sms;
		this.zalo = zalo;
		this.zaloMessageParam = zaloMessageParam;
	}

	@Override
	public void send(String phone, String text) {
		var id = "xaso-text-" + UUID.randomUUID();
		try {
			if (sms.enabled()) {
				sms.post(phone, text, id);
			}
			else {
				zalo.post(phone, Map.of(zaloMessageParam, text), id);
			}
			log.info("Text message sent to {}", PersonalData.maskPhone(phone));
		}
		catch (ChannelAdapter.DeliveryFailure e) {
			log.warn("Text message to {} failed: {}", PersonalData.maskPhone(phone), e.getMessage());
			throw new IllegalStateException(NotifyException.vietnamese("notify.text.fail.textMessage", String.valueOf(e.getMessage())), e);
		}
	}
}
