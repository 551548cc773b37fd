package vn.xaso.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where XaSo answers and, in demo mode, how to sign in; nothing for a command that listens on no port. */
@Component
class ReadyBanner {

	private final Environment env;

	ReadyBanner(Environment env) {
		this.env = env;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		// The jar's other commands (verify-audit, migrate, …) run a web context that listens on no port (-1):
		// they serve nothing, so there is no address to print.
		int port = web.getWebServer() == null ? -1 : web.getWebServer().getPort();
		if (port <= 0 || !"serve".equals(System.getProperty("xaso.command", "serve"))) {
			return;
		}
		var url = "http://localhost:" + port + "/";
		var out = new StringBuilder("\n  XaSo is ready: ").append(url).append('\n');
		if (env.getProperty("xaso.demo.load", Boolean.class, false)) {
			out.append("  Demo officials (password ").append(DemoData.PASSWORD).append("), sign in at ").append(url).append("signin\n");
			for (var o : DemoData.OFFICIALS) {
				out.append(String.format("    %-18s %-6s %s%n", o.username(), o.unit(), o.title()));
			}
			out.append("  Citizens: ").append(url).append("citizen/signin with any mobile number (the code is shown on screen in the demo)\n");
		}
		System.out.println(out);
	}
}
