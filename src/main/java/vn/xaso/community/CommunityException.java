package vn.xaso.community;

/**
 * A refused community request: {@code field} names the input at fault (or is null), {@code key} is the
 * message key in {@code i18n/community.properties} (Vietnamese, with an English twin), {@code args} its arguments.
 */
public class CommunityException extends RuntimeException {

	private final String field;
	private final String key;
	private final Object[] args;

	public CommunityException(String field, String key, Object... args) {
		super(key);
		this.field = field;
		this.key = key;
		this.args = args;
	}

	public String field() {
		return field;
	}

	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}
}
