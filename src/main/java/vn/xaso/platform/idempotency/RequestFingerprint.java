package vn.xaso.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * What makes two requests "the same": method, path with query, and the content — the form fields
 * (sorted, the CSRF token left out) and each uploaded file's name and bytes, or the raw body of a
 * JSON call. Only hashes are kept, never the content itself.
 */
final class RequestFingerprint {

	static final String CSRF_PARAMETER = "_csrf";

	private RequestFingerprint() {
	}

	static boolean isForm(HttpServletRequest request) {
		var type = request.getContentType();
		if (type == null) {
			return false;
		}
		var lower = type.toLowerCase(java.util.Locale.ROOT);
		return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
	}

	static boolean isMultipart(HttpServletRequest request) {
		var type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
	}

	/** A form's fields and files, in a stable order. */
	static String ofForm(HttpServletRequest request) throws IOException, ServletException {
		var digest = sha256();
		line(digest, request.getMethod() + " " + target(request));
		var fields = new TreeMap<>(request.getParameterMap());
		fields.remove(CSRF_PARAMETER);
		for (var field : fields.entrySet()) {
			for (var value : field.getValue()) {
				line(digest, field.getKey() + "=" + value);
			}
		}
		if (isMultipart(request)) {
			for (var part : request.getParts()) {
				if (part.getSubmittedFileName() == null) {
					continue; // a plain field, already in the parameters
				}
				line(digest, "file " + part.getName() + " " + part.getSubmittedFileName() + " " + part.getSize());
				try (var in = part.getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** A non-form call: its raw body (already read by the caller, see {@link CachedBody}). */
	static String ofBody(HttpServletRequest request, byte[] body) {
		var digest = sha256();
		line(digest, request.getMethod() + " " + target(request));
		line(digest, String.valueOf(request.getContentType()));
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String target(HttpServletRequest request) {
		var query = request.getQueryString();
		return request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	private static void line(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The request with its body read once into memory, so it can be hashed and still be read by the controller. */
	static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		byte[] body() {
			return body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			var encoding = getCharacterEncoding();
			var charset = encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding);
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
		}
	}
}
