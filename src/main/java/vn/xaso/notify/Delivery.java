package vn.xaso.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How one notice stands on one channel: {@code status} queued (waiting or waiting for a retry), sending, sent
 * (accepted by the provider), failed (given up after the retries) or skipped (channel not usable, reason in
 * {@code lastError}). {@code masked}: the recipient without personal data in full.
 */
public record Delivery(Channel channel, String status, String masked, int attempts, @Nullable String lastError,
		@Nullable Instant sentAt, Instant updatedAt) {

	public boolean sent() {
		return "sent".equals(status);
	}

	public boolean failed() {
		return "failed".equals(status) || "skipped".equals(status);
	}
}
