package vn.xaso.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before anything else reads them, request parameters (query string, form fields, multipart
 * fields) that contain a NUL character (U+0000): PostgreSQL cannot store it in text, so without this a
 * search box or form field with {@code %00} ended in a database error (500). The answer is a 400 with
 * the reason {@code error.nul}, shown by {@link ErrorPageController} as the error page or problem JSON.
 * JSON bodies are checked by {@link JsonStrings}.
 * <p>
 * Likewise a parameter name with a {@code [} that is not closed ({@code rows[0.name}): Spring's binder of a typed form's
 * rows ({@code rows[0].name}) threw on it, a 500. The reason is {@code error.fieldName}.
 */
class BadInputFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// The error page of a body Tomcat could not parse (too large, malformed): reading a parameter
			// (the language, the CSRF token) would throw again and lose the page.
			chain.doFilter(new SafeParameters(request), response);
			return;
		}
		if (hasNul(request)) {
			request.setAttribute(Problems.REASON_KEY, "error.nul");
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		if (hasMalformedName(request)) {
			request.setAttribute(Problems.REASON_KEY, "error.fieldName");
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	/** A parameter named with a {@code [} that is not closed by a {@code ]}. */
	static boolean hasMalformedName(HttpServletRequest request) {
		var type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		try {
			for (var name : request.getParameterMap().keySet()) {
				if (malformed(name)) {
					return true;
				}
			}
		}
		catch (RuntimeException e) {
			// A body Tomcat cannot parse is refused later, with its own status.
			return false;
		}
		return false;
	}

	static boolean malformed(String name) {
		int open = name.indexOf('[');
		while (open >= 0) {
			int close = name.indexOf(']', open);
			if (close < 0) {
				return true;
			}
			open = name.indexOf('[', close);
		}
		return false;
	}

	static boolean hasNul(HttpServletRequest request) {
		var query = request.getQueryString();
		if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
			return true;
		}
		var type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			// Multipart fields are checked once Spring has read the parts (NulInMultipartFields): parsing them
			// here would turn an upload over the limit into Tomcat's own refusal.
			return false;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException e) {
			// A body Tomcat cannot parse is refused later, with its own status.
			return false;
		}
		return hasNul(parameters);
	}

	static boolean hasNul(Map<String, String[]> parameters) {
		try {
			for (var entry : parameters.entrySet()) {
				if (entry.getKey().indexOf('\0') >= 0) {
					return true;
				}
				for (var value : entry.getValue()) {
					if (value != null && value.indexOf('\0') >= 0) {
						return true;
					}
				}
			}
		}
		catch (RuntimeException e) {
			// A body Tomcat cannot parse (too large, malformed multipart) is refused later, where the
			// parts are read, with its own status.
			return false;
		}
		return false;
	}

	/** Parameters that read as absent when Tomcat failed to parse them, instead of throwing. */
	static final class SafeParameters extends HttpServletRequestWrapper {

		SafeParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			try {
				return super.getParameter(name);
			}
			catch (RuntimeException e) {
				return null;
			}
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (RuntimeException e) {
				return Map.of();
			}
		}

		@Override
		public Enumeration<String> getParameterNames() {
			try {
				return super.getParameterNames();
			}
			catch (RuntimeException e) {
				return Collections.emptyEnumeration();
			}
		}

		@Override
		public String[] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (RuntimeException e) {
				return null;
			}
		}
	}

	/** NUL in the fields of a multipart form, checked after Spring has parsed the parts. */
	static final class NulInMultipartFields implements org.springframework.web.servlet.HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
			var multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
					org.springframework.web.multipart.MultipartHttpServletRequest.class);
			if (multipart != null && hasNul(multipart.getParameterMap())) {
				request.setAttribute(Problems.REASON_KEY, "error.nul");
				response.sendError(HttpStatus.BAD_REQUEST.value());
				return false;
			}
			return true;
		}
	}
}
