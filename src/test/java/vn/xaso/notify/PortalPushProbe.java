package vn.xaso.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * For the portal's browser test: one subscriber browser behind notify's {@link FakePushService}
 * (which checks the VAPID signature and decrypts each push with the browser's own key), subscribed
 * to a commune through the real subscription API. Lives in this package because the fake is
 * package-private; it only wraps it.
 */
public final class PortalPushProbe implements AutoCloseable {

	private final FakePushService push;
	private final FakePushService.Browser browser;

	public PortalPushProbe(String name) throws Exception {
		this.push = new FakePushService();
		this.browser = push.browser(name);
	}

	/** Subscribes through {@code POST /api/v1/push/subscriptions}; returns the HTTP status. */
	public int subscribe(int port, String unitCode) throws Exception {
		var body = "{\"endpoint\":\"" + push.endpoint(browser.name()) + "\",\"keys\":{\"p256dh\":\"" + browser.p256dh() + "\",\"auth\":\""
				+ browser.authSecret() + "\"},\"unitCode\":\"" + unitCode + "\"}";
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/push/subscriptions"))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	/** The decrypted messages this browser received, as JSON text. */
	public List<String> received() {
		return push.received.stream().filter(r -> r.browser().equals(browser.name())).map(r -> r.message().toString()).toList();
	}

	public List<String> rejected() {
		return List.copyOf(push.rejected);
	}

	public String endpointPrefix() {
		return push.origin();
	}

	/** Unsubscribes through {@code DELETE /api/v1/push/subscriptions}, so later announcements do not push to a closed fake. */
	public void unsubscribe(int port) throws Exception {
		HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/push/subscriptions"))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"" + push.endpoint(browser.name()) + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		push.close();
	}
}
