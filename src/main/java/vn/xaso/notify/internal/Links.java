package vn.xaso.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns site-relative links into absolute ones with {@code xaso.notify.public-url}, else
 * {@code XASO_PUBLIC_URL} (the address citizens use, as on slips and QR codes).
 */
@Component
public class Links {

	private final String base;

	static final String BASE = "${xaso.notify.public-url:${XASO_PUBLIC_URL:http://localhost:8080}}";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Links.class);

	Links(@Value(BASE) String base) {
		this.base = base.strip().replaceAll("/+$", "");
		if (this.base.contains("://localhost")) {
			log.info("Links in messages point to {} — set XASO_PUBLIC_URL to the address citizens use", this.base);
		}
	}

	public String absolute(String link) {
		if (link.startsWith("http://") || link.startsWith("https://")) {
			return link;
		}
		return base + (link.startsWith("/") ? link : "/" + link);
	}

	/** Accepts http(s) URLs and site paths starting with a single '/'; anything else is refused. */
	public static boolean valid(@Nullable String link) {
		if (link == null) {
			return true;
		}
		if (link.length() > 1000 || link.chars().anyMatch(c -> c < 0x21)) {
			return false;
		}
		return link.startsWith("https://") || link.startsWith("http://") || (link.startsWith("/") && !link.startsWith("//"));
	}
}
