package vn.xaso.farm.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare MQTT 5 client over a socket that ignores the broker's maximum packet size (as a faulty device or an MQTT
 * library without the check would): CONNECT, then one PUBLISH (QoS 0) of any size.
 */
final class RawMqtt {

	private RawMqtt() {
	}

	/**
	 * Signs in as {@code login} and publishes {@code payload} to {@code topic}; the first byte the broker sends back
	 * after the publish (0xE0: DISCONNECT), or -1 when it just closed the connection.
	 */
	static int publishIgnoringTheLimit(int port, String login, String secret, String topic, byte[] payload) throws IOException {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			var out = socket.getOutputStream();
			var in = new DataInputStream(socket.getInputStream());
			var connect = new ByteArrayOutputStream();
			connect.writeBytes(new byte[] { 0, 4, 'M', 'Q', 'T', 'T', 5, (byte) 0xC2, 0, 60, 0 });
			string(connect, login);
			string(connect, login);
			string(connect, secret);
			out.write(packet(0x10, connect.toByteArray()));
			out.flush();
			int connack = in.read();
			if (connack != 0x20) {
				throw new IOException("no CONNACK: " + connack);
			}
			in.skipNBytes(remainingLength(in));
			var publish = new ByteArrayOutputStream();
			string(publish, topic);
			publish.write(0); // no properties
			publish.writeBytes(payload);
			try {
				out.write(packet(0x30, publish.toByteArray()));
				out.flush();
			}
			catch (IOException closedWhileWriting) {
				return -1;
			}
			try {
				return in.read();
			}
			catch (IOException closed) {
				return -1;
			}
		}
	}

	private static void string(ByteArrayOutputStream out, String value) {
		var bytes = value.getBytes(StandardCharsets.UTF_8);
		out.write(bytes.length >> 8);
		out.write(bytes.length & 0xFF);
		out.writeBytes(bytes);
	}

	private static byte[] packet(int type, byte[] body) {
		var out = new ByteArrayOutputStream();
		out.write(type);
		int n = body.length;
		do {
			int digit = n % 128;
			n /= 128;
			out.write(n > 0 ? digit | 0x80 : digit);
		}
		while (n > 0);
		out.writeBytes(body);
		return out.toByteArray();
	}

	private static int remainingLength(DataInputStream in) throws IOException {
		int value = 0;
		int shift = 0;
		int b;
		do {
			b = in.readUnsignedByte();
			value |= (b & 0x7F) << shift;
			shift += 7;
		}
		while ((b & 0x80) != 0);
		return value;
	}
}
