package vn.xaso.feedback.web;

import java.util.List;
import java.util.Map;

import vn.xaso.platform.render.Markup;

/**
 * Writes one GeoReport v2 response tree as XML or JSON. A tree is a {@link Map} of field → value
 * (String, Number, Boolean, nested Map, or {@link Items}); null values are left out. In XML a list
 * is an element holding one child element per item; in JSON it is an array. Top-level lists are a
 * root element in XML ({@code <services>}, {@code <service_requests>}, ...) and a bare array in JSON,
 * as the specification's examples show.
 */
final class Open311Writer {

	/** A list: in XML {@code <itemName>} elements inside the parent element. */
	record Items(String itemName, List<?> items) {
	}

	private Open311Writer() {
	}

	static String xml(String root, Object value) {
		var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		element(out, root, value);
		return out.append('\n').toString();
	}

	private static void element(StringBuilder out, String name, Object value) {
		if (value == null) {
			return;
		}
		out.append('<').append(name).append('>');
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> element(out, (String) k, v));
		}
		else if (value instanceof Items items) {
			for (var item : items.items()) {
				element(out, items.itemName(), item);
			}
		}
		else {
			out.append(escapeXml(String.valueOf(value)));
		}
		out.append("</").append(name).append('>');
	}

	static String json(Object value) {
		var out = new StringBuilder();
		json(out, value);
		return out.toString();
	}

	private static void json(StringBuilder out, Object value) {
		switch (value) {
			case null -> out.append("null");
			case Map<?, ?> map -> {
				out.append('{');
				boolean first = true;
				for (var e : map.entrySet()) {
					if (e.getValue() == null) {
						continue;
					}
					if (!first) {
						out.append(',');
					}
					first = false;
					string(out, (String) e.getKey());
					out.append(':');
					json(out, e.getValue());
				}
				out.append('}');
			}
			case Items items -> {
				out.append('[');
				for (int i = 0; i < items.items().size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					json(out, items.items().get(i));
				}
				out.append(']');
			}
			case Boolean b -> out.append(b);
			case Number n -> out.append(n);
			default -> string(out, String.valueOf(value));
		}
	}

	private static void string(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '<' -> out.append("\\u003c");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	static String escapeXml(String s) {
		return Markup.escape(s);
	}
}
