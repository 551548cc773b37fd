package vn.xaso.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send (a malformed
 * percent-escape in the path). Answers are read whole (Connection: close).
 */
public final class RawHttp {

	private RawHttp() {
	}

	public record Answer(int status, String head, String body) {
	}

	public static Answer send(int port, String method, String target, String headers, byte[] body) {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			var out = socket.getOutputStream();
			var head = method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n" + headers
					+ (body.length > 0 || method.equals("POST") ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException e) {
				// The server may answer and close before the whole body is sent (a body over the limit).
			}
			var in = socket.getInputStream();
			var buffer = new ByteArrayOutputStream();
			try {
				in.transferTo(buffer);
			}
			catch (IOException e) {
				// connection reset after the answer
			}
			var text = buffer.toString(StandardCharsets.UTF_8);
			var split = text.indexOf("\r\n\r\n");
			var headPart = split < 0 ? text : text.substring(0, split);
			var bodyPart = split < 0 ? "" : text.substring(split + 4);
			var status = Integer.parseInt(headPart.substring(9, 12));
			if (headPart.toLowerCase().contains("transfer-encoding: chunked")) {
				bodyPart = unchunk(bodyPart);
			}
			return new Answer(status, headPart, bodyPart);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String unchunk(String chunked) {
		var result = new StringBuilder();
		var bytes = chunked.getBytes(StandardCharsets.UTF_8);
		var pos = 0;
		while (pos < bytes.length) {
			var lineEnd = indexOf(bytes, pos);
			if (lineEnd < 0) {
				break;
			}
			var size = Integer.parseInt(new String(bytes, pos, lineEnd - pos, StandardCharsets.US_ASCII).strip().split(";")[0], 16);
			if (size == 0) {
				break;
			}
			result.append(new String(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2), StandardCharsets.UTF_8));
			pos = lineEnd + 2 + size + 2;
		}
		return result.toString();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (var i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}
}
