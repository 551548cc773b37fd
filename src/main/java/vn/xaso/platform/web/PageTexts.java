package vn.xaso.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import vn.xaso.platform.KeyedRefusal;
import vn.xaso.platform.Refusal;

/**
 * The base of a module's page texts ({@code farm.web.Texts}, {@code health.web.HealthTexts}, …): a message of the
 * module's bundle in the reader's language, and a refusal added to the form it belongs to. The module's subclass says
 * which refusals are a 403 or a 404 rather than a message on the page.
 */
public abstract class PageTexts<E extends KeyedRefusal> {

	private final MessageSource messages;

	protected PageTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** Throws a 403 or 404 for a refusal that is one (another's record, a page for other roles); returns for the others. */
	protected abstract void refuseAccessFor(E e);

	/**
	 * The message {@code key} in the reader's language (the key itself when there is none); an argument that is a
	 * refusal of another module (e.g. an account's) is shown in that language too.
	 */
	public String t(String key, Object... args) {
		var locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, Refusal.arguments(args, locale), key, locale);
	}

	/** Adds {@code e}'s message in the reader's language to {@code form}, on its field ({@code "general"} for the whole request). */
	public Form reject(Form form, E e) {
		return reject(form, e, "");
	}

	/** Like {@link #reject(Form, KeyedRefusal)} on a page with several forms: the field's name is {@code <prefix><field>}. */
	public Form reject(Form form, E e, String prefix) {
		refuseAccessFor(e);
		return form.reject(prefix + (e.field() == null ? "general" : e.field()), t(e.key(), e.args()));
	}
}
