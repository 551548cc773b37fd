package vn.xaso.farm.internal;

/**
 * The embedded broker's config.xml: a TCP listener (and a WebSocket listener on {@code /mqtt} when its port is
 * set), in-memory persistence, packets up to 64 KB (an MQTT 5 client learns the limit when it connects and its
 * library refuses to send more; a client sending more anyway is disconnected by the broker and counted TOO_BIG by
 * {@link BrokerExtension}; the telemetry limit, 16 KB, is below it and counted too), no anonymous usage statistics.
 */
final class BrokerConfig {

	private BrokerConfig() {
	}

	static String xml(String bindAddress, int port, int websocketPort) {
		var ws = websocketPort <= 0 ? "" : """
				    <websocket-listener>
				      <port>%d</port>
				      <bind-address>%s</bind-address>
				      <path>/mqtt</path>
				      <subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>
				      <allow-extensions>true</allow-extensions>
				    </websocket-listener>
				""".formatted(websocketPort, bindAddress);
		return """
				<?xml version="1.0"?>
				<hivemq>
				  <listeners>
				    <tcp-listener>
				      <port>%d</port>
				      <bind-address>%s</bind-address>
				    </tcp-listener>
				%s  </listeners>
				  <mqtt>
				    <packets><max-packet-size>65536</max-packet-size></packets>
				  </mqtt>
				  <persistence><mode>in-memory</mode></persistence>
				  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
				</hivemq>
				""".formatted(port, bindAddress, ws);
	}
}
