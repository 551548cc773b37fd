package vn.xaso.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one address every absolute link of the application starts with — QR codes and links on slips and results,
 * links in notices and e-mails, first-sign-in links, shared and printed page addresses, Open311 — so they all agree:
 * {@code xaso.public-url} (set by {@code XASO_PUBLIC_URL}, docs/operations.md) when it is set, else the scheme, host
 * and port of the request being served as Spring sees it (behind a proxy with {@code server.forward-headers-strategy},
 * the forwarded address), else {@value #FALLBACK} for work done outside a request (jobs). No other class builds an
 * absolute address (ModuleShapeTests).
 */
@Component
public class PublicAddress {

	/** The address outside a request when none is configured. */
	public static final String FALLBACK = "http://localhost:8080";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicAddress.class);

	private final String configured;

	public PublicAddress(@Value("${xaso.public-url:${XASO_PUBLIC_URL:}}") String configured) {
		this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
		if (this.configured.isEmpty()) {
			log.info("XASO_PUBLIC_URL is not set: links use the address of each request ({} outside one)", FALLBACK);
		}
	}

	/** The configured address (no trailing slash), the current request's, or {@value #FALLBACK}. */
	public String base() {
		if (!configured.isEmpty()) {
			return configured;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).replaceQuery(null).build().toUriString();
		}
		return FALLBACK;
	}

	/** {@code link} made absolute: a site path ({@code /x/…}) after {@link #base()}; an http(s) address as it is. */
	public String absolute(String link) {
		if (link.startsWith("http://") || link.startsWith("https://")) {
			return link;
		}
		return base() + (link.startsWith("/") ? link : "/" + link);
	}
}
