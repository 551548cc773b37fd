package vn.xaso.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last-resort error report, for requests Tomcat refuses before the application sees them
 * (a malformed address such as {@code /x/%zz}, a bad header, a body too large to read): the same
 * Vietnamese page (English with {@code lang=en} or {@code Accept-Language: en}) or problem+json for the
 * API as {@link ErrorPageController} gives, instead of Tomcat's English report. Static text: the
 * application's message bundles are out of reach here.
 */
public class ServerErrorReport extends ErrorReportValve {

	public ServerErrorReport() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		var status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var io = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
		if (!io.get()) {
			return;
		}
		var english = english(request);
		var texts = texts(status, english);
		var api = Problems.isApi(request.getRequestURI(), request.getHeader("Accept"));
		var body = api ? problem(status, texts[0], texts[1]) : page(english, texts[0], texts[1]);
		try {
			response.setContentType(api ? "application/problem+json" : "text/html");
			response.setCharacterEncoding("UTF-8");
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// The client is gone or the response cannot take a body: nothing more to tell.
		}
	}

	static boolean english(Request request) {
		var query = request.getQueryString();
		if (query != null && (query.contains("lang=en"))) {
			return true;
		}
		var accept = request.getHeader("Accept-Language");
		return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en");
	}

	static String[] texts(int status, boolean english) {
		var kind = status == 413 || status == 404 ? Integer.toString(status) : status >= 500 ? "500" : "400";
		return new String[] { Problems.text(english, "platform.text.status." + kind), Problems.text(english, "platform.text.report." + kind) };
	}

	private static String problem(int status, String title, String detail) {
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
	}

	private static String page(boolean english, String title, String detail) {
		return "<!doctype html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " — XaSo</title>"
				+ "<link rel=\"stylesheet\" href=\"/assets/xaso.css\"></head><body><main id=\"main\" class=\"container\"><h1>" + title
				+ "</h1><p class=\"lead\">" + detail + "</p><p><a href=\"/\">" + Problems.text(english, "platform.text.home")
				+ "</a></p></main></body></html>";
	}
}
