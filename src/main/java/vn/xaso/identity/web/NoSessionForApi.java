package vn.xaso.identity.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * API and Open311 calls never open an HTTP session: scripts send no cookie, so each session would
 * be new and live for hours (a benchmark once left 376,281 in the heap). A browser page that is
 * signed in keeps using its own session for these paths; nothing here creates one.
 */
final class NoSessionForApi {

	static final RequestMatcher API = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
			PathPatternRequestMatcher.pathPattern("/open311/**"));

	private NoSessionForApi() {
	}

	/** CSRF tokens in the session, except that a refused API call without a session does not get one. */
	static CsrfTokenRepository csrfTokens() {
		var sessions = new HttpSessionCsrfTokenRepository();
		return new CsrfTokenRepository() {

			@Override
			public CsrfToken generateToken(HttpServletRequest request) {
				return sessions.generateToken(request);
			}

			@Override
			public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
				if (API.matches(request) && request.getSession(false) == null) {
					return;
				}
				sessions.saveToken(token, request, response);
			}

			@Override
			public CsrfToken loadToken(HttpServletRequest request) {
				return sessions.loadToken(request);
			}
		};
	}

	/** Remembers the page to return to after sign-in, never for API calls (they get a 401). */
	static HttpSessionRequestCache requestCache() {
		return new HttpSessionRequestCache() {

			@Override
			public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
				if (!API.matches(request)) {
					super.saveRequest(request, response);
				}
			}
		};
	}
}
