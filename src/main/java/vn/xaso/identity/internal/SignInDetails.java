package vn.xaso.identity.internal;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/** The extra sign-in form field (six-digit code) and the caller's address. */
public record SignInDetails(@Nullable String code, String remoteAddress) implements Serializable {

	public static SignInDetails from(HttpServletRequest request) {
		return new SignInDetails(request.getParameter("code"), request.getRemoteAddr());
	}
}
