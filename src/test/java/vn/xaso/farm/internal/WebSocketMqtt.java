package vn.xaso.farm.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal MQTT 5 device over WebSocket for the tests: the JDK's own WebSocket client (subprotocol {@code mqtt})
 * carrying hand-written CONNECT and QoS 1 PUBLISH packets, reading CONNACK and PUBACK reason codes. (Eclipse Paho
 * 1.2.5's WebSocket handshake waits forever on HiveMQ CE 2025.5's answer, though a plain HTTP upgrade is answered
 * 101 — so the listener is tested with this independent client.)
 */
final class WebSocketMqtt implements AutoCloseable {

	private final WebSocket socket;
	private final BlockingQueue<byte[]> inbox;
	private int packetId;

	private WebSocketMqtt(WebSocket socket, BlockingQueue<byte[]> inbox) {
		this.socket = socket;
		this.inbox = inbox;
	}

	/** Opens the WebSocket on the broker's MQTT path. */
	static WebSocketMqtt open(String uri) throws Exception {
		var inbox = new LinkedBlockingQueue<byte[]>();
		var socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("mqtt").connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create(uri), new WebSocket.Listener() {
				final ByteArrayOutputStream frame = new ByteArrayOutputStream();

				@Override
				public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
					var bytes = new byte[data.remaining()];
					data.get(bytes);
					frame.writeBytes(bytes);
					if (last) {
						inbox.add(frame.toByteArray());
						frame.reset();
					}
					ws.request(1);
					return null;
				}
			}).get(20, TimeUnit.SECONDS);
		return new WebSocketMqtt(socket, inbox);
	}

	/** Signs in as the device (client id = user name); the CONNACK's reason code (0: accepted). */
	int connect(String login, String secret) throws Exception {
		var body = new ByteArrayOutputStream();
		string(body, "MQTT");
		body.write(5); // MQTT 5
		body.write(0xC2); // user name, password, clean start
		body.write(0);
		body.write(60); // keep-alive
		body.write(0); // no properties
		string(body, login); // client id = user name
		string(body, login);
		string(body, secret);
		send(0x10, body.toByteArray());
		var connack = next();
		if ((connack[0] & 0xF0) != 0x20) {
			throw new IllegalStateException("no CONNACK");
		}
		return connack[3] & 0xFF;
	}

	/** Publishes at QoS 1; the PUBACK's reason code (0: accepted, 0x87: not authorised). */
	int publish(String topic, String payload) throws Exception {
		var body = new ByteArrayOutputStream();
		string(body, topic);
		int id = ++packetId;
		body.write(id >> 8);
		body.write(id & 0xFF);
		body.write(0); // no properties
		body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
		send(0x32, body.toByteArray());
		var puback = next();
		if ((puback[0] & 0xF0) != 0x40) {
			throw new IllegalStateException("no PUBACK");
		}
		return puback[1] > 2 ? puback[4] & 0xFF : 0;
	}

	private byte[] next() throws InterruptedException {
		var packet = inbox.poll(20, TimeUnit.SECONDS);
		if (packet == null) {
			throw new IllegalStateException("no answer from the broker");
		}
		return packet;
	}

	private void send(int type, byte[] body) throws Exception {
		var out = new ByteArrayOutputStream();
		out.write(type);
		int length = body.length;
		do {
			int digit = length % 128;
			length /= 128;
			out.write(length > 0 ? digit | 0x80 : digit);
		}
		while (length > 0);
		out.writeBytes(body);
		socket.sendBinary(ByteBuffer.wrap(out.toByteArray()), true).get(20, TimeUnit.SECONDS);
	}

	private static void string(ByteArrayOutputStream out, String text) {
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		out.write(bytes.length >> 8);
		out.write(bytes.length & 0xFF);
		out.writeBytes(bytes);
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
	}
}
