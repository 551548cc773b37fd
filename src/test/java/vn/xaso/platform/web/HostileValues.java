package vn.xaso.platform.web;

import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Random hostile values for the fuzz tests, drawn from a seeded {@link Random}. */
final class HostileValues {

	static final List<String> STRINGS = List.of("\u0000", "a\u0000b", "x".repeat(10_000), "", " ", "-1", "0", "-2147483649",
			"2147483648", "9223372036854775808", "-9223372036854775809", "1e309", "NaN", "-Infinity", "1.5", "%", "_", "%_%", "\\",
			"' or 1=1 --", "\"", "<script>alert(1)</script>", "../../../etc/passwd", "+999999999-12-31", "-999999999-01-01",
			"2026-02-30", "9999-99-99T99:99", "true", "[]", "{}", "😀😀", "\u202e", "\uFFFF", "Xã Yên Mô", "1".repeat(400),
			"a,b,c", "null", "undefined", "0x7fffffff", "١٢٣");

	/** Plausible values, so that requests also get past the first checks. */
	static final List<String> PLAUSIBLE = List.of("1", "14701", "37", "1.001193", "KHAC", "2026-03-02", "open", "ONLINE", "NEW", "2");

	private final Random random;

	HostileValues(Random random) {
		this.random = random;
	}

	String text() {
		return random.nextInt(5) == 0 ? pick(PLAUSIBLE) : pick(STRINGS);
	}

	boolean chance(int percent) {
		return random.nextInt(100) < percent;
	}

	<T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	/** A JSON value for an OpenAPI schema: mostly of the right shape with hostile leaves, sometimes of a wrong type. */
	JsonNode json(JsonNode schema, JsonNode components, int depth) {
		var f = JsonNodeFactory.instance;
		if (schema == null || schema.isMissingNode() || schema.isNull()) {
			return f.stringNode(text());
		}
		if (schema.has("$ref")) {
			var name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return depth > 4 ? f.nullNode() : json(components.path("schemas").path(name), components, depth + 1);
		}
		if (chance(10)) {
			return wrongType();
		}
		var type = schema.path("type").asString("object");
		return switch (type) {
			case "string" -> f.stringNode(text());
			case "integer" -> pick(List.of(f.numberNode(-1), f.numberNode(0), f.numberNode(Long.MAX_VALUE), f.numberNode(Integer.MIN_VALUE),
					f.numberNode(new java.math.BigInteger("99999999999999999999999")), f.numberNode(2)));
			case "number" -> pick(List.of(f.numberNode(-1.5), f.numberNode(1e308), f.numberNode(new java.math.BigDecimal("1e400")),
					f.numberNode(0)));
			case "boolean" -> f.booleanNode(random.nextBoolean());
			case "array" -> {
				var array = f.arrayNode();
				var n = depth > 3 ? 0 : random.nextInt(3);
				for (var i = 0; i < n; i++) {
					array.add(json(schema.path("items"), components, depth + 1));
				}
				yield array;
			}
			default -> object(schema, components, depth);
		};
	}

	private JsonNode object(JsonNode schema, JsonNode components, int depth) {
		var f = JsonNodeFactory.instance;
		ObjectNode node = f.objectNode();
		var properties = schema.path("properties");
		for (var name : properties.propertyNames()) {
			if (chance(80)) {
				node.set(name, depth > 4 ? f.stringNode(text()) : json(properties.get(name), components, depth + 1));
			}
		}
		if (schema.has("additionalProperties") && chance(50)) {
			node.put(text(), text());
		}
		return node;
	}

	private JsonNode wrongType() {
		var f = JsonNodeFactory.instance;
		return pick(List.of(f.stringNode(text()), f.numberNode(-1), f.booleanNode(true), f.arrayNode().add("x"), f.objectNode(),
				f.nullNode()));
	}

	/** A body that is not what the endpoint expects at all. */
	String brokenBody() {
		return pick(List.of("{", "null", "[]", "\"x\"", "{\"a\":" + "[".repeat(2000), "{\"a\":\"\\u0000\"}", "\u0000", "",
				"{\"\\u0000\":1}", "x".repeat(100_000)));
	}
}
