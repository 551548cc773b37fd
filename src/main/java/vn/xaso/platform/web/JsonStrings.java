package vn.xaso.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies of the API: a string (value or object key) containing a NUL character (U+0000, written
 * {@code \u0000} in JSON) is refused while reading, so it never reaches PostgreSQL (which cannot store
 * it). The failure is a {@link NulCharacter}, a 400 with the reason {@code error.nul}.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrings {

	@Bean
	JsonMapperBuilderCustomizer rejectNulInJsonStrings() {
		var module = new SimpleModule("xaso-no-nul");
		module.addDeserializer(String.class, new NoNulStrings());
		module.addKeyDeserializer(String.class, new NoNulKeys());
		return builder -> builder.addModule(module);
	}

	/** A JSON string with a NUL character. */
	static final class NulCharacter extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		NulCharacter(JsonParser parser) {
			super(parser, "A JSON string contains a NUL character (U+0000)", "\\u0000", String.class);
		}
	}

	static final class NoNulStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			var value = super.deserialize(p, ctxt);
			if (value != null && value.indexOf('\0') >= 0) {
				throw new NulCharacter(p);
			}
			return value;
		}
	}

	static final class NoNulKeys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
			if (key.indexOf('\0') >= 0) {
				throw new NulCharacter(ctxt.getParser());
			}
			return key;
		}
	}
}
