package vn.xaso.platform.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Resolves a view name such as {@code "admin/accounts"} to the precompiled jte template
 * {@code admin/accounts.jte}. Model entries are passed by name to the template's parameters.
 */
final class JteViewResolver implements ViewResolver, Ordered {

	private final TemplateEngine engine;

	JteViewResolver(TemplateEngine engine) {
		this.engine = engine;
	}

	@Override
	public @Nullable View resolveViewName(String viewName, Locale locale) {
		if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
			return null;
		}
		var template = viewName + ".jte";
		if (!engine.hasTemplate(template)) {
			return null;
		}
		return new JteView(engine, template);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private record JteView(TemplateEngine engine, String template) implements View {

		@Override
		public String getContentType() {
			return "text/html;charset=UTF-8";
		}

		@Override
		public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			var output = new Utf8ByteOutput();
			engine.render(template, model == null ? Map.of() : new HashMap<>(model), output);
			response.setContentType(getContentType());
			response.setContentLength(output.getContentLength());
			output.writeTo(response.getOutputStream());
		}
	}
}
