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

	@Test
	void migrationVersionsAndTimestampsStayReadableWhilePersonalNumbersAreStillMasked() {
		var logger = (Logger) LoggerFactory.getLogger("test");
		var event = new LoggingEvent("x", logger, Level.INFO, "Migrating schema \"public\" to version \"{} - feedback\" for {} (CCCD {}, CMND {})",
				null, new Object[] { "202612060200", "+84912345678", "037095001234", "012345678" });
		var converter = new MaskingMessageConverter();
		converter.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		converter.start();
		assertThat(converter.convert(event))
			.isEqualTo("Migrating schema \"public\" to version \"202612060200 - feedback\" for +84******678 (CCCD ********1234, CMND *****5678)");
	}
}
