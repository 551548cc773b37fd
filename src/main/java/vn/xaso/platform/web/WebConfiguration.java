package vn.xaso.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/** HTML rendering (precompiled jte), language choice (Vietnamese first, English), static assets. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Override
	public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new FormAnswers.Binder());
	}

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

	/**
	 * Static files get a content hash in their name ({@code /assets/xaso-<md5>.css}, templates ask
	 * {@link Page#asset(String)} for it) so they can be cached for a year; {@link AssetCacheFilter} sets the
	 * headers, and HTTP compression ({@code server.compression}) gzips the text types. Spring Boot's own
	 * mappings are off ({@code spring.web.resources.add-mappings: false}) so that these are the only ones.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		// Browsers ask for the tab icon at this fixed address; a day's cache is enough.
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic());
	}
}
