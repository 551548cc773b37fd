package vn.xaso.platform.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Everything the shared layout needs for one request: translations in the caller's language, the
 * CSRF token for forms, who is signed in, and the "large text" preference. Added to every model
 * by {@link PageAdvice}; page templates take it as their first parameter.
 */
public final class Page {

	/**
	 * Request attribute set (to {@code Boolean.TRUE}) on the pages that answer while the instance's first-run setup is
	 * in progress, when nothing else does: the layout then offers no link that would only lead to "đang cài đặt".
	 */
	public static final String SETUP_ONLY = "xaso.web.setup-only";

	private final MessageSource messages;
	private final Locale locale;
	private final String csrfParameter;
	private final java.util.function.Supplier<String> csrfToken;
	private final @Nullable Viewer viewer;
	private final boolean largeText;
	private final String path;
	private final java.util.function.UnaryOperator<String> assets;
	private final boolean setupOnly;

	Page(MessageSource messages, Locale locale, String csrfParameter, java.util.function.Supplier<String> csrfToken, @Nullable Viewer viewer,
			boolean largeText, String path, java.util.function.UnaryOperator<String> assets, boolean setupOnly) {
		this.messages = messages;
		this.locale = locale;
		this.csrfParameter = csrfParameter;
		this.csrfToken = csrfToken;
		this.viewer = viewer;
		this.largeText = largeText;
		this.path = path;
		this.assets = assets;
		this.setupOnly = setupOnly;
	}

	/** Whether only the setup pages answer now ({@link #SETUP_ONLY}): no sign-in or other links in the layout. */
	public boolean setupOnly() {
		return setupOnly;
	}

	/**
	 * The address of a static file with its content hash, e.g. {@code /assets/xaso.css} becomes
	 * {@code /assets/xaso-1b2c….css}: cached for a year, and a new version gets a new name.
	 */
	public String asset(String path) {
		return assets.apply(path);
	}

	/** A translated text; unknown keys show as {@code ??key??} so a gap is visible, never a crash. */
	public String t(String key, Object... args) {
		return messages.getMessage(key, args, "??" + key + "??", locale);
	}

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final java.time.format.DateTimeFormatter DAY_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

	/** A day as people write it (07/12/2026), "—" when there is none: never the machine form 2026-12-07. */
	public String date(java.time.@org.jspecify.annotations.Nullable LocalDate day) {
		return day == null ? "—" : DAY.format(day);
	}

	/** A moment in Vietnam time as people write it (10:36 07/12/2026), "—" when there is none. */
	public String dateTime(java.time.@org.jspecify.annotations.Nullable Instant at) {
		return at == null ? "—" : DAY_TIME.format(at);
	}

	public String lang() {
		return locale.getLanguage();
	}

	/** The reader's language, for texts a module's value types say themselves (e.g. a procedure's fee). */
	public Locale locale() {
		return locale;
	}

	public boolean english() {
		return "en".equals(locale.getLanguage());
	}

	public String csrfParameter() {
		return csrfParameter;
	}

	/** Asking for the token creates a session; public pages without forms never ask. */
	public String csrfToken() {
		return csrfToken.get();
	}

	public @Nullable Viewer viewer() {
		return viewer;
	}

	public boolean signedIn() {
		return viewer != null;
	}

	public boolean official() {
		return viewer != null && viewer.official();
	}

	public boolean hasRole(String role) {
		return viewer != null && viewer.hasRole(role);
	}

	public boolean largeText() {
		return largeText;
	}

	public String path() {
		return path;
	}

	/** Formats a number the Vietnamese way: 1.234.567. */
	public String number(long value) {
		return java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(value);
	}
}
