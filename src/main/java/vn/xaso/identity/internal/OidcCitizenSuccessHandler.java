package vn.xaso.identity.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After the OIDC provider has vouched for a person, finds or creates their citizen account and
 * replaces the provider's token with the same {@code CitizenPrincipal} a phone sign-in gives, so
 * the rest of the application sees one kind of citizen.
 */
@Component
public class OidcCitizenSuccessHandler implements AuthenticationSuccessHandler {

	private final CitizenSignIn citizens;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OidcCitizenSuccessHandler(CitizenSignIn citizens) {
		this.citizens = citizens;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (!(authentication.getPrincipal() instanceof OidcUser user)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		var verifiedPhone = Boolean.TRUE.equals(user.getPhoneNumberVerified()) ? user.getPhoneNumber() : null;
		var citizen = citizens.signInWithOidc(String.valueOf(user.getIssuer()), user.getSubject(), user.getFullName(),
				verifiedPhone);
		var auth = UsernamePasswordAuthenticationToken.authenticated(citizen, null,
				List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		response.sendRedirect("/citizen");
	}
}
