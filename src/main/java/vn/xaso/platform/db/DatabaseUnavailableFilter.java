package vn.xaso.platform.db;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.xaso.platform.Json;

/**
 * When the database cannot be reached (server stopped, crashed, restarting), every request that
 * needs it fails within the pool's few-second connection timeout with 503 and a plain page "the
 * system is busy / lost its connection to the database, please try again" instead of hanging and
 * ending in a 500. Sits before the security filters, which read the database too.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private static final tools.jackson.databind.json.JsonMapper JSON = Json.MAPPER;

	/** Headers about the body the handler had begun, dropped with it (lower case). */
	private static final Set<String> DESCRIBES_THE_BODY = Set.of("content-type", "content-length", "content-disposition",
			"content-encoding", "content-language", "content-range", "accept-ranges", "etag", "last-modified", "cache-control",
			"expires", "pragma", "location", "retry-after", "transfer-encoding");

	private final MessageSource messages;

	DatabaseUnavailableFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException e) {
			if (!databaseUnreachable(e)) {
				throw e;
			}
			if (response.isCommitted()) {
				// Part of the answer is already on its way: nothing can replace it. One line here; then Tomcat is told
				// to end the connection the quiet way (as for a client gone away: no stack trace, no error page written
				// into the middle of the answer), so the client sees the answer was cut short, not a complete-looking half.
				log.warn("Mất kết nối cơ sở dữ liệu khi đang trả lời / database unreachable mid-answer: {} {} -> answer cut "
						+ "short ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
				throw new ClientAbortException("database unreachable mid-answer");
			}
			log.warn("Mất kết nối cơ sở dữ liệu / database unreachable: {} {} -> 503 ({})", request.getMethod(),
					request.getRequestURI(), rootMessage(e));
			respond(request, response);
		}
	}

	static boolean databaseUnreachable(Throwable e) {
		for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
					|| t instanceof DataAccessResourceFailureException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true; // connection failure; admin shutdown, crash shutdown, cannot connect now
			}
		}
		return false;
	}

	void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var locale = locale(request);
		var title = messages.getMessage("db.unavailable.title", null, locale);
		var text = messages.getMessage("db.unavailable.text", null, locale);
		clear(response);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "10");
		response.setHeader("Cache-Control", "no-store");
		var accept = request.getHeader("Accept");
		if (request.getRequestURI().startsWith("/api/") || (accept != null && accept.contains("json") && !accept.contains("html"))) {
			response.setContentType("application/problem+json;charset=UTF-8");
			var problem = new java.util.LinkedHashMap<String, Object>();
			problem.put("type", "about:blank");
			problem.put("title", title);
			problem.put("status", 503);
			problem.put("detail", text);
			write(response, JSON.writeValueAsString(problem));
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		var home = messages.getMessage("error.home", null, locale);
		write(response, "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + HtmlUtils.htmlEscape(title)
				+ " — XaSo</title><link rel=\"stylesheet\" href=\"/assets/xaso.css\"></head><body><main id=\"main\" class=\"container\">"
				+ "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p class=\"lead\">" + HtmlUtils.htmlEscape(text) + "</p>"
				+ "<p><a href=\"" + HtmlUtils.htmlEscape(request.getRequestURI()) + "\">"
				+ HtmlUtils.htmlEscape(messages.getMessage("db.unavailable.retry", null, locale)) + "</a> · <a href=\"/\">"
				+ HtmlUtils.htmlEscape(home) + "</a></p></main></body></html>");
	}

	/**
	 * Forgets what the handler had started (its body, its status, and headers that describe that body such as
	 * a download's file name or length) but keeps the rest (security headers, cookies). A plain
	 * {@code resetBuffer()} is not enough: a handler that had already taken the output stream (a jte page, a
	 * file) would make {@code getWriter()} throw "getOutputStream() has already been called".
	 */
	private static void clear(HttpServletResponse response) {
		var kept = new LinkedHashMap<String, List<String>>();
		for (var name : response.getHeaderNames()) {
			if (!DESCRIBES_THE_BODY.contains(name.toLowerCase(Locale.ROOT))) {
				kept.put(name, List.copyOf(response.getHeaders(name)));
			}
		}
		response.reset();
		kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
	}

	/** Writes the answer through whichever of the output stream or the writer the response still allows. */
	private static void write(HttpServletResponse response, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		ServletOutputStream out;
		try {
			out = response.getOutputStream();
		}
		catch (IllegalStateException writerTaken) { // a wrapper that kept the handler's writer
			response.getWriter().write(body);
			return;
		}
		response.setContentLength(bytes.length);
		out.write(bytes);
	}

	private static Locale locale(HttpServletRequest request) {
		var lang = request.getParameter("lang");
		if (lang == null && request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if ("xaso_lang".equals(c.getName())) {
					lang = c.getValue();
				}
			}
		}
		return lang != null && lang.startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("vi");
	}

	private static String rootMessage(Throwable e) {
		var t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}
}
