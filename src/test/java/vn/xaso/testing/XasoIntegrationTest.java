package vn.xaso.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application on a random port against a real embedded PostgreSQL 17 in a fresh data folder.
 * All tests use the same properties, so Spring's test-context cache starts the database once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"xaso.data-dir=target/test-data/${random.uuid}", "xaso.demo.load=true",
		"spring.mail.host=127.0.0.1", "spring.mail.port=39025", "xaso.documents.jobs.enabled=false", // DocumentMailTests' GreenMail
		// Notify: tests run delivery rounds themselves; the fake push service listens on 127.0.0.1.
		"xaso.notify.jobs.enabled=false", "xaso.notify.push.allow-loopback=true",
		// Many tests ask for citizen codes for the same demo phones from one device; the limits
		// themselves are tested with lowered values in CodeRequestLimitsTests.
		"xaso.security.codes-per-phone-per-hour=1000", "xaso.security.codes-per-device-per-hour=1000",
		"xaso.security.code-checks-per-device-per-hour=1000",
		// Many tests file reports from 127.0.0.1; FeedbackRateLimitTests lowers these.
		"xaso.feedback.reports-per-device-per-hour=1000", "xaso.feedback.reports-per-address-per-hour=10000",
		"xaso.feedback.open311-per-key-per-hour=10000", "xaso.feedback.open311-per-address-per-hour=10000",
		// Plus-code look-ups from 127.0.0.1; AddressesWebTests lowers it.
		"xaso.addresses.lookups-per-address-per-hour=100000",
		// /actuator/prometheus is closed without a token (ObservabilityTests).
		"xaso.metrics.token=test-metrics-token-2026",
		// Speed only: the production default is durable (EmbeddedDatabaseTests proves it).
		"xaso.db.durable=false", "xaso.backup.schedule=-",
		// Bursts of concurrent releases on a loaded 2-core CI machine queue for connections longer than the
		// production 5 s; DatabaseOutageTests (own context) checks the production default.
		"xaso.db.connection-timeout=30s",
		// The embedded MQTT broker (farm) starts with the first device: on any free port of the loopback address.
		"xaso.farm.mqtt.port=0", "xaso.farm.mqtt.bind-address=127.0.0.1",
		// and on WebSocket and TLS (the keystore made for the context by TestMqttKeystore): FarmListenerTests.
		"xaso.farm.mqtt.websocket-port=0", "xaso.farm.mqtt.tls-port=0" })
@ContextConfiguration(initializers = TestMqttKeystore.class)
public @interface XasoIntegrationTest {
}
