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
		if (status == 413) {
			return english ? new String[] { "The file is too large", "What was sent is over the size limit (at most 20 MB a file, 25 MB at once)." }
					: new String[] { "Tệp gửi lên quá lớn", "Nội dung gửi lên vượt quá giới hạn cho phép (tối đa 20 MB một tệp, 25 MB một lần gửi)." };
		}
		if (status == 404) {
			return english ? new String[] { "Page not found", "The address may be mistyped, or the page has moved." }
					: new String[] { "Không tìm thấy trang", "Địa chỉ có thể đã gõ sai, hoặc trang đã được chuyển đi." };
		}
		if (status >= 500) {
			return english ? new String[] { "Something went wrong", "Nothing you entered was lost. Please try again in a few minutes." }
					: new String[] { "Hệ thống đang gặp sự cố", "Thông tin của bạn không bị mất. Vui lòng thử lại sau ít phút." };
		}
		return english ? new String[] { "Invalid request", "The address or the request is malformed (for example a wrong % code). Check it and try again." }
				: new String[] { "Yêu cầu không hợp lệ", "Địa chỉ hoặc yêu cầu không đúng dạng (ví dụ có mã % sai). Hãy kiểm tra rồi thử lại." };
	}

	private static String problem(int status, String title, String detail) {
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
	}

	private static String page(boolean english, String title, String detail) {
		return "<!doctype html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " — XaSo</title>"
				+ "<link rel=\"stylesheet\" href=\"/assets/xaso.css\"></head><body><main id=\"main\" class=\"container\"><h1>" + title
				+ "</h1><p class=\"lead\">" + detail + "</p><p><a href=\"/\">" + (english ? "Go to the home page" : "Về trang chủ")
				+ "</a></p></main></body></html>";
	}
}
