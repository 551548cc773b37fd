package vn.xaso.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cache headers of static files under {@code /assets/} and {@code /webjars/}: a name with a content hash
 * ({@code app-0f3c….js}, what every page links) never changes, so it is cached for a year and marked
 * immutable; a plain name (old bookmarks, the service worker's shell list) is cached for an hour only.
 * Set before the handler runs, so Spring Security's default {@code no-store} is not added.
 */
@Component
class AssetCacheFilter extends OncePerRequestFilter {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";
	static final String SHORT = "public, max-age=3600";
	private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI();
		return !(path.startsWith("/assets/") || path.startsWith("/webjars/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, HASHED.matcher(request.getRequestURI()).matches() ? IMMUTABLE : SHORT);
		chain.doFilter(request, response);
	}
}
