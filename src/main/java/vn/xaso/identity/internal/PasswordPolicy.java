package vn.xaso.identity.internal;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal.Text;

/**
 * Password rules for officials, in the spirit of NIST SP 800-63B: length matters more than
 * symbols; refuse the obvious. Returns the reason (a message of the identity bundle), or null when the password is fine.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;
	public static final int MAX_LENGTH = 128;
	private static final Set<String> COMMON = Set.of("1234567890", "0123456789", "12345678910", "qwertyuiop",
			"password123", "matkhau123", "123456789a", "a123456789", "abc1234567", "xaso123456", "1111111111",
			"admin12345", "iloveyou12", "passw0rd12");

	private PasswordPolicy() {
	}

	public static @Nullable Text problem(@Nullable String password, String username) {
		if (password == null || password.isEmpty()) {
			return new Text("identity.error.passwordEmpty");
		}
		if (password.length() < MIN_LENGTH) {
			return new Text("identity.error.passwordShort", String.valueOf(MIN_LENGTH));
		}
		if (password.length() > MAX_LENGTH) {
			return new Text("identity.error.passwordLong", String.valueOf(MAX_LENGTH));
		}
		var lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
			return new Text("identity.error.passwordCommon");
		}
		if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return new Text("identity.error.passwordUsername");
		}
		if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
			return new Text("identity.error.passwordMix");
		}
		return null;
	}
}
