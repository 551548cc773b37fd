package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

class MaskingMessageConverterTests {

	@Test
	void logMessagesNeverCarryAFullPhoneOrIdentityNumber() {
		var logger = (Logger) LoggerFactory.getLogger("test");
		var event = new LoggingEvent("x", logger, Level.INFO, "citizen {} with CCCD {} asked for a code",
				null, new Object[] { "0912345678", "001203012345" });
		var converter = new MaskingMessageConverter();
		converter.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		converter.start();
		assertThat(converter.convert(event)).isEqualTo("citizen 091****678 with CCCD ********2345 asked for a code");
	}
}
