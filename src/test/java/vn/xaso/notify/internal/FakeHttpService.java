package vn.xaso.notify.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A small local HTTP server standing in for an outside provider (Zalo, eSMS): records each
 * request and answers with what the test set. Only as faithful as the provider's published
 * request/response examples; not the real service.
 */
final class FakeHttpService implements AutoCloseable {

	record Request(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst())
				.findFirst().orElse(null);
		}
	}

	private final HttpServer server;
	final List<Request> requests = new CopyOnWriteArrayList<>();
	volatile int status = 200;
	volatile String answer = "{}";

	FakeHttpService() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), body));
			var bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
