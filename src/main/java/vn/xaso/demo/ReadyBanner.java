package vn.xaso.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where XaSo answers and, in demo mode, how to sign in. */
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
		var url = "http://localhost:" + web.getWebServer().getPort() + "/";
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
