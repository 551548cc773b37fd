package vn.xaso.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Log message converter (registered in logback-spring.xml for %m, %msg and %message) that masks
 * phone and identity numbers, so personal data never reaches a log file whatever a developer logs.
 */
public class MaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return PersonalData.maskAll(super.convert(event));
	}
}
