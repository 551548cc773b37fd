package vn.xaso.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns site-relative links into absolute ones with {@code xaso.notify.public-url} (the address citizens use). */
@Component
public class Links {

	private final String base;

	Links(@Value("${xaso.notify.public-url:http://localhost:8080}") String base) {
		this.base = base.strip().replaceAll("/+$", "");
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
