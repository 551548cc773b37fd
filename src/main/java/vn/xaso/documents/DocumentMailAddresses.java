package vn.xaso.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Outside recipients' e-mail addresses of an outgoing document: one per line (commas and
 * semicolons also separate), at most {@value #MAX} distinct addresses, each at most
 * {@value #MAX_LENGTH} characters, in the plain {@code name@domain.tld} form. Errors are Vietnamese.
 */
public final class DocumentMailAddresses {

	public static final int MAX = 20;
	public static final int MAX_LENGTH = 254;

	private static final Pattern ADDRESS = Pattern
		.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");

	private DocumentMailAddresses() {
	}

	/** The addresses checked and de-duplicated (case-insensitively), one per line; "" when none. */
	public static String normalize(@Nullable String text) {
		return String.join("\n", parse(text));
	}

	/** The addresses of a stored (already normalized) field. */
	public static List<String> list(@Nullable String stored) {
		return stored == null ? List.of() : stored.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static List<String> parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		var unique = new LinkedHashMap<String, String>();
		for (var raw : text.split("[\\r\\n,;]+")) {
			var address = raw.strip();
			if (address.isEmpty()) {
				continue;
			}
			if (address.length() > MAX_LENGTH) {
				throw DocumentException.of("emailRecipients", "documents.error.emailLong", String.valueOf(MAX_LENGTH),
						address.substring(0, 40) + "…");
			}
			if (!ADDRESS.matcher(address).matches() || address.split("@", 2)[0].length() > 64) {
				throw DocumentException.of("emailRecipients", "documents.error.emailWrong", address);
			}
			unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
		}
		if (unique.size() > MAX) {
			throw DocumentException.of("emailRecipients", "documents.error.emailMany", String.valueOf(MAX));
		}
		return new ArrayList<>(unique.values());
	}
}
