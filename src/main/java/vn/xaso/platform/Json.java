package vn.xaso.platform;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for code outside Spring's message converters (stored jsonb, outbound HTTP clients,
 * filters, Kafka): Jackson's defaults, immutable and thread-safe. A class that needs other settings derives
 * them from it with {@code Json.MAPPER.rebuild()}.
 */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}
}
