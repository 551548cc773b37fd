package vn.xaso.insights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay standing for the line between a commune and its province: clients connect to
 * {@link #port()}, bytes go to and from the target (the Kafka broker, which advertises this port). {@link #cut()}
 * turns it into a black hole, like a dead line rather than a refusing host: open connections are dropped
 * and new ones are accepted but never answered, so clients find out only by their own timeouts.
 * {@link #restore()} relays again. An embedded broker cannot be restarted on its old port, this can.
 */
final class LinkProxy implements AutoCloseable {

	private final ServerSocket server;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile int targetPort;
	private volatile boolean cut;

	LinkProxy() throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon().name("link-proxy").start(this::acceptLoop);
	}

	int port() {
		return server.getLocalPort();
	}

	/** Where to relay to; until set, connections are held silently like a cut line. */
	void target(int port) {
		targetPort = port;
	}

	void cut() {
		cut = true;
		for (var socket : open) {
			closeQuietly(socket);
		}
		open.clear();
	}

	void restore() {
		cut = false;
		// Connections accepted while cut were never relayed: drop them so that clients reconnect.
		for (var socket : open) {
			closeQuietly(socket);
		}
		open.clear();
	}

	private void acceptLoop() {
		while (!server.isClosed()) {
			try {
				var client = server.accept();
				open.add(client);
				if (cut || targetPort == 0) {
					Thread.ofVirtual().start(() -> swallow(client)); // a black hole: read and never answer
					continue;
				}
				var broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				open.add(broker);
				Thread.ofVirtual().start(() -> pump(client, broker));
				Thread.ofVirtual().start(() -> pump(broker, client));
			}
			catch (IOException e) {
				// closed, or the broker refused: the client sees its connection dropped
			}
		}
	}

	private void swallow(Socket client) {
		try (InputStream in = client.getInputStream()) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException e) {
			// dropped
		}
		finally {
			open.remove(client);
		}
	}

	private void pump(Socket from, Socket to) {
		try {
			var in = from.getInputStream();
			var out = to.getOutputStream();
			var buffer = new byte[16384];
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (cut) {
					break;
				}
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException e) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			open.remove(from);
			open.remove(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException e) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		cut();
	}
}
