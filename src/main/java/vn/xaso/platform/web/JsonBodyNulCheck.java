package vn.xaso.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Every JSON request body read into a controller's {@code @RequestBody} is scanned once for a string or
 * object key containing NUL (U+0000) before it is bound, whatever the target type (records, maps of
 * objects): such a body is refused with {@link JsonStrings.NulCharacter} as the cause, a 400. The
 * deserializer of {@link JsonStrings} covers the application's mapper; this covers every converter.
 */
@ControllerAdvice
class JsonBodyNulCheck extends RequestBodyAdviceAdapter {

	private static final JsonFactory FACTORY = new JsonFactory();

	@Override
	public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		var type = input.getHeaders().getContentType();
		if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))) {
			return input;
		}
		var bytes = input.getBody().readAllBytes();
		try (var parser = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), bytes)) {
			for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) && parser.getString().indexOf('\0') >= 0) {
					throw new HttpMessageNotReadableException("NUL character in a JSON string", new JsonStrings.NulCharacter(parser), input);
				}
			}
		}
		catch (JacksonException e) {
			// Not valid JSON: the converter reports it as usual.
		}
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(bytes);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}
		};
	}
}
