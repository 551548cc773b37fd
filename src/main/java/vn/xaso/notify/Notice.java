package vn.xaso.notify;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message to one person.
 *
 * @param unitCode the commune (or province) on whose behalf it is sent; its delivery log holds it
 * @param template a message-key prefix: {@code <template>.subject}, {@code <template>.text} and
 *        optionally {@code <template>.short}, with {@code {name}} placeholders filled from params
 * @param dedupeKey the same key for the same recipient and channel is queued only once
 * @param link an absolute URL or a site-relative path ("/citizen/...") to open from the message
 */
public record Notice(String unitCode, Recipient recipient, String template, Map<String, String> params, String dedupeKey,
		@Nullable String link) {

	public Notice {
		params = params == null ? Map.of() : Map.copyOf(params);
	}
}
