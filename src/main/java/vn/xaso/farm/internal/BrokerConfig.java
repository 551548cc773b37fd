package vn.xaso.farm.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The embedded broker's listeners and its config.xml: MQTT over TCP (can be turned off), over WebSocket on
 * {@code /mqtt} when its port is set, over TLS when its port and keystore are set; in-memory persistence, packets up
 * to 64 KB (an MQTT 5 client learns the limit when it connects; a client sending more anyway is disconnected by the
 * broker and counted TOO_BIG by {@link BrokerExtension}; the telemetry limit, 16 KB, is below it and counted too), no
 * anonymous usage statistics sent anywhere. A port of 0 is any free port (tests); -1 is off.
 */
record BrokerConfig(String bindAddress, boolean tcp, int port, int websocketPort, int tlsPort, @Nullable String keystore,
		String keystorePassword, String keyPassword) {

	/** The {@code xaso.farm.mqtt.*} settings (docs/operations.md, "Farm devices (MQTT)"). */
	static BrokerConfig of(Environment env) {
		var password = env.getProperty("xaso.farm.mqtt.tls.keystore-password", "");
		var keystore = env.getProperty("xaso.farm.mqtt.tls.keystore", "");
		return new BrokerConfig(env.getProperty("xaso.farm.mqtt.bind-address", "0.0.0.0"),
				env.getProperty("xaso.farm.mqtt.tcp-enabled", Boolean.class, true), env.getProperty("xaso.farm.mqtt.port", Integer.class, 1883),
				env.getProperty("xaso.farm.mqtt.websocket-port", Integer.class, -1), env.getProperty("xaso.farm.mqtt.tls-port", Integer.class, -1),
				keystore.isBlank() ? null : keystore, password, env.getProperty("xaso.farm.mqtt.tls.key-password", password));
	}

	/** The same settings with the ports chosen (0 replaced by a free port). */
	BrokerConfig withPorts(int tcpPort, int ws, int tls) {
		return new BrokerConfig(bindAddress, tcp, tcpPort, ws, tls, keystore, keystorePassword, keyPassword);
	}

	/** Refuses settings that would open no listener or a TLS listener without its keystore. */
	void check() {
		if (tlsPort >= 0 && keystore == null) {
			throw new IllegalStateException("xaso.farm.mqtt.tls-port is set but xaso.farm.mqtt.tls.keystore is not");
		}
		if (!tcp && websocketPort < 0 && tlsPort < 0) {
			throw new IllegalStateException("MQTT over TCP is off (xaso.farm.mqtt.tcp-enabled=false) and no WebSocket or TLS port is set");
		}
	}

	String xml() {
		var listeners = new StringBuilder();
		if (tcp) {
			listeners.append("""
					    <tcp-listener>
					      <port>%d</port>
					      <bind-address>%s</bind-address>
					    </tcp-listener>
					""".formatted(port, escape(bindAddress)));
		}
		if (websocketPort > 0) {
			listeners.append("""
					    <websocket-listener>
					      <port>%d</port>
					      <bind-address>%s</bind-address>
					      <path>/mqtt</path>
					      <subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>
					      <allow-extensions>true</allow-extensions>
					    </websocket-listener>
					""".formatted(websocketPort, escape(bindAddress)));
		}
		if (tlsPort > 0 && keystore != null) {
			listeners.append("""
					    <tls-tcp-listener>
					      <port>%d</port>
					      <bind-address>%s</bind-address>
					      <tls>
					        <keystore>
					          <path>%s</path>
					          <password>%s</password>
					          <private-key-password>%s</private-key-password>
					        </keystore>
					        <protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>
					      </tls>
					    </tls-tcp-listener>
					""".formatted(tlsPort, escape(bindAddress), escape(keystore), escape(keystorePassword), escape(keyPassword)));
		}
		return """
				<?xml version="1.0"?>
				<hivemq>
				  <listeners>
				%s  </listeners>
				  <mqtt>
				    <packets><max-packet-size>65536</max-packet-size></packets>
				  </mqtt>
				  <persistence><mode>in-memory</mode></persistence>
				  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
				</hivemq>
				""".formatted(listeners);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
