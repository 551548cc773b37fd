package vn.xaso.dossiers.internal;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address printed in QR codes and links on slips and results: {@code xaso.dossiers.public-url} when it is
 * set (the README's {@code XASO_PUBLIC_URL}), else the scheme, host and port of the request being served, as
 * Spring sees it (behind a proxy with {@code server.forward-headers-strategy}, the forwarded address), else
 * {@code http://localhost:8080} for work done outside a request (jobs).
 */
@org.springframework.stereotype.Component
final class PublicAddress {

	static final String FALLBACK = "http://localhost:8080";

	private final String configured;

	PublicAddress(@org.springframework.beans.factory.annotation.Value("${xaso.dossiers.public-url:${XASO_PUBLIC_URL:}}") String configured) {
		var c = configured == null ? "" : configured.strip();
		this.configured = c.replaceAll("/+$", "");
	}

	String base() {
		if (!configured.isEmpty()) {
			return configured;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).replaceQuery(null).build().toUriString();
		}
		return FALLBACK;
	}
}
