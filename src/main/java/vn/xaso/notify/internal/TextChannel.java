package vn.xaso.notify.internal;

import org.springframework.stereotype.Component;

import vn.xaso.notify.Channel;
import vn.xaso.platform.messaging.TextMessages;

/**
 * {@link Channel#TEXT}: the notice's short text to a given phone number through the platform's text port (the
 * configured SMS provider, else Zalo ZNS, else the demo outbox), so that it gets the outbox's retries and delivery
 * state. Always on: the port always has an implementation. A refused send is retried.
 */
@Component
class TextChannel implements ChannelAdapter {

	private final TextMessages texts;

	TextChannel(TextMessages texts) {
		this.texts = texts;
	}

	@Override
	public Channel channel() {
		return Channel.TEXT;
	}

	@Override
	public boolean enabled() {
		return true;
	}

	@Override
	public void send(Delivery d) throws DeliveryFailure {
		try {
			texts.send(d.address(), d.shortText());
		}
		catch (RuntimeException e) {
			throw DeliveryFailure.retry(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
	}
}
