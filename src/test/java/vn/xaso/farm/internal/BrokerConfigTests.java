package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The broker's listeners from the settings: TCP can be turned off, TLS needs its keystore, values are escaped. */
class BrokerConfigTests {

	@Test
	void theDefaultsOpenOnlyMqttOverTcp() {
		var config = BrokerConfig.of(new MockEnvironment());
		config.check();
		var xml = config.xml();
		assertThat(xml).contains("<tcp-listener>", "<port>1883</port>", "<bind-address>0.0.0.0</bind-address>")
			.doesNotContain("websocket-listener", "tls-tcp-listener");
	}

	@Test
	void tcpTurnedOffLeavesOnlyTheTlsListenerWithItsKeystore() {
		var env = new MockEnvironment().withProperty("xaso.farm.mqtt.tcp-enabled", "false").withProperty("xaso.farm.mqtt.tls-port", "8883")
			.withProperty("xaso.farm.mqtt.tls.keystore", "/etc/xaso/mqtt.p12").withProperty("xaso.farm.mqtt.tls.keystore-password", "a<b&\"c");
		var config = BrokerConfig.of(env);
		config.check();
		var xml = config.xml();
		assertThat(xml).doesNotContain("<tcp-listener>").contains("<tls-tcp-listener>", "<port>8883</port>", "<path>/etc/xaso/mqtt.p12</path>",
				"<password>a&lt;b&amp;&quot;c</password>", "<private-key-password>a&lt;b&amp;&quot;c</private-key-password>");
	}

	@Test
	void settingsThatOpenNothingOrTlsWithoutAKeystoreAreRefused() {
		var none = BrokerConfig.of(new MockEnvironment().withProperty("xaso.farm.mqtt.tcp-enabled", "false"));
		assertThatThrownBy(none::check).hasMessageContaining("tcp-enabled=false");
		var noKeystore = BrokerConfig.of(new MockEnvironment().withProperty("xaso.farm.mqtt.tls-port", "8883"));
		assertThatThrownBy(noKeystore::check).hasMessageContaining("xaso.farm.mqtt.tls.keystore");
	}

	@Test
	void theWebSocketListenerServesMqttOnItsPath() {
		var xml = BrokerConfig.of(new MockEnvironment().withProperty("xaso.farm.mqtt.websocket-port", "8083")).xml();
		assertThat(xml).contains("<websocket-listener>", "<port>8083</port>", "<path>/mqtt</path>", "<tcp-listener>");
	}
}
