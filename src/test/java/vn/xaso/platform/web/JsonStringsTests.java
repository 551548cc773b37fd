package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The application's JSON reading refuses NUL characters in strings and object keys. */
class JsonStringsTests {

	record Body(String name, Map<String, String> form, List<String> tags) {
	}

	final JsonMapper mapper;

	JsonStringsTests() {
		var builder = JsonMapper.builder();
		new JsonStrings().rejectNulInJsonStrings().customize(builder);
		mapper = builder.build();
	}

	@Test
	void nulInAStringAKeyOrAListIsRefused() {
		assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\\u0000b\"}", Body.class)).isInstanceOf(JsonStrings.NulCharacter.class);
		assertThatThrownBy(() -> mapper.readValue("{\"form\":{\"k\\u0000\":\"v\"}}", Body.class)).isInstanceOf(JsonStrings.NulCharacter.class);
		assertThatThrownBy(() -> mapper.readValue("{\"form\":{\"k\":\"\\u0000\"}}", Body.class)).isInstanceOf(JsonStrings.NulCharacter.class);
		assertThatThrownBy(() -> mapper.readValue("{\"tags\":[\"\\u0000\"]}", Body.class)).isInstanceOf(JsonStrings.NulCharacter.class);
		assertThatThrownBy(() -> mapper.readValue("[\"\\u0000\"]", new TypeReference<List<String>>() { }))
			.isInstanceOf(JsonStrings.NulCharacter.class);
		assertThat(Problems.isNulCharacter(new RuntimeException(new JsonStrings.NulCharacter(null)))).isTrue();
	}

	@Test
	void ordinaryTextIsRead() {
		var body = mapper.readValue("{\"name\":\"Lê Văn An\",\"form\":{\"a\":\"b\"},\"tags\":[\"x\"]}", Body.class);
		assertThat(body.name()).isEqualTo("Lê Văn An");
		assertThat(body.form()).containsEntry("a", "b");
	}
}
