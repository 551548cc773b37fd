package vn.xaso.notify.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import vn.xaso.platform.messaging.TextMessages;

/** A real {@link TextMessages} when SMS or Zalo is switched on; @Primary over the demo outbox. */
@Configuration(proxyBeanMethods = false)
@Conditional(NotifyTextMessagesConfiguration.SmsOrZalo.class)
class NotifyTextMessagesConfiguration {

	@Bean
	@Primary
	TextMessages notifyTextMessages(SmsChannel sms, ZaloChannel zalo,
			@Value("${xaso.notify.zalo.message-param:message}") String zaloMessageParam) {
		return new NotifyTextMessages(sms, zalo, zaloMessageParam);
	}

	static class SmsOrZalo extends AnyNestedCondition {

		SmsOrZalo() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "xaso.notify.sms.enabled", havingValue = "true")
		static class Sms {
		}

		@ConditionalOnProperty(name = "xaso.notify.zalo.enabled", havingValue = "true")
		static class Zalo {
		}
	}
}
