package vn.xaso.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.PublicAddress;

/**
 * Turns site-relative links into absolute ones with the application's one public address
 * ({@link PublicAddress}: {@code XASO_PUBLIC_URL}, the address citizens use, as on slips and QR codes).
 */
@Component
public class Links {

	private final PublicAddress address;

	Links(PublicAddress address) {
		this.address = address;
	}

	public String absolute(String link) {
		return address.absolute(link);
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
