package vn.xaso.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/** HTML rendering (precompiled jte), language choice (Vietnamese first, English), static assets. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	TemplateEngine jteTemplateEngine() {
		return TemplateEngine.createPrecompiled(ContentType.Html);
	}

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine engine) {
		return new JteViewResolver(engine);
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("xaso_lang");
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new BadInputFilter.NulInMultipartFields());
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
	}
}
